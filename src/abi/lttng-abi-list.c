// SPDX-License-Identifier: GPL-2.0-only
/*
 * The event lists returned by TRACEPOINT_LIST and SYSCALL_LIST.
 *
 * Each is an anonymous read-only file of text lines that lttng-sessiond
 * parses with fscanf(), so the line formats below are part of the ABI:
 *
 *   event { name = NAME; };
 *   syscall { index = NR; name = NAME; bitness = 64; };
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include <lttng/probes.h>

#include "lttng-abi.h"

#define SYSCALL_ENTRY_PREFIX	"syscall_entry_"

/* The kind of event listed is kept in the seq_file's private field. */
static enum lttng_event_kind list_kind(struct seq_file *m)
{
	return (enum lttng_event_kind)(uintptr_t)m->private;
}

static void *list_start(struct seq_file *m, loff_t *pos)
{
	lttng_probes_lock();
	return (void *)lttng_probes_event_at(list_kind(m), *pos);
}

static void *list_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return (void *)lttng_probes_event_at(list_kind(m), *pos);
}

static void list_stop(struct seq_file *m, void *v)
{
	lttng_probes_unlock();
}

static int tracepoint_show(struct seq_file *m, void *v)
{
	const struct lttng_event_desc *desc = v;

	seq_printf(m, "event { name = %s; };\n", desc->name);
	return 0;
}

static const struct seq_operations tracepoint_list_ops = {
	.start = list_start,
	.next = list_next,
	.stop = list_stop,
	.show = tracepoint_show,
};

/* sessiond lists syscalls by bare name: drop the entry-event prefix. */
static int syscall_show(struct seq_file *m, void *v)
{
	const struct lttng_event_desc *desc = v;
	const char *name = desc->name;

	/* Numbers without description are not syscalls one can name. */
	if (desc->syscall_nr == LTTNG_SYSCALL_NR_UNKNOWN)
		return SEQ_SKIP;
	if (str_has_prefix(name, SYSCALL_ENTRY_PREFIX))
		name += strlen(SYSCALL_ENTRY_PREFIX);
	seq_printf(m, "syscall { index = %u; name = %s; bitness = 64; };\n",
		   desc->syscall_nr, name);
	return 0;
}

static const struct seq_operations syscall_list_ops = {
	.start = list_start,
	.next = list_next,
	.stop = list_stop,
	.show = syscall_show,
};

/* The file may be released before seq_open() attached its state. */
static int list_release(struct inode *inode, struct file *file)
{
	return file->private_data ? seq_release(inode, file) : 0;
}

static const struct file_operations list_fops = {
	.owner = THIS_MODULE,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = list_release,
};

int lttng_abi_list_fd(enum lttng_event_kind kind)
{
	const struct seq_operations *ops;
	struct file *file;
	int fd, ret;

	ops = kind == LTTNG_EVENT_KIND_TRACEPOINT ? &tracepoint_list_ops :
						    &syscall_list_ops;
	fd = get_unused_fd_flags(0);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile("[lttng_event_list]", &list_fops, NULL,
				  O_RDONLY);
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto err_put_fd;
	}
	ret = seq_open(file, ops);
	if (ret)
		goto err_put_file;
	((struct seq_file *)file->private_data)->private = (void *)(uintptr_t)kind;
	fd_install(fd, file);
	return fd;

err_put_file:
	fput(file);
err_put_fd:
	put_unused_fd(fd);
	return ret;
}
