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
	LTTNG_FIELD_STRUCT,	/* the members in .fields, one after another */
	LTTNG_FIELD_VARIANT,	/* one of the choices in .fields, selected by
				 * the enumeration field just before it */
};

/* One integer's representation, also the element of arrays and sequences. */
struct lttng_integer_type {
	unsigned char size;	/* bits: 8, 16, 32 or 64; 1 to 64 in structs */
	unsigned char align;	/* bits; 0: 8, or 1 below a byte (packed) */
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
	/*
	 * ARRAY: the bits the array starts on, announced by an empty struct
	 * "_<name>_padding" before it; 0: none (bit arrays always have one).
	 */
	unsigned char align;
	/*
	 * STRUCT: its members; VARIANT: its choices, each named after the
	 * label of the tag's value that selects it, without the label's
	 * leading '_' (label "_ipv4" selects choice "ipv4"). The tag is the
	 * field just before the variant in the same struct, an enumeration.
	 */
	const struct lttng_field_desc *fields;
	unsigned int nr_fields;
};

/*
 * Hand-written descriptions, for the members of structs and variants
 * (the probe generator's f_*() macros describe an event's own fields).
 * Integers are unsigned; be: network byte order; align in bits, 0 for
 * the default.
 */
#define LTTNG_DESC_UINT(_name, _bits, _align, _base, _be)		\
	{ .name = (_name), .kind = LTTNG_FIELD_INTEGER,			\
	  .type = { .size = (_bits), .align = (_align), .base = (_base),	\
		    .big_endian = (_be) } }
#define LTTNG_DESC_UENUM(_name, _bits, _be, _enum)			\
	{ .name = (_name), .kind = LTTNG_FIELD_ENUM,			\
	  .type = { .size = (_bits), .base = 10, .big_endian = (_be) },	\
	  .enum_desc = (_enum) }
/* An array of unsigned integers, after a "_<name>_padding" aligned on _align. */
#define LTTNG_DESC_UARRAY(_name, _bits, _base, _be, _len, _align)	\
	{ .name = (_name), .kind = LTTNG_FIELD_ARRAY,			\
	  .type = { .size = (_bits), .base = (_base), .big_endian = (_be) }, \
	  .length = (_len), .align = (_align) }
#define LTTNG_DESC_STRUCT(_name, _members)				\
	{ .name = (_name), .kind = LTTNG_FIELD_STRUCT, .fields = (_members), \
	  .nr_fields = sizeof(_members) / sizeof((_members)[0]) }
#define LTTNG_DESC_EMPTY_STRUCT(_name)					\
	{ .name = (_name), .kind = LTTNG_FIELD_STRUCT }
#define LTTNG_DESC_VARIANT(_name, _choices)				\
	{ .name = (_name), .kind = LTTNG_FIELD_VARIANT, .fields = (_choices), \
	  .nr_fields = sizeof(_choices) / sizeof((_choices)[0]) }

#endif /* _LTTNG_EVENT_TYPES_H */
