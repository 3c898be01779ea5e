// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/lttng-logger and /dev/lttng-logger: any process writes text there
 * and each write is recorded as one lttng_logger event, as lttng-modules
 * provides them (both files world-writable, writes cut at 1024 bytes,
 * the length written returned). A way for scripts and programs without
 * lttng-ust to put marks in a kernel trace.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

#include "lttng-logger.h"

/* lttng-modules' bound: longer writes are cut, not refused. */
#define LTTNG_LOGGER_MAX	1024

DECLARE_TRACE(lttng_logger,
	TP_PROTO(const char *text, size_t len),
	TP_ARGS(text, len));

DEFINE_TRACE(lttng_logger,
	TP_PROTO(const char *text, size_t len),
	TP_ARGS(text, len));

#define LTTNG_PROBE_SUBSYSTEM	lttng
#define LTTNG_PROBE_EVENTS	<instrumentation/events/lttng.h>
#define LTTNG_PROBE_CUSTOM_INIT
#include <lttng/tracepoint-event.h>

/*
 * The text is copied before the tracepoint fires: probes run with
 * preemption off and cannot fault user pages in. Nothing is copied while
 * no session records the event.
 */
static ssize_t logger_write(struct file *file, const char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	char *text;

	count = min_t(size_t, count, LTTNG_LOGGER_MAX);
	if (!trace_lttng_logger_enabled())
		goto out;
	text = memdup_user(ubuf, count);
	if (IS_ERR(text))
		return PTR_ERR(text);
	trace_lttng_logger(text, count);
	kfree(text);
out:
	*ppos += count;
	return count;
}

#ifdef LTTNG_HAVE_PROC_OPS
static const struct proc_ops logger_proc_ops = {
	.proc_write = logger_write,
};
#else
static const struct file_operations logger_proc_ops = {
	.owner = THIS_MODULE,
	.write = logger_write,
};
#endif

static const struct file_operations logger_dev_ops = {
	.owner = THIS_MODULE,
	.write = logger_write,
};

static struct miscdevice logger_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lttng-logger",
	.mode = 0666,
	.fops = &logger_dev_ops,
};

static struct proc_dir_entry *logger_entry;

/* The probe first: the files may be written as soon as they exist. */
int lttng_logger_init(void)
{
	int ret;

	ret = lttng_probe_register(&lttng_probe_of_module);
	if (ret)
		return ret;
	ret = misc_register(&logger_dev);
	if (ret)
		goto err_probe;
	logger_entry = proc_create("lttng-logger", 0666, NULL, &logger_proc_ops);
	if (!logger_entry) {
		ret = -ENOMEM;
		goto err_dev;
	}
	return 0;

err_dev:
	misc_deregister(&logger_dev);
err_probe:
	lttng_probe_unregister(&lttng_probe_of_module);
	return ret;
}

void lttng_logger_exit(void)
{
	proc_remove(logger_entry);
	misc_deregister(&logger_dev);
	lttng_probe_unregister(&lttng_probe_of_module);
}
