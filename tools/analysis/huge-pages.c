// SPDX-License-Identifier: GPL-2.0-only
/*
 * Large arrays on transparent huge pages where the kernel gives them on
 * request (THP "madvise" mode, a common default): the matching's
 * segments and the links' hops are tens of megabytes written once from
 * end to end, and faulting them in 4 KiB at a time was a tenth of a
 * million marks' time in a virtual machine. A hint: nothing changes
 * where the kernel says no.
 */
#include <stdint.h>
#include <sys/mman.h>

#include "flows.h"

#define HUGE_PAGE	(2u << 20)

void fl_huge_hint(void *p, size_t n)
{
	uintptr_t b = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);

#ifdef MADV_HUGEPAGE
	if (p && e > b)
		(void)madvise((void *)b, e - b, MADV_HUGEPAGE);
#endif
}
