/* SPDX-License-Identifier: GPL-2.0-only */
/* File-operation helpers across kernels (see compat/Kbuild.features). */
#ifndef _LTTNG_COMPAT_FS_H
#define _LTTNG_COMPAT_FS_H

#include <linux/fs.h>
#include <linux/splice.h>

/* splice_read for files whose read_iter copies out their data. */
#ifdef LTTNG_HAVE_COPY_SPLICE_READ
#define lttng_copy_splice_read	copy_splice_read
#else
#define lttng_copy_splice_read	generic_file_splice_read
#endif

#endif /* _LTTNG_COMPAT_FS_H */
