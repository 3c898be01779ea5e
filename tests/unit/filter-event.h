/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The made-up event that the filter's unit test (test-filter.c) and its
 * fuzzer (tests/fuzz/fuzz-filter.c) link programs against: one field of
 * each kind a probe can describe, and two contexts.
 */
#ifndef _FILTER_EVENT_H
#define _FILTER_EVENT_H

#include <lttng/filter.h>

#define INT(n, bits, sgn)	{ .name = n, .kind = LTTNG_FIELD_INTEGER, \
				  .type = { .size = bits, .is_signed = sgn, .base = 10 } }

static const struct lttng_field_desc fields[] = {
	INT("intfield", 32, true),
	INT("a", 64, true),
	INT("b", 8, false),
	{ .name = "name", .kind = LTTNG_FIELD_STRING,
	  .type = { .size = 8, .is_signed = true, .text = true } },
	{ .name = "comm", .kind = LTTNG_FIELD_ARRAY, .length = 16,
	  .type = { .size = 8, .is_signed = true, .text = true } },
	{ .name = "arr", .kind = LTTNG_FIELD_ARRAY, .length = 4,
	  .type = { .size = 16, .is_signed = false } },
	{ .name = "seq", .kind = LTTNG_FIELD_SEQUENCE,
	  .type = { .size = 8, .is_signed = true } },
	{ .name = "bits", .kind = LTTNG_FIELD_ARRAY, .length = 8,
	  .type = { .size = 1 } },
	{ .name = "port", .kind = LTTNG_FIELD_ARRAY, .length = 2,
	  .type = { .size = 16, .big_endian = true } },
	{ .name = "wide", .kind = LTTNG_FIELD_SEQUENCE,
	  .type = { .size = 32, .is_signed = true, .big_endian = true } },
};
enum {
	F_INT, F_A, F_B, F_NAME, F_COMM, F_ARR, F_SEQ, F_BITS, F_PORT, F_WIDE,
	NR_F
};

/* Context ids as the tracer numbers them: procname 2 (text), vpid 5. */
static const struct lttng_filter_ctx_desc ctxs[] = {
	{ "procname", 2, 1 },
	{ "vpid", 5, 0 },
};

#endif /* _FILTER_EVENT_H */
