// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tracker commands of a session file: TRACK_PID and UNTRACK_PID (the
 * pid as the argument's value), TRACK_ID, UNTRACK_ID and
 * LIST_TRACKER_IDS (a struct lttng_abi_tracker_args), LIST_TRACKER_PIDS,
 * and lttng-modules' old numbers of the same commands.
 *
 * A list is a read-only text file made from a copy of the tracker taken
 * at the command, one line per id, in the format lttng-modules writes:
 *
 *   process { pid = ID; };	process { vpid = ID; };
 *   user { uid = ID; };	user { vuid = ID; };
 *   group { gid = ID; };	group { vgid = ID; };
 *
 * with the single id -1 for a tracker that admits every id, and no line
 * for one that admits none.
 */
#include <linux/anon_inodes.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <lttng/id-tracker.h>

#include "lttng-abi.h"

/* What a list file shows: one tracker's ids when it was asked for. */
struct tracker_list {
	unsigned int type;
	int nr;				/* -1: every id */
	s32 *ids;
};

static const char *const list_formats[LTTNG_TRACKER_NR] = {
	[LTTNG_ABI_TRACKER_PID] = "process { pid = %d; };\n",
	[LTTNG_ABI_TRACKER_VPID] = "process { vpid = %d; };\n",
	[LTTNG_ABI_TRACKER_UID] = "user { uid = %d; };\n",
	[LTTNG_ABI_TRACKER_VUID] = "user { vuid = %d; };\n",
	[LTTNG_ABI_TRACKER_GID] = "group { gid = %d; };\n",
	[LTTNG_ABI_TRACKER_VGID] = "group { vgid = %d; };\n",
};

static int list_show(struct seq_file *m, void *v)
{
	const struct tracker_list *l = m->private;
	int i;

	if (l->nr < 0)
		seq_printf(m, list_formats[l->type], -1);
	for (i = 0; i < l->nr; i++)
		seq_printf(m, list_formats[l->type], l->ids[i]);
	return 0;
}

static void list_free(struct tracker_list *l)
{
	kvfree(l->ids);
	kfree(l);
}

static int list_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	if (!m)
		return 0;
	list_free(m->private);
	return single_release(inode, file);
}

static const struct file_operations list_fops = {
	.owner = THIS_MODULE,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = list_release,
};

static int list_fd(struct lttng_session *session, unsigned int type)
{
	struct tracker_list *l;
	struct file *file;
	int fd, ret;

	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	l->type = type;
	l->ids = lttng_tracker_ids(session, type, &l->nr);
	if (IS_ERR(l->ids)) {
		ret = PTR_ERR(l->ids);
		l->ids = NULL;
		goto err_free;
	}
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		ret = fd;
		goto err_free;
	}
	file = anon_inode_getfile("[lttng_tracker_ids_list]", &list_fops, NULL,
				  O_RDONLY);
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto err_put_fd;
	}
	ret = single_open(file, list_show, l);
	if (ret)
		goto err_put_file;
	fd_install(fd, file);
	return fd;

err_put_file:
	fput(file);		/* no seq_file yet: release frees nothing */
err_put_fd:
	put_unused_fd(fd);
err_free:
	list_free(l);
	return ret;
}

static long tracker_args(void __user *uarg, struct lttng_abi_tracker_args *a)
{
	if (copy_from_user(a, uarg, sizeof(*a)))
		return -EFAULT;
	return a->type < LTTNG_TRACKER_NR ? 0 : -EINVAL;
}

long lttng_abi_tracker_ioctl(struct lttng_session *session, unsigned int cmd,
			     unsigned long arg)
{
	struct lttng_abi_tracker_args a;
	long ret;

	switch (cmd) {
	case LTTNG_ABI_SESSION_TRACK_PID:
	case LTTNG_ABI_OLD_SESSION_TRACK_PID:
		return lttng_tracker_track(session, LTTNG_ABI_TRACKER_PID, (int)arg);
	case LTTNG_ABI_SESSION_UNTRACK_PID:
	case LTTNG_ABI_OLD_SESSION_UNTRACK_PID:
		return lttng_tracker_untrack(session, LTTNG_ABI_TRACKER_PID, (int)arg);
	case LTTNG_ABI_SESSION_LIST_TRACKER_PIDS:
		return list_fd(session, LTTNG_ABI_TRACKER_PID);
	case LTTNG_ABI_SESSION_TRACK_ID:
	case LTTNG_ABI_OLD_SESSION_TRACK_ID:
		ret = tracker_args((void __user *)arg, &a);
		return ret ?: lttng_tracker_track(session, a.type, a.id);
	case LTTNG_ABI_SESSION_UNTRACK_ID:
	case LTTNG_ABI_OLD_SESSION_UNTRACK_ID:
		ret = tracker_args((void __user *)arg, &a);
		return ret ?: lttng_tracker_untrack(session, a.type, a.id);
	case LTTNG_ABI_SESSION_LIST_TRACKER_IDS:
	case LTTNG_ABI_OLD_SESSION_LIST_TRACKER_IDS:
		ret = tracker_args((void __user *)arg, &a);
		return ret ?: list_fd(session, a.type);
	}
	return -ENOIOCTLCMD;
}
