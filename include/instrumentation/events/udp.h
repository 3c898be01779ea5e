/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * UDP: a datagram the socket could not queue (receive buffer full, out of
 * memory, filtered), laid out as lttng-modules 2.13 records it. Read once
 * per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_UDP_HELPERS
#define _LTTNG_INSTRUMENTATION_UDP_HELPERS

#include <net/inet_sock.h>

#endif /* _LTTNG_INSTRUMENTATION_UDP_HELPERS */

/* rc: the queueing error (negative errno); lport: the local port, host order. */
LTTNG_EVENT(udp_fail_queue_rcv_skb,
	LTTNG_PROTO(int rc, struct sock *sk),
	LTTNG_FIELDS(
		f_int(int, rc, rc)
		f_int(u16, lport, inet_sk(sk)->inet_num)
	))
