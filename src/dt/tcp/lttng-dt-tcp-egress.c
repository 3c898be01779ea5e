// SPDX-License-Identifier: GPL-2.0-only
/*
 * Setting the mark on the segments that leave.
 *
 * Every TCP segment a socket sends, from sendmsg, softirq (ACK clocking),
 * timers or a retransmit, goes through __tcp_transmit_skb(), which builds
 * the header and then calls the family's send_check (tcp_v4_send_check,
 * tcp_v6_send_check) to set up the checksum. A kprobe at their entry (an
 * ftrace site: it runs in the sender's context, like a function tracer)
 * sees the finished header, the socket and the skb before any checksum
 * exists, so setting the bit there keeps the checksum right whatever the
 * offload (CHECKSUM_PARTIAL, software, GSO/TSO: each segment copies the
 * header), and needs neither netfilter nor a lookup of the owner: the
 * decision is the socket's, whoever runs.
 *
 * A data segment (payload, never a SYN: Linux reads a SYN with reserved
 * bits as an ECN set-up) is marked while its socket is marking, or if it
 * starts before the end of the data queued while marking, until the peer
 * has acknowledged it all (lttng-dt-tcp-range.h): so a retransmit of
 * marked bytes stays marked after marking stopped.
 */
#include <linux/kprobes.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/tcp.h>

#include <lttng/dt-mark.h>

#include "lttng-dt-tcp.h"

static bool should_mark(struct dt_sock *ds, const struct sock *sk, u32 seq,
			u32 end)
{
	if (READ_ONCE(ds->marking)) {
		/* Covers the bytes of segments built before sendmsg's. */
		dt_mark_range_extend(&ds->marked, end);
		return true;
	}
	return dt_mark_range_covers(&ds->marked, seq, READ_ONCE(tcp_sk(sk)->snd_una));
}

/*
 * A socket with TCP-MD5 (RFC 2385) or TCP-AO keys signs each segment's
 * header, reserved bits included, before send_check: a mark set here
 * would make the peer drop every segment. Such sockets are never marked.
 */
bool dt_sock_signs(const struct sock *sk)
{
#ifdef CONFIG_TCP_MD5SIG
	if (rcu_access_pointer(tcp_sk(sk)->md5sig_info))
		return true;
#endif
#if defined(LTTNG_HAVE_TCP_AO) && IS_ENABLED(CONFIG_TCP_AO)
	if (rcu_access_pointer(tcp_sk(sk)->ao_info))
		return true;
#endif
	return false;
}

/* sk is a full TCP socket, locked by the caller of send_check. */
static void mark_segment(struct dt_sock *ds, struct sock *sk,
			 struct sk_buff *skb)
{
	struct tcphdr *th = tcp_hdr(skb);
	u32 hlen = th->doff * 4, seq, len;
	struct lttng_dt_mark m;

	if (th->syn || skb->len <= hlen || dt_sock_signs(sk))
		return;
	len = skb->len - hlen;
	seq = ntohl(th->seq);
	if (!should_mark(ds, sk, seq, seq + len))
		return;
	((u8 *)th)[DT_TCP_MARK_BYTE] |= DT_TCP_MARK_BIT;
	lttng_dt_net_count(LTTNG_DT_NET_MARKS_SENT);
	dt_sock_fill_mark(&m, sk, true, seq, len);
	lttng_dt_event_mark(&m, LTTNG_DT_MARK_SEND);
}

static int send_check_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct sock *sk = (struct sock *)regs_get_kernel_argument(regs, 0);
	struct sk_buff *skb = (struct sk_buff *)regs_get_kernel_argument(regs, 1);
	struct dt_sock *ds;

	if (!atomic_read(&dt_tcp_nr_socks))
		return 0;
	rcu_read_lock();
	ds = dt_sock_find(sk);
	if (ds)
		mark_segment(ds, sk, skb);
	rcu_read_unlock();
	return 0;
}

static struct kprobe send_check_kp[] = {
	{ .symbol_name = "tcp_v4_send_check", .pre_handler = send_check_pre },
#if IS_ENABLED(CONFIG_IPV6)
	{ .symbol_name = "tcp_v6_send_check", .pre_handler = send_check_pre },
#endif
};

static struct kprobe *send_check_kps[ARRAY_SIZE(send_check_kp)];

int dt_egress_start(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(send_check_kp); i++)
		send_check_kps[i] = &send_check_kp[i];
	return register_kprobes(send_check_kps, ARRAY_SIZE(send_check_kps));
}

void dt_egress_stop(void)
{
	unregister_kprobes(send_check_kps, ARRAY_SIZE(send_check_kps));
}
