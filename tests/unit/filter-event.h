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

/* A tag and the variant it selects, and a struct: no filter reads them. */
static const struct lttng_enum_entry tag_entries[] = {
	{ .start = 0, .end = 0, .label = "_none" },
	{ .start = 1, .end = 1, .label = "_pair" },
};
static const struct lttng_enum_desc tag_enum = {
	.name = "tag", .entries = tag_entries, .nr_entries = 2,
};
static const struct lttng_field_desc pair_members[] = {
	INT("x", 16, false),
	INT("y", 16, false),
};
static const struct lttng_field_desc choices[] = {
	{ .name = "none", .kind = LTTNG_FIELD_STRUCT },
	{ .name = "pair", .kind = LTTNG_FIELD_STRUCT, .fields = pair_members,
	  .nr_fields = 2 },
};

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
	{ .name = "tag", .kind = LTTNG_FIELD_ENUM,
	  .type = { .size = 8, .base = 10 }, .enum_desc = &tag_enum },
	{ .name = "var", .kind = LTTNG_FIELD_VARIANT, .fields = choices,
	  .nr_fields = 2 },
	{ .name = "st", .kind = LTTNG_FIELD_STRUCT, .fields = pair_members,
	  .nr_fields = 2 },
};
enum {
	F_INT, F_A, F_B, F_NAME, F_COMM, F_ARR, F_SEQ, F_BITS, F_PORT, F_WIDE,
	F_TAG, F_VAR, F_ST, NR_F
};

/* Context ids as the tracer numbers them: procname 2 (text), vpid 5. */
static const struct lttng_filter_ctx_desc ctxs[] = {
	{ "procname", 2, 1 },
	{ "vpid", 5, 0 },
};

#endif /* _FILTER_EVENT_H */
