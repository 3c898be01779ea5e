/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lttng-dt-tcp: the TCP mark. Threads flagged by the distributed-trace
 * gate mark the data segments of the sockets they send on (the first
 * reserved bit of the TCP header); a marked segment received marks its
 * socket, and the thread that reads it is flagged with reason network
 * until it sends on that socket (its response) or stays idle too long.
 *
 *   lttng-dt-tcp-main.c     parameters, load and unload
 *   lttng-dt-tcp-sock.c     per-socket state, by struct sock pointer
 *   lttng-dt-tcp-egress.c   setting the mark on the segments that leave
 *   lttng-dt-tcp-send.c     sendmsg: a socket starts or stops marking
 *   lttng-dt-tcp-ingress.c  marked segments in; readers flagged; closes
 *   lttng-dt-tcp-trust.c    whose marks count: loopback, listed networks
 *   lttng-dt-tcp-ratelimit.c  new network flags, per source (token buckets)
 *   lttng-dt-tcp-expire.c   idle network flags lapse
 */
#ifndef _LTTNG_DT_TCP_H
#define _LTTNG_DT_TCP_H

#include <linux/rcupdate.h>
#include <linux/types.h>

#include "lttng-dt-tcp-range.h"

struct in6_addr;
struct sock;
struct sk_buff;
struct lttng_dt_mark;

/* The mark: bit 4 of the TCP header's 16-bit data-offset/flags word. */
#define DT_TCP_MARK_BYTE	12		/* offset in struct tcphdr */
#define DT_TCP_MARK_BIT		0x08		/* 0x0800 of the BE word */

/*
 * What we know of one TCP socket. Its fields change under the socket's
 * lock (sendmsg, transmit, receive and recvmsg all hold it), so they need
 * no lock of their own; the table's lock only guards insert and remove.
 */
struct dt_sock {
	struct hlist_node node;
	const struct sock *sk;		/* the key; never dereferenced */
	bool marking;			/* new data segments are marked */
	struct dt_mark_range marked;	/* data sent while marking */
	bool pending;			/* marked data came in, not read yet */
	u32 pending_seq;		/* its first new byte */
	bool served;			/* it flagged a reader: await the response */
	struct rcu_head rcu;
};

/* lttng-dt-tcp-sock.c */
extern atomic_t dt_tcp_nr_socks;
struct dt_sock *dt_sock_find(const struct sock *sk);	/* under RCU */
struct dt_sock *dt_sock_get(const struct sock *sk);	/* find or add */
void dt_sock_forget(const struct sock *sk);
int dt_sock_start(void);			/* the destructor hook */
void dt_sock_stop(void);
void dt_sock_forget_all(void);
void dt_sock_fill_mark(struct lttng_dt_mark *m, const struct sock *sk,
		       bool send, u32 seq, u32 len);

/* lttng-dt-tcp-egress.c / -send.c / -ingress.c: kprobes and tracepoints. */
bool dt_sock_signs(const struct sock *sk);	/* TCP-MD5/AO: never marked */
int dt_egress_start(void);
void dt_egress_stop(void);
int dt_send_start(void);
void dt_send_stop(void);
int dt_ingress_start(void);
void dt_ingress_stop(void);

/* lttng-dt-tcp-trust.c */
void dt_peer_addr(const struct sock *sk, struct in6_addr *a);
bool dt_trust_allows(const struct sock *sk);
int dt_trust_init(void);
void dt_trust_exit(void);

/* lttng-dt-tcp-ratelimit.c: any context. */
bool dt_rate_allows(const struct sock *sk);
void dt_ratelimit_init(void);

/* lttng-dt-tcp-expire.c */
void dt_expire_start(void);
void dt_expire_stop(void);

/* Parameters (lttng-dt-tcp-main.c). */
extern unsigned int dt_tcp_idle_timeout_ms;
extern unsigned int dt_tcp_rate_limit;

#endif /* _LTTNG_DT_TCP_H */
