/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Socket memory pressure events, laid out as lttng-modules 2.13 records
 * them, and the socket state and TCP events that lttng-modules lacks and
 * request-flow analyses need (inet_sock_set_state, tcp_retransmit_skb,
 * tcp_probe, tcp_rcv_space_adjust), with the names, fields and order of
 * the kernel's own tracepoints. Read once per generator pass: no include
 * guard around the events.
 */
#ifndef _LTTNG_INSTRUMENTATION_SOCK_HELPERS
#define _LTTNG_INSTRUMENTATION_SOCK_HELPERS

#include <linux/in6.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include <net/tcp.h>

/* A socket's addresses as the kernel's TCP tracepoints store them. */
struct lttng_sock_addrs {
	u8 saddr[4], daddr[4];
	u8 saddr_v6[16], daddr_v6[16];
};

static inline void lttng_sock_addrs(const struct sock *sk,
				    struct lttng_sock_addrs *a)
{
	const struct inet_sock *inet = inet_sk(sk);

	memcpy(a->saddr, &inet->inet_saddr, 4);
	memcpy(a->daddr, &inet->inet_daddr, 4);
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6) {
		memcpy(a->saddr_v6, &sk->sk_v6_rcv_saddr, 16);
		memcpy(a->daddr_v6, &sk->sk_v6_daddr, 16);
		return;
	}
#endif
	ipv6_addr_set_v4mapped(inet->inet_saddr, (struct in6_addr *)a->saddr_v6);
	ipv6_addr_set_v4mapped(inet->inet_daddr, (struct in6_addr *)a->daddr_v6);
}

/* tcp_probe's saddr/daddr: a sockaddr_in or sockaddr_in6, zero-padded. */
static inline void lttng_sock_sockaddrs(const struct sock *sk, u8 *src, u8 *dst)
{
	const struct inet_sock *inet = inet_sk(sk);

	memset(src, 0, sizeof(struct sockaddr_in6));
	memset(dst, 0, sizeof(struct sockaddr_in6));
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6) {
		struct sockaddr_in6 *s = (void *)src, *d = (void *)dst;

		s->sin6_family = d->sin6_family = AF_INET6;
		s->sin6_port = inet->inet_sport;
		d->sin6_port = inet->inet_dport;
		s->sin6_addr = sk->sk_v6_rcv_saddr;
		d->sin6_addr = sk->sk_v6_daddr;
		return;
	}
#endif
	{
		struct sockaddr_in *s = (void *)src, *d = (void *)dst;

		s->sin_family = d->sin_family = AF_INET;
		s->sin_port = inet->inet_sport;
		d->sin_port = inet->inet_dport;
		s->sin_addr.s_addr = inet->inet_saddr;
		d->sin_addr.s_addr = inet->inet_daddr;
	}
}

/*
 * The kernel's sock_cookie field: the socket's cookie, made if it has none
 * yet, as the kernel's tracepoints do (lttng-probe-sock.c).
 */
u64 lttng_sock_cookie(struct sock *sk);

/*
 * The address fields of the kernel's socket and TCP events, from a
 * struct lttng_sock_addrs local named a.
 */
#define lttng_sock_addr_fields						\
	f_array_hex(u8, saddr, tp_locvar->a.saddr, 4)			\
	f_array_hex(u8, daddr, tp_locvar->a.daddr, 4)			\
	f_array_hex(u8, saddr_v6, tp_locvar->a.saddr_v6, 16)		\
	f_array_hex(u8, daddr_v6, tp_locvar->a.daddr_v6, 16)

#endif /* _LTTNG_INSTRUMENTATION_SOCK_HELPERS */

LTTNG_EVENT(sock_rcvqueue_full,
	LTTNG_PROTO(struct sock *sk, struct sk_buff *skb),
	LTTNG_FIELDS(
		f_int(int, rmem_alloc, atomic_read(&sk->sk_rmem_alloc))
		f_int(unsigned int, truesize, skb->truesize)
		f_int(int, sk_rcvbuf, sk->sk_rcvbuf)
	))

/*
 * sysctl_mem: the protocol's min/pressure/max page thresholds;
 * kind: SK_MEM_SEND or SK_MEM_RECV.
 */
LTTNG_EVENT(sock_exceed_buf_limit,
	LTTNG_PROTO(struct sock *sk, struct proto *prot, long allocated, int kind),
	LTTNG_FIELDS(
		f_string(name, prot->name)
		f_array(long, sysctl_mem, prot->sysctl_mem, 3)
		f_int(long, allocated, allocated)
		f_int(int, sysctl_rmem, sk_get_rmem0(sk, prot))
		f_int(int, rmem_alloc, atomic_read(&sk->sk_rmem_alloc))
		f_int(int, sysctl_wmem, sk_get_wmem0(sk, prot))
		f_int(int, wmem_alloc, refcount_read(&sk->sk_wmem_alloc))
		f_int(int, wmem_queued, sk->sk_wmem_queued)
		f_int(int, kind, kind)
	))

LTTNG_EVENT_CODE(inet_sock_set_state, inet_sock_set_state,
	LTTNG_PROTO(const struct sock *sk, const int oldstate, const int newstate),
	LTTNG_LOCALS(
		struct lttng_sock_addrs a;
	),
	LTTNG_CODE(
		lttng_sock_addrs(sk, &tp_locvar->a);
	),
	LTTNG_FIELDS(
		f_hex(unsigned long, skaddr, (unsigned long)sk)
		f_int(int, oldstate, oldstate)
		f_int(int, newstate, newstate)
		f_int(u16, sport, ntohs(inet_sk(sk)->inet_sport))
		f_int(u16, dport, ntohs(inet_sk(sk)->inet_dport))
		f_int(u16, family, sk->sk_family)
		f_int(u16, protocol, sk->sk_protocol)
		lttng_sock_addr_fields
	))

LTTNG_EVENT_CODE(tcp_retransmit_skb, tcp_retransmit_skb,
	LTTNG_PROTO(const struct sock *sk, const struct sk_buff *skb),
	LTTNG_LOCALS(
		struct lttng_sock_addrs a;
	),
	LTTNG_CODE(
		lttng_sock_addrs(sk, &tp_locvar->a);
	),
	LTTNG_FIELDS(
		f_hex(unsigned long, skbaddr, (unsigned long)skb)
		f_hex(unsigned long, skaddr, (unsigned long)sk)
		f_int(int, state, sk->sk_state)
		f_int(u16, sport, ntohs(inet_sk(sk)->inet_sport))
		f_int(u16, dport, ntohs(inet_sk(sk)->inet_dport))
		f_int(u16, family, sk->sk_family)
		lttng_sock_addr_fields
	))

LTTNG_EVENT_CODE(tcp_probe, tcp_probe,
	LTTNG_PROTO(struct sock *sk, struct sk_buff *skb),
	LTTNG_LOCALS(
		u8 saddr[sizeof(struct sockaddr_in6)];
		u8 daddr[sizeof(struct sockaddr_in6)];
	),
	LTTNG_CODE(
		lttng_sock_sockaddrs(sk, tp_locvar->saddr, tp_locvar->daddr);
	),
	LTTNG_FIELDS(
		f_array_hex(u8, saddr, tp_locvar->saddr, sizeof(struct sockaddr_in6))
		f_array_hex(u8, daddr, tp_locvar->daddr, sizeof(struct sockaddr_in6))
		f_int(u16, sport, ntohs(inet_sk(sk)->inet_sport))
		f_int(u16, dport, ntohs(inet_sk(sk)->inet_dport))
		f_int(u16, family, sk->sk_family)
		f_hex(u32, mark, skb->mark)
		f_int(u16, data_len, skb->len - __tcp_hdrlen((const struct tcphdr *)skb->data))
		f_hex(u32, snd_nxt, tcp_sk(sk)->snd_nxt)
		f_hex(u32, snd_una, tcp_sk(sk)->snd_una)
		f_int(u32, snd_cwnd, tcp_snd_cwnd(tcp_sk(sk)))
		f_int(u32, ssthresh, tcp_current_ssthresh(sk))
		f_int(u32, snd_wnd, tcp_sk(sk)->snd_wnd)
		f_int(u32, srtt, tcp_sk(sk)->srtt_us >> 3)
		f_int(u32, rcv_wnd, tcp_sk(sk)->rcv_wnd)
		f_hex(u64, sock_cookie, lttng_sock_cookie(sk))
	))

LTTNG_EVENT_CODE(tcp_rcv_space_adjust, tcp_rcv_space_adjust,
	LTTNG_PROTO(struct sock *sk),
	LTTNG_LOCALS(
		struct lttng_sock_addrs a;
	),
	LTTNG_CODE(
		lttng_sock_addrs(sk, &tp_locvar->a);
	),
	LTTNG_FIELDS(
		f_hex(unsigned long, skaddr, (unsigned long)sk)
		f_int(u16, sport, ntohs(inet_sk(sk)->inet_sport))
		f_int(u16, dport, ntohs(inet_sk(sk)->inet_dport))
		f_int(u16, family, sk->sk_family)
		lttng_sock_addr_fields
		f_hex(u64, sock_cookie, lttng_sock_cookie(sk))
	))
