/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What data and metadata stream files share: the consumer maps a stream's
 * whole buffer read-only, or splices the packet it holds.
 */
#ifndef _LTTNG_STREAM_IO_H
#define _LTTNG_STREAM_IO_H

#include <linux/fs.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>

#include "compat/mm.h"

/* Map all len bytes of mem (from vmalloc_user()), read-only, exactly. */
static inline int lttng_stream_mmap(struct vm_area_struct *vma, void *mem,
				    unsigned long len)
{
	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != len)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	lttng_vma_clear_flags(vma, VM_MAYWRITE);
	return remap_vmalloc_range(vma, mem, 0);
}

/*
 * Copy from the held packet, size bytes at packet, at the file position:
 * read() and splice() deliver one packet from offset 0 to its padded size.
 * A copy that makes no progress is an error, never an end of file, which
 * the consumer's splice loop would wait on forever.
 */
static inline ssize_t lttng_stream_read_packet(struct kiocb *iocb,
					       struct iov_iter *to,
					       const void *packet, size_t size)
{
	size_t len, done;

	if (iocb->ki_pos < 0 || iocb->ki_pos >= size)
		return 0;
	len = min_t(size_t, iov_iter_count(to), size - iocb->ki_pos);
	done = copy_to_iter(packet + iocb->ki_pos, len, to);
	iocb->ki_pos += done;
	return done || !len ? done : -EFAULT;
}

#endif /* _LTTNG_STREAM_IO_H */
