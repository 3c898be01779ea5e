/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the filter code takes from its surroundings, in the kernel or in
 * userspace (unit tests, fuzzer): fixed-width types, memory, errnos.
 */
#ifndef _LTTNG_FILTER_PORT_H
#define _LTTNG_FILTER_PORT_H

#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/types.h>

#define filter_zalloc(size)	kvzalloc(size, GFP_KERNEL)
#define filter_free(p)		kvfree(p)
#ifndef INT64_MIN
#define INT64_MIN	S64_MIN
#define INT64_MAX	S64_MAX
#endif
#else
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define filter_zalloc(size)	calloc(1, size)
#define filter_free(p)		free(p)
#ifndef likely
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#endif
#endif

#endif /* _LTTNG_FILTER_PORT_H */
