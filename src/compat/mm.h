/* SPDX-License-Identifier: GPL-2.0-only */
/* Memory-map helpers across kernels (see compat/Kbuild.features). */
#ifndef _LTTNG_COMPAT_MM_H
#define _LTTNG_COMPAT_MM_H

#include <linux/mm.h>

static inline void lttng_vma_clear_flags(struct vm_area_struct *vma,
					 unsigned long flags)
{
#ifdef LTTNG_HAVE_VM_FLAGS_CLEAR
	vm_flags_clear(vma, flags);
#else
	vma->vm_flags &= ~flags;
#endif
}

#endif /* _LTTNG_COMPAT_MM_H */
