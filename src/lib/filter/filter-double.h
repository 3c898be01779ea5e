/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Doubles without the FPU: probes may not touch floating-point state, so
 * the literals lttng-tools sends as IEEE-754 doubles are compared, negated
 * and truncated with integer operations on their bits.
 */
#ifndef _LTTNG_FILTER_DOUBLE_H
#define _LTTNG_FILTER_DOUBLE_H

#include "filter-port.h"

/* Three-way comparison; FDBL_UNORDERED when a NaN is involved. */
#define FDBL_UNORDERED	2

int filter_dbl_cmp(uint64_t a, uint64_t b);
int filter_dbl_cmp_s64(uint64_t a, int64_t b);
/* Truncation towards zero, saturated; NaN gives 0. */
int64_t filter_dbl_to_s64(uint64_t a);
bool filter_dbl_is_zero(uint64_t a);

static inline uint64_t filter_dbl_neg(uint64_t a)
{
	return a ^ (1ULL << 63);
}

#endif /* _LTTNG_FILTER_DOUBLE_H */
