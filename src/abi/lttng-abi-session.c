// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session files: what SESSION on /proc/lttng returns. The session lives
 * as long as this file, which its channel files keep open.
 */
#include <linux/fs.h>
#include <linux/uaccess.h>

#include <lttng/objects.h>

#include "lttng-abi.h"
#include "lib/lttng-anon-fd.h"
#include "lib/lttng-compat-ioctl.h"

static long set_name(struct lttng_session *session, void __user *uarg)
{
	struct lttng_abi_session_name name;

	if (copy_from_user(&name, uarg, sizeof(name)))
		return -EFAULT;
	return lttng_session_set_name(session, name.name);
}

static long set_creation_time(struct lttng_session *session, void __user *uarg)
{
	struct lttng_abi_session_creation_time t;

	if (copy_from_user(&t, uarg, sizeof(t)))
		return -EFAULT;
	return lttng_session_set_creation_time(session, t.iso8601);
}

static long create_channel(struct file *session_file, void __user *uarg,
			   bool metadata)
{
	struct lttng_abi_channel attr;

	if (copy_from_user(&attr, uarg, sizeof(attr)))
		return -EFAULT;
	return lttng_abi_channel_fd(session_file, &attr, metadata);
}

static long session_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct lttng_session *session = file->private_data;
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case LTTNG_ABI_CHANNEL:
		return create_channel(file, uarg, false);
	case LTTNG_ABI_METADATA:
		return create_channel(file, uarg, true);
	case LTTNG_ABI_SESSION_START:
	case LTTNG_ABI_ENABLE:
		return lttng_session_start(session);
	case LTTNG_ABI_SESSION_STOP:
	case LTTNG_ABI_DISABLE:
		return lttng_session_stop(session);
	case LTTNG_ABI_SESSION_SET_NAME:
		return set_name(session, uarg);
	case LTTNG_ABI_SESSION_SET_CREATION_TIME:
		return set_creation_time(session, uarg);
	case LTTNG_ABI_SESSION_STATEDUMP:
		return lttng_session_statedump(session);
	case LTTNG_ABI_SESSION_METADATA_REGEN:
		/* Not provided yet: lttng reports the command as failed. */
		return -ENOSYS;
	}
	return lttng_abi_tracker_ioctl(session, cmd, arg);
}

static int session_release(struct inode *inode, struct file *file)
{
	lttng_session_destroy(file->private_data);
	return 0;
}

static const struct file_operations session_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = session_ioctl,
	LTTNG_COMPAT_IOCTL(lttng_compat_ptr_ioctl)
	.release = session_release,
	.llseek = noop_llseek,
};

int lttng_abi_session_fd(void)
{
	struct lttng_session *session;
	int fd;

	session = lttng_session_create();
	if (!session)
		return -ENOMEM;
	fd = lttng_anon_fd("[lttng_session]", &session_fops, session, O_RDWR, 0);
	if (fd < 0)
		lttng_session_destroy(session);
	return fd;
}
