// SPDX-License-Identifier: GPL-2.0-only
#include <linux/anon_inodes.h>
#include <linux/file.h>

#include "lttng-anon-fd.h"

int lttng_anon_fd(const char *name, const struct file_operations *fops,
		  void *priv, int flags, fmode_t extra_mode)
{
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, fops, priv, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	file->f_mode |= extra_mode;
	fd_install(fd, file);
	return fd;
}
