// SPDX-License-Identifier: GPL-2.0-only
/*
 * Probes of the socket and TCP tracepoints
 * (include/instrumentation/events/sock.h): here because the stock sessiond
 * loads lttng-probe-sock and has no TCP probe module name.
 */
#include <linux/module.h>
#include <linux/sock_diag.h>
#include <trace/events/sock.h>
#include <trace/events/tcp.h>

#define LTTNG_PROBE_SUBSYSTEM	sock
#define LTTNG_PROBE_EVENTS	<instrumentation/events/sock.h>
#include <lttng/tracepoint-event.h>

/*
 * The kernel's TCP tracepoints record sock_cookie through
 * sock_gen_cookie(), which gives a socket its cookie the first time one is
 * asked for: the value getsockopt(SO_COOKIE), sock_diag and BPF report
 * later, so a trace can be joined with them. sock_diag_save_cookie() is
 * the exported way to ask for it. No unexported function is called
 * through an address found at run time: on kernels with indirect branch
 * tracking (IBT) such a function's ENDBR may be sealed, and the call
 * would be a fatal control-protection fault.
 */
u64 lttng_sock_cookie(struct sock *sk)
{
	__u32 cookie[2];

	sock_diag_save_cookie(sk, cookie);
	return (u64)cookie[1] << 32 | cookie[0];
}

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: socket and TCP events");
