// SPDX-License-Identifier: GPL-2.0-only
/*
 * sendmsg decides whether a socket marks: a kprobe at the entry of
 * tcp_sendmsg_locked() (the socket locked, in the sending thread). A
 * flagged thread turns marking on, before its data is queued, so that
 * data leaves marked even when the congestion window holds it back and
 * it is sent later from softirq. An unflagged thread turns it off; the
 * data queued until then (up to write_seq) stays marked, retransmits
 * included.
 *
 * Data also comes without sendmsg: sendfile(), splice() and kTLS queue
 * pages through do_tcp_sendpages() on kernels that have it (later ones
 * pass them to tcp_sendmsg_locked() with MSG_SPLICE_PAGES). Its first
 * argument is the locked socket too, so the same handler decides there.
 *
 * A thread that the socket flagged with reason network (it read a marked
 * request there) and now sends on it is sending the response: its
 * network reason ends here. Its socket was turned on just before, so the
 * response itself is marked.
 *
 * A flagged thread's write is recorded here too (lttng_dt_mark_write), in
 * its own context: the segments that carry it leave later, often from
 * softirq, so their lttng_dt_mark_send cannot name the writer. Its seq is
 * write_seq, the number the write's first byte gets; its len, the size
 * the caller asked for (a non-blocking write may queue less).
 */
#include <linux/kprobes.h>
#include <linux/percpu.h>
#include <net/tcp.h>

#include <lttng/dt.h>
#include <lttng/dt-mark.h>

#include "lttng-dt-tcp.h"

static void start_marking(struct dt_sock *ds)
{
	const u32 net = LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_NETWORK);

	WRITE_ONCE(ds->marking, true);
	if (!ds->served)
		return;
	ds->served = false;
	if (lttng_dt_flag_clear_current(net))
		lttng_dt_net_count(LTTNG_DT_NET_CLEARED_RESPONSE);
}

static void stop_marking(struct dt_sock *ds, struct sock *sk)
{
	dt_mark_range_extend(&ds->marked, READ_ONCE(tcp_sk(sk)->write_seq));
	WRITE_ONCE(ds->marking, false);
}

/* The writer's lttng_dt_mark_write: data it queues from write_seq on. */
static void mark_write(const struct sock *sk, size_t size)
{
	struct lttng_dt_mark m;

	if (!size || dt_sock_signs(sk))
		return;
	dt_sock_fill_mark(&m, sk, true, READ_ONCE(tcp_sk(sk)->write_seq),
			  min_t(size_t, size, U32_MAX));
	lttng_dt_event_mark(&m, LTTNG_DT_MARK_WRITE);
}

/* sk locked, in the sending thread, which asks to send size bytes. */
static void before_send(struct sock *sk, size_t size)
{
	bool flagged = this_cpu_read(lttng_dt_current_flagged);
	struct dt_sock *ds;

	if (!flagged && !atomic_read(&dt_tcp_nr_socks))
		return;
	rcu_read_lock();
	if (flagged) {
		ds = dt_sock_get(sk);
		if (ds) {
			start_marking(ds);
			mark_write(sk, size);
		}
	} else {
		ds = dt_sock_find(sk);
		if (ds && READ_ONCE(ds->marking))
			stop_marking(ds, sk);
	}
	rcu_read_unlock();
}

/* tcp_sendmsg_locked(sk, msg, size) */
static int sendmsg_pre(struct kprobe *p, struct pt_regs *regs)
{
	before_send((struct sock *)regs_get_kernel_argument(regs, 0),
		    regs_get_kernel_argument(regs, 2));
	return 0;
}

static struct kprobe sendmsg_kp = {
	.symbol_name = "tcp_sendmsg_locked",
	.pre_handler = sendmsg_pre,
};

#ifdef LTTNG_HAVE_DO_TCP_SENDPAGES
/* do_tcp_sendpages(sk, page, offset, size, flags) */
static int sendpages_pre(struct kprobe *p, struct pt_regs *regs)
{
	before_send((struct sock *)regs_get_kernel_argument(regs, 0),
		    regs_get_kernel_argument(regs, 3));
	return 0;
}

static struct kprobe sendpages_kp = {
	.symbol_name = "do_tcp_sendpages",
	.pre_handler = sendpages_pre,
};

static int start_sendpages(void)
{
	return register_kprobe(&sendpages_kp);
}

static void stop_sendpages(void)
{
	unregister_kprobe(&sendpages_kp);
}
#else
static int start_sendpages(void)
{
	return 0;
}

static void stop_sendpages(void)
{
}
#endif

int dt_send_start(void)
{
	int ret = register_kprobe(&sendmsg_kp);

	if (ret)
		return ret;
	ret = start_sendpages();
	if (ret)
		unregister_kprobe(&sendmsg_kp);
	return ret;
}

void dt_send_stop(void)
{
	stop_sendpages();
	unregister_kprobe(&sendmsg_kp);
}
