/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Socket memory pressure events, laid out as lttng-modules 2.13 records
 * them. Read once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_SOCK_HELPERS
#define _LTTNG_INSTRUMENTATION_SOCK_HELPERS

#include <linux/skbuff.h>
#include <net/sock.h>

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
