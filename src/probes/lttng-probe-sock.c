// SPDX-License-Identifier: GPL-2.0-only
/*
 * Probes of the socket and TCP tracepoints
 * (include/instrumentation/events/sock.h): here because the stock sessiond
 * loads lttng-probe-sock and has no TCP probe module name.
 */
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/sock_diag.h>
#include <trace/events/sock.h>
#include <trace/events/tcp.h>

#define LTTNG_PROBE_SUBSYSTEM	sock
#define LTTNG_PROBE_EVENTS	<instrumentation/events/sock.h>
#define LTTNG_PROBE_CUSTOM_INIT
#include <lttng/tracepoint-event.h>

/*
 * The kernel's TCP tracepoints record sock_cookie through
 * sock_gen_cookie(), which gives a socket its cookie the first time one is
 * asked for: the value getsockopt(SO_COOKIE), sock_diag and BPF report
 * later, so a trace can be joined with them. __sock_gen_cookie() is not
 * exported; a module finds it through a kprobe on it, registered only to
 * read the address back. Without it, a socket's cookie is recorded only
 * once something else has made it, 0 before.
 */
#ifdef MODULE
static u64 (*sock_gen_cookie_fn)(struct sock *sk);

/* A kprobe's address is past the function's ENDBR64 on IBT kernels. */
static void *function_entry(void *probe_addr)
{
	static const u8 endbr64[] = { 0xf3, 0x0f, 0x1e, 0xfa };
	u8 before[sizeof(endbr64)];

	if (IS_ENABLED(CONFIG_X86_64) &&
	    !copy_from_kernel_nofault(before, (u8 *)probe_addr - sizeof(before),
				      sizeof(before)) &&
	    !memcmp(before, endbr64, sizeof(endbr64)))
		return (u8 *)probe_addr - sizeof(endbr64);
	return probe_addr;
}

static void find_sock_gen_cookie(void)
{
	struct kprobe kp = { .symbol_name = "__sock_gen_cookie" };

	if (register_kprobe(&kp))
		return;
	sock_gen_cookie_fn = function_entry(kp.addr);
	unregister_kprobe(&kp);
}

u64 lttng_sock_cookie(struct sock *sk)
{
	if (sock_gen_cookie_fn)
		return sock_gen_cookie_fn(sk);
	return atomic64_read(&sk->sk_cookie);
}
#else
static void find_sock_gen_cookie(void)
{
}

/* Built into the kernel, the tracer links to it directly. */
u64 lttng_sock_cookie(struct sock *sk)
{
	return __sock_gen_cookie(sk);
}
#endif

static int __init lttng_probe_sock_init(void)
{
	find_sock_gen_cookie();
	return lttng_probe_register(&lttng_probe_of_module);
}
module_init(lttng_probe_sock_init);

static void __exit lttng_probe_sock_exit(void)
{
	lttng_probe_unregister(&lttng_probe_of_module);
}
module_exit(lttng_probe_sock_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: socket and TCP events");
