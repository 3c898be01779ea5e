// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-test-oob: a deliberate heap out-of-bounds write, for proving
 * that the harness catches sanitizer reports on the debug kernel.
 *
 * Writing a decimal N to /proc/lttng-dt-test-oob stores one byte N bytes
 * past the end of a 16-byte allocation. Never load this outside a test VM.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define OOB_ALLOC_SIZE	16

static ssize_t oob_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	unsigned int past;
	char *buf;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 10, &past);
	if (ret)
		return ret;
	buf = kmalloc(OOB_ALLOC_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	/* The index comes from userspace so the compiler cannot object. */
	buf[OOB_ALLOC_SIZE + past] = 0x5a;
	kfree(buf);
	return count;
}

static const struct proc_ops oob_ops = {
	.proc_write = oob_write,
};

static struct proc_dir_entry *oob_entry;

static int __init oob_init(void)
{
	oob_entry = proc_create("lttng-dt-test-oob", 0200, NULL, &oob_ops);
	return oob_entry ? 0 : -ENOMEM;
}
module_init(oob_init);

static void __exit oob_exit(void)
{
	proc_remove(oob_entry);
}
module_exit(oob_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("lttng-dt test only: deliberate out-of-bounds write");
