// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-test: a test trigger. Writing N to /proc/lttng-test-filter-event
 * fires lttng_test_filter_event N times from a kernel loop, with the
 * arguments lttng-modules' test module uses, so that tests and
 * benchmarks measure the tracer and not the system calls around it.
 */
#include <linux/inet.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>

#define TEST_PROC_NAME	"lttng-test-filter-event"

DECLARE_TRACE(lttng_test_filter_event,
	TP_PROTO(int anint, int netint, long *values, char *text,
		 size_t textlen, char *etext, uint32_t *net_values),
	TP_ARGS(anint, netint, values, text, textlen, etext, net_values));

DEFINE_TRACE(lttng_test_filter_event,
	TP_PROTO(int anint, int netint, long *values, char *text,
		 size_t textlen, char *etext, uint32_t *net_values),
	TP_ARGS(anint, netint, values, text, textlen, etext, net_values));

#define LTTNG_PROBE_SUBSYSTEM	lttng_test
#define LTTNG_PROBE_EVENTS	<instrumentation/events/lttng-test.h>
#define LTTNG_PROBE_CUSTOM_INIT
#include <lttng/tracepoint-event.h>

#include "compat/proc.h"

static struct proc_dir_entry *test_entry;

static void fire(unsigned int n)
{
	long values[] = { 1, 2, 3 };
	/* Network-order values, as a probe would read them from a packet. */
	uint32_t net_values[] = {
		(__force u32)htonl(1), (__force u32)htonl(2), (__force u32)htonl(3)
	};
	char text[10] = "test";
	char escaped[] = "\\*";
	unsigned int i;

	for (i = 0; i < n; i++) {
		trace_lttng_test_filter_event(i, (__force int)htonl(i), values, text,
					      strlen(text), escaped, net_values);
		/* A large n must not hold the CPU. */
		cond_resched();
	}
}

static ssize_t test_write(struct file *file, const char __user *ubuf,
			  size_t count, loff_t *ppos)
{
	unsigned int n;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 10, &n);
	if (ret)
		return ret;
	fire(n);
	*ppos += count;
	return count;
}

#ifdef LTTNG_HAVE_PROC_OPS
static const struct proc_ops test_ops = {
	.proc_write = test_write,
};
#else
static const struct file_operations test_ops = {
	.owner = THIS_MODULE,
	.write = test_write,
};
#endif

static int __init lttng_test_init(void)
{
	int ret = lttng_probe_register(&lttng_probe_of_module);

	if (ret)
		return ret;
	test_entry = proc_create(TEST_PROC_NAME, 0600, NULL, &test_ops);
	if (!test_entry) {
		lttng_probe_unregister(&lttng_probe_of_module);
		return -ENOMEM;
	}
	return 0;
}
module_init(lttng_test_init);

static void __exit lttng_test_exit(void)
{
	proc_remove(test_entry);
	lttng_probe_unregister(&lttng_probe_of_module);
}
module_exit(lttng_test_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt test trigger: lttng_test_filter_event");
