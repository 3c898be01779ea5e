// SPDX-License-Identifier: GPL-2.0-only
/*
 * Marks coming in, and the threads that read them.
 *
 * tcp_probe fires at the top of tcp_rcv_established() for every segment
 * of an established socket, with the socket (locked) and the segment
 * (skb->data is its TCP header): the mark is attributed to the socket
 * without any lookup. A marked segment of new in-window data from a
 * trusted source marks its socket "pending". The segment that completes
 * a handshake (its ACK may carry data, or the handshake's last ACK was
 * lost) is handled by tcp_child_process() in SYN_RECV instead: a kprobe
 * there sees it.
 *
 * tcp_rcv_space_adjust fires in tcp_recvmsg() after data was copied, in
 * the reading thread: if its socket is pending and the thread has copied
 * the first marked byte, that read is recorded (lttng_dt_mark_read, in
 * the reader's context, whatever its flag: a thread already flagged
 * leaves no other trace of it), and that thread is flagged with reason
 * network (within the rate limit of the socket's peer when the flag is
 * new) and the socket remembers it served one, so that the thread's next
 * send on it (the response) ends the flag (lttng-dt-tcp-send.c).
 *
 * inet_sock_set_state to TCP_CLOSE forgets the socket.
 */
#include <linux/kprobes.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/tracepoint.h>
#include <net/tcp.h>

#include <lttng/dt-mark.h>

#include "lib/lttng-tracepoints.h"
#include "lttng-dt-tcp.h"

/*
 * tcp_probe fires before TCP validates the segment (PAWS, window): only
 * new data inside the offered window counts, never a spurious retransmit
 * of bytes already received nor a segment beyond the window. A segment
 * that passes this but is dropped later (PAWS) is never read: the reader
 * is flagged only once it has copied the first marked byte.
 */
static bool brings_new_data(const struct sock *sk, u32 seq, u32 len)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	return dt_seq_new_in_window(seq, len, READ_ONCE(tp->rcv_nxt),
				    tcp_receive_window(tp));
}

static void mark_in(struct sock *sk, struct sk_buff *skb)
{
	const struct tcphdr *th = (const struct tcphdr *)skb->data;
	u32 hlen = th->doff * 4, seq;
	struct lttng_dt_mark m;
	struct dt_sock *ds;

	if (likely(!(((const u8 *)th)[DT_TCP_MARK_BYTE] & DT_TCP_MARK_BIT)) ||
	    skb->len <= hlen)
		return;
	seq = ntohl(th->seq);
	if (!brings_new_data(sk, seq, skb->len - hlen))
		return;
	lttng_dt_net_count(LTTNG_DT_NET_MARKS_RECEIVED);
	if (!dt_trust_allows(sk)) {
		lttng_dt_net_count(LTTNG_DT_NET_MARKS_UNTRUSTED);
		return;
	}
	rcu_read_lock();
	ds = dt_sock_get(sk);
	if (ds && !READ_ONCE(ds->pending)) {
		/* The first new marked byte: the reader must copy it. */
		ds->pending_seq = dt_seq_before(seq, READ_ONCE(tcp_sk(sk)->rcv_nxt)) ?
				  READ_ONCE(tcp_sk(sk)->rcv_nxt) : seq;
		WRITE_ONCE(ds->pending, true);
	}
	rcu_read_unlock();
	dt_sock_fill_mark(&m, sk, false, seq, skb->len - hlen);
	lttng_dt_event_mark(&m, LTTNG_DT_MARK_RECV);
}

static void dt_tcp_probe(void *data, struct sock *sk, struct sk_buff *skb)
{
	mark_in(sk, skb);
}

/* tcp_child_process(parent, child, skb), the child locked. */
static int child_process_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct sock *child = (struct sock *)regs_get_kernel_argument(regs, 1);
	struct sk_buff *skb = (struct sk_buff *)regs_get_kernel_argument(regs, 2);

	/* Owned: it goes to the backlog, then through tcp_probe. */
	if (!sock_owned_by_user(child))
		mark_in(child, skb);
	return 0;
}

static struct kprobe child_process_kp = {
	.symbol_name = "tcp_child_process",
	.pre_handler = child_process_pre,
};

/*
 * Only the read that starts a thread's network reason makes its socket
 * await the response. A tier that calls another reads that one's marked
 * reply while its own request's reason is still on: the reply belongs
 * to that request, whose response is owed on the first socket. Were the
 * second socket to await one too, the tier's next write there (the next
 * request's call) would end the next request's flag before its work.
 */
static void flag_reader(struct dt_sock *ds, const struct sock *sk)
{
	const u32 net = LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_NETWORK);
	bool already = lttng_dt_flag_reasons(current) & net;

	if (!already && !dt_rate_allows(sk)) {
		lttng_dt_net_count(LTTNG_DT_NET_MARKS_RATELIMITED);
		return;
	}
	if (lttng_dt_flag_network() >= 0 && !already)
		ds->served = true;
}

/* The reader's lttng_dt_mark_read: from the first marked byte to copied. */
static void mark_read(const struct sock *sk, u32 seq, u32 copied)
{
	struct lttng_dt_mark m;

	dt_sock_fill_mark(&m, sk, false, seq, copied - seq);
	lttng_dt_event_mark(&m, LTTNG_DT_MARK_READ);
}

static void dt_rcv_space_adjust(void *data, struct sock *sk)
{
	struct dt_sock *ds;
	u32 copied;

	/* Readers are threads; tcp_read_sock() users may be softirqs. */
	if (!atomic_read(&dt_tcp_nr_socks) || !in_task() ||
	    (current->flags & PF_KTHREAD))
		return;
	rcu_read_lock();
	ds = dt_sock_find(sk);
	copied = READ_ONCE(tcp_sk(sk)->copied_seq);
	if (ds && READ_ONCE(ds->pending) &&
	    dt_seq_before(ds->pending_seq, copied)) {
		WRITE_ONCE(ds->pending, false);
		mark_read(sk, ds->pending_seq, copied);
		flag_reader(ds, sk);
	}
	rcu_read_unlock();
}

static void dt_set_state(void *data, const struct sock *sk, const int oldstate,
			 const int newstate)
{
	if (newstate == TCP_CLOSE && sk->sk_protocol == IPPROTO_TCP &&
	    atomic_read(&dt_tcp_nr_socks))
		dt_sock_forget(sk);
}

static struct lttng_tracepoint_probe dt_tps[] = {
	{ .name = "inet_sock_set_state", .func = dt_set_state,
	  .prio = TRACEPOINT_DEFAULT_PRIO },
	{ .name = "tcp_probe", .func = dt_tcp_probe,
	  .prio = TRACEPOINT_DEFAULT_PRIO },
	{ .name = "tcp_rcv_space_adjust", .func = dt_rcv_space_adjust,
	  .prio = TRACEPOINT_DEFAULT_PRIO },
};

int dt_ingress_start(void)
{
	int ret;

	ret = lttng_tracepoint_probes_register(dt_tps, ARRAY_SIZE(dt_tps), NULL);
	if (ret)
		return ret;
	ret = register_kprobe(&child_process_kp);
	if (ret)
		lttng_tracepoint_probes_unregister(dt_tps, ARRAY_SIZE(dt_tps), NULL);
	return ret;
}

void dt_ingress_stop(void)
{
	unregister_kprobe(&child_process_kp);
	lttng_tracepoint_probes_unregister(dt_tps, ARRAY_SIZE(dt_tps), NULL);
}
