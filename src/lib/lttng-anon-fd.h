/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every tracer object reaches userspace as an anonymous file installed in
 * the caller's descriptor table: one helper for all of them.
 */
#ifndef _LTTNG_ANON_FD_H
#define _LTTNG_ANON_FD_H

#include <linux/fs.h>

/*
 * Install a new anonymous file of fops on priv; the descriptor, or an
 * error with nothing installed (release is then not called). extra_mode
 * is or-ed into f_mode (FMODE_PREAD for files read with splice()).
 */
int lttng_anon_fd(const char *name, const struct file_operations *fops,
		  void *priv, int flags, fmode_t extra_mode);

#endif /* _LTTNG_ANON_FD_H */
