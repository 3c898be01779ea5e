/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Descriptions of recorded fields: what the probes write and what the
 * metadata describes. Pure data, so that it also compiles in userspace
 * where the metadata text generator is unit-tested.
 *
 * Every field is written packed, little-endian unless marked big-endian,
 * in the order of its description (x86-64 does unaligned stores cheaply,
 * so records carry no alignment padding and TSDL aligns are 8 bits).
 */
#ifndef _LTTNG_EVENT_TYPES_H
#define _LTTNG_EVENT_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stdint.h>
typedef int64_t s64;
#endif

enum lttng_field_kind {
	LTTNG_FIELD_INTEGER,	/* one integer */
	LTTNG_FIELD_ENUM,	/* an integer with labelled values */
	LTTNG_FIELD_ARRAY,	/* fixed number of integers (text if .text) */
	LTTNG_FIELD_SEQUENCE,	/* length integer, then that many integers */
	LTTNG_FIELD_STRING,	/* NUL-terminated bytes */
};

/* One integer's representation, also the element of arrays and sequences. */
struct lttng_integer_type {
	unsigned char size;	/* bits: 8, 16, 32 or 64 */
	bool is_signed;
	bool big_endian;	/* network-order fields */
	bool text;		/* UTF-8 character element (comm[], ...) */
	unsigned char base;	/* 10 or 16, as the viewer should print it */
};

/* A labelled value or range of an enumeration; start == end for one value. */
struct lttng_enum_entry {
	s64 start;
	s64 end;
	const char *label;
};

struct lttng_enum_desc {
	const char *name;
	const struct lttng_enum_entry *entries;
	unsigned int nr_entries;
};

struct lttng_field_desc {
	const char *name;			/* as shown by viewers */
	enum lttng_field_kind kind;
	struct lttng_integer_type type;		/* value, container or element */
	unsigned int length;			/* ARRAY: number of elements */
	struct lttng_integer_type length_type;	/* SEQUENCE: its length field */
	const struct lttng_enum_desc *enum_desc;	/* ENUM only */
};

#endif /* _LTTNG_EVENT_TYPES_H */
