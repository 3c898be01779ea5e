// SPDX-License-Identifier: GPL-2.0-only
/*
 * TSDL metadata text (src/core/lttng-metadata-text.c): exact text of each kind
 * of field, of streams and of the session part; refusal of descriptions
 * that TSDL cannot carry; all-or-nothing behaviour when the buffer cannot
 * grow at any point; and end to end, traces written by
 * ctf-fixture/ctf-writer.c from that text, read back by babeltrace2.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/lttng-metadata-text.h"
#include "ctf-fixture/ctf-writer.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- A buffer whose growth can be capped -------------------------------- */

struct test_text {
	struct lttng_text t;	/* first: grow() gets this address */
	size_t limit;		/* grow() fails beyond; 0: no limit */
	bool lie;		/* grow() says yes but does nothing */
	unsigned int grows;
};

/* Exactly min_cap, so that every reservation goes through here. */
static int test_grow(struct lttng_text *t, size_t min_cap)
{
	struct test_text *tt = (struct test_text *)t;
	char *buf;

	tt->grows++;
	if (tt->lie)
		return 0;
	if (tt->limit && min_cap > tt->limit)
		return -ENOMEM;
	buf = realloc(t->buf, min_cap);
	if (!buf)
		return -ENOMEM;
	t->buf = buf;
	t->cap = min_cap;
	return 0;
}

static void text_init(struct test_text *tt, const char *prefix)
{
	memset(tt, 0, sizeof(*tt));
	tt->t.grow = test_grow;
	if (prefix)
		assert_int_equal(lttng_text_printf(&tt->t, "%s", prefix), 0);
}

static void text_free(struct test_text *tt)
{
	free(tt->t.buf);
	tt->t.buf = NULL;
}

/* ---- Descriptions used throughout --------------------------------------- */

#define INT_T(sz, sgn, b)	{ .size = (sz), .is_signed = (sgn), .base = (b) }
#define INT_BE_T(sz, sgn, b)	{ .size = (sz), .is_signed = (sgn), .base = (b), \
				  .big_endian = true }
#define CHAR_T			{ .size = 8, .is_signed = true, .text = true, .base = 10 }
#define BIT_T			{ .size = 1, .base = 10 }

#define F_INT(n, sz, sgn, b)	{ .name = (n), .kind = LTTNG_FIELD_INTEGER, \
				  .type = INT_T(sz, sgn, b) }
#define F_TEXT(n, len)		{ .name = (n), .kind = LTTNG_FIELD_ARRAY, \
				  .type = CHAR_T, .length = (len) }

static const struct lttng_enum_entry state_entries[] = {
	{ .start = 0, .end = 0, .label = "RUNNING" },
	{ .start = 1, .end = 3, .label = "SLEEP\"ING\\" },
};

static const struct lttng_enum_desc state_enum = {
	.name = "state", .entries = state_entries, .nr_entries = 2,
};

static const struct lttng_enum_entry class_entries[] = {
	{ .start = -100, .end = -1, .label = "RT" },
	{ .start = 0, .end = 0, .label = "NORMAL" },
};

static const struct lttng_enum_desc class_enum = {
	.name = "class", .entries = class_entries, .nr_entries = 2,
};

/* Every kind of field, in the order the encoder below writes them. */
static const struct lttng_field_desc all_kinds[] = {
	F_INT("value", 32, true, 10),
	F_INT("addr", 64, false, 16),
	{ .name = "port", .kind = LTTNG_FIELD_INTEGER, .type = INT_BE_T(16, false, 10) },
	F_TEXT("comm", 16),
	{ .name = "bytes", .kind = LTTNG_FIELD_ARRAY, .type = INT_T(8, false, 10),
	  .length = 4 },
	{ .name = "flags", .kind = LTTNG_FIELD_ARRAY, .type = BIT_T, .length = 8 },
	{ .name = "vals", .kind = LTTNG_FIELD_SEQUENCE, .type = INT_T(32, false, 10),
	  .length_type = INT_T(32, false, 10) },
	{ .name = "msg", .kind = LTTNG_FIELD_SEQUENCE, .type = CHAR_T,
	  .length_type = INT_T(8, false, 10) },
	{ .name = "filename", .kind = LTTNG_FIELD_STRING, .type = CHAR_T },
	{ .name = "state", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10),
	  .enum_desc = &state_enum },
	{ .name = "class", .kind = LTTNG_FIELD_ENUM, .type = INT_T(32, true, 10),
	  .enum_desc = &class_enum },
};

/* sched_switch as lttng-modules defines it for kernels >= 5.18. */
static const struct lttng_field_desc sched_switch[] = {
	F_TEXT("prev_comm", 16),
	F_INT("prev_tid", 32, true, 10),
	F_INT("prev_prio", 32, true, 10),
	F_INT("prev_state", 64, true, 10),
	F_TEXT("next_comm", 16),
	F_INT("next_tid", 32, true, 10),
	F_INT("next_prio", 32, true, 10),
};

static const struct lttng_field_desc pid_procname[] = {
	F_INT("pid", 32, true, 10),
	F_TEXT("procname", 16),
};

static const struct lttng_field_desc one_u32[] = {
	F_INT("n", 32, false, 10),
};

static const unsigned char trace_uuid[16] = {
	0x0f, 0x5e, 0x7c, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e,
	0x8f, 0x90, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6,
};

static const struct lttng_tsdl_env_extra extras[] = {
	{ .key = "lttng_dt_note", .str = "two\nlines \"quoted\" back\\slash" },
	{ .key = "lttng_dt_level", .num = -3 },
};

/* All optional parts present, and strings that need escaping. */
static const struct lttng_tsdl_trace full_trace = {
	.uuid = trace_uuid,
	.hostname = "my\"host\\x",
	.sysname = "Linux",
	.kernel_release = "6.1.0-26-amd64",
	.kernel_version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30)",
	.trace_name = "s1\nnext\ttab\001",
	.creation_datetime = "20240131T235959+0100",
	.product_uuid = "4c4c4544-0042-3510-8052-b4c04f4e4d32",
	.clock_uuid = "6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19",
	.tracer_major = 2,
	.tracer_minor = 13,
	.tracer_patchlevel = 9,
	.tracer_name = "lttng-modules",
	.clock_offset = 1700000000000000000LL,
	.extra = extras,
	.nr_extra = ARRAY_LEN(extras),
};

/* ---- Golden text -------------------------------------------------------- */

#define INT32_S	"integer { size = 32; align = 8; signed = 1; encoding = none; base = 10; }"
#define INT64_S	"integer { size = 64; align = 8; signed = 1; encoding = none; base = 10; }"
#define UINT8	"integer { size = 8; align = 8; signed = 0; encoding = none; base = 10; }"
#define UINT32	"integer { size = 32; align = 8; signed = 0; encoding = none; base = 10; }"
#define CHAR_S	"integer { size = 8; align = 8; signed = 1; encoding = UTF8; base = 10; }"

#define EVENT_HEAD(name, id, sid)			\
	"event {\n"					\
	"\tname = \"" name "\";\n"			\
	"\tid = " #id ";\n"				\
	"\tstream_id = " #sid ";\n"			\
	"\tfields := struct {\n"
#define EVENT_TAIL	"\t};\n};\n\n"

/* The event block of one event "e" (id 3, stream 1) with these fields. */
static void check_fields_text(const struct lttng_field_desc *f, unsigned int nr,
			      const char *fields_text)
{
	struct test_text tt;
	char *want;

	assert_true(asprintf(&want, "%s%s%s", EVENT_HEAD("e", 3, 1),
			     fields_text, EVENT_TAIL) > 0);
	text_init(&tt, NULL);
	assert_int_equal(lttng_tsdl_event(&tt.t, "e", 3, 1, f, nr), 0);
	assert_string_equal(tt.t.buf, want);
	assert_int_equal(tt.t.len, strlen(want));
	text_free(&tt);
	free(want);
}

static void golden_integer(void **state)
{
	(void)state;
	check_fields_text(&all_kinds[0], 1, "\t\t" INT32_S " _value;\n");
	check_fields_text(&sched_switch[3], 1, "\t\t" INT64_S " _prev_state;\n");
}

static void golden_hex(void **state)
{
	(void)state;
	check_fields_text(&all_kinds[1], 1,
		"\t\tinteger { size = 64; align = 8; signed = 0; encoding = none; base = 16; } _addr;\n");
}

static void golden_big_endian(void **state)
{
	(void)state;
	check_fields_text(&all_kinds[2], 1,
		"\t\tinteger { size = 16; align = 8; signed = 0; encoding = none; base = 10;"
		" byte_order = be; } _port;\n");
}

static void golden_arrays(void **state)
{
	(void)state;
	/* Text: UTF8 elements; plain: none. */
	check_fields_text(&all_kinds[3], 2,
		"\t\t" CHAR_S " _comm[16];\n"
		"\t\t" UINT8 " _bytes[4];\n");
	/* Bits: bit-aligned elements after a byte-aligned empty struct. */
	check_fields_text(&all_kinds[5], 1,
		"\t\tstruct { } align(8) _flags_padding;\n"
		"\t\tinteger { size = 1; align = 1; signed = 0; encoding = none; base = 10; } _flags[8];\n");
}

static void golden_sequences(void **state)
{
	(void)state;
	check_fields_text(&all_kinds[6], 2,
		"\t\t" UINT32 " __vals_length;\n"
		"\t\t" UINT32 " _vals[ __vals_length ];\n"
		"\t\t" UINT8 " __msg_length;\n"
		"\t\t" CHAR_S " _msg[ __msg_length ];\n");
}

static void golden_string(void **state)
{
	(void)state;
	check_fields_text(&all_kinds[8], 1, "\t\tstring _filename;\n");
}

static void golden_enums(void **state)
{
	static const struct lttng_enum_entry all[] = {
		{ .start = 0, .end = -1, .label = "ANY" },	/* 0 ... 2^64-1 */
	};
	static const struct lttng_enum_desc all_enum = {
		.name = "all", .entries = all, .nr_entries = 1,
	};
	static const struct lttng_field_desc u64_enum[] = {
		{ .name = "mask", .kind = LTTNG_FIELD_ENUM,
		  .type = INT_T(64, false, 16), .enum_desc = &all_enum },
	};

	(void)state;
	check_fields_text(&all_kinds[9], 2,
		"\t\tenum : " UINT8 " {\n"
		"\t\t\t\"RUNNING\" = 0,\n"
		"\t\t\t\"SLEEP\\\"ING\\\\\" = 1 ... 3,\n"
		"\t\t} _state;\n"
		"\t\tenum : " INT32_S " {\n"
		"\t\t\t\"RT\" = -100 ... -1,\n"
		"\t\t\t\"NORMAL\" = 0,\n"
		"\t\t} _class;\n");
	check_fields_text(u64_enum, 1,
		"\t\tenum : integer { size = 64; align = 8; signed = 0; encoding = none; base = 16; } {\n"
		"\t\t\t\"ANY\" = 0 ... 18446744073709551615,\n"
		"\t\t} _mask;\n");
}

/* ---- Structs and variants ---------------------------------------------- */

static void check_event_refused(const struct lttng_field_desc *f, unsigned int nr,
				unsigned int which);

/* A tag "kind" and the variant "v" it selects: none, a pair, or bytes. */
static const struct lttng_enum_entry kind_entries[] = {
	{ .start = 0, .end = 0, .label = "_none" },
	{ .start = 1, .end = 1, .label = "_pair" },
	{ .start = 2, .end = 9, .label = "_raw" },
};

static const struct lttng_enum_desc kind_enum = {
	.name = "kind", .entries = kind_entries, .nr_entries = 3,
};

/* Members at bit granularity, as in packet headers. */
static const struct lttng_field_desc pair_members[] = {
	{ .name = "hi", .kind = LTTNG_FIELD_INTEGER,
	  .type = { .size = 4, .align = 4, .base = 10, .big_endian = true } },
	{ .name = "lo", .kind = LTTNG_FIELD_INTEGER,
	  .type = { .size = 4, .align = 4, .base = 10, .big_endian = true } },
	{ .name = "port", .kind = LTTNG_FIELD_INTEGER, .type = INT_BE_T(16, false, 10) },
};

static const struct lttng_field_desc raw_members[] = {
	{ .name = "b", .kind = LTTNG_FIELD_ARRAY, .type = INT_BE_T(8, false, 16),
	  .length = 2, .align = 8 },
};

static const struct lttng_field_desc v_choices[] = {
	{ .name = "none", .kind = LTTNG_FIELD_STRUCT },
	{ .name = "pair", .kind = LTTNG_FIELD_STRUCT, .fields = pair_members,
	  .nr_fields = ARRAY_LEN(pair_members) },
	{ .name = "raw", .kind = LTTNG_FIELD_STRUCT, .fields = raw_members,
	  .nr_fields = ARRAY_LEN(raw_members) },
};

static const struct lttng_field_desc tagged[] = {
	{ .name = "kind", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10),
	  .enum_desc = &kind_enum },
	{ .name = "v", .kind = LTTNG_FIELD_VARIANT, .fields = v_choices,
	  .nr_fields = ARRAY_LEN(v_choices) },
};

#define BE4	"integer { size = 4; align = 4; signed = 0; encoding = none; base = 10; byte_order = be; }"
#define BE16	"integer { size = 16; align = 8; signed = 0; encoding = none; base = 10; byte_order = be; }"

static void golden_struct(void **state)
{
	static const struct lttng_field_desc st[] = {
		F_INT("before", 32, true, 10),
		{ .name = "s", .kind = LTTNG_FIELD_STRUCT, .fields = pair_members,
		  .nr_fields = ARRAY_LEN(pair_members) },
		{ .name = "empty", .kind = LTTNG_FIELD_STRUCT },
	};

	(void)state;
	check_fields_text(st, ARRAY_LEN(st),
		"\t\t" INT32_S " _before;\n"
		"\t\tstruct {\n"
		"\t\t\t" BE4 " _hi;\n"
		"\t\t\t" BE4 " _lo;\n"
		"\t\t\t" BE16 " _port;\n"
		"\t\t} _s;\n"
		"\t\tstruct {\n"
		"\t\t} _empty;\n");
}

/* The tag, then the choices one level in, their members two levels in. */
static void golden_variant(void **state)
{
	(void)state;
	check_fields_text(tagged, ARRAY_LEN(tagged),
		"\t\tenum : " UINT8 " {\n"
		"\t\t\t\"_none\" = 0,\n"
		"\t\t\t\"_pair\" = 1,\n"
		"\t\t\t\"_raw\" = 2 ... 9,\n"
		"\t\t} _kind;\n"
		"\t\tvariant <_kind> {\n"
		"\t\t\tstruct {\n"
		"\t\t\t} _none;\n"
		"\t\t\tstruct {\n"
		"\t\t\t\t" BE4 " _hi;\n"
		"\t\t\t\t" BE4 " _lo;\n"
		"\t\t\t\t" BE16 " _port;\n"
		"\t\t\t} _pair;\n"
		"\t\t\tstruct {\n"
		"\t\t\t\tstruct { } align(8) _b_padding;\n"
		"\t\t\t\tinteger { size = 8; align = 8; signed = 0; encoding = none; base = 16; byte_order = be; } _b[2];\n"
		"\t\t\t} _raw;\n"
		"\t\t} _v;\n");
}

/* What the reader cannot decode, or could not select, is refused. */
static void refuses_bad_compounds(void **state)
{
	static const struct lttng_enum_entry short_entries[] = {
		{ .start = 0, .end = 0, .label = "_none" },
		{ .start = 1, .end = 1, .label = "_pair" },
	};
	static const struct lttng_enum_desc short_enum = {
		.name = "short", .entries = short_entries, .nr_entries = 2,
	};
	static const struct lttng_enum_entry bare_entries[] = {
		{ .start = 0, .end = 0, .label = "none" },
		{ .start = 1, .end = 1, .label = "pair" },
		{ .start = 2, .end = 2, .label = "raw" },
	};
	static const struct lttng_enum_desc bare_enum = {
		.name = "bare", .entries = bare_entries, .nr_entries = 3,
	};
	static const struct lttng_field_desc dup_members[] = {
		F_INT("x", 8, false, 10),
		F_INT("x", 8, false, 10),
	};
	static const struct lttng_field_desc bad_member[] = {
		F_INT("x", 0, false, 10),
	};
	static const struct lttng_field_desc odd_align[] = {
		{ .name = "x", .kind = LTTNG_FIELD_INTEGER,
		  .type = { .size = 4, .align = 3, .base = 10 } },
	};
	static const struct lttng_field_desc big_align[] = {
		{ .name = "a", .kind = LTTNG_FIELD_ARRAY, .type = INT_T(8, false, 10),
		  .length = 2, .align = 128 },
	};
	/* A variant among the choices has no tag before it. */
	static const struct lttng_field_desc nested_variant[] = {
		{ .name = "none", .kind = LTTNG_FIELD_VARIANT, .fields = v_choices,
		  .nr_fields = ARRAY_LEN(v_choices) },
		v_choices[1], v_choices[2],
	};
	/* Choices "none", "pair", "raw" under other names. */
	static const struct lttng_field_desc renamed[] = {
		v_choices[0], v_choices[1],
		{ .name = "bytes", .kind = LTTNG_FIELD_STRUCT },
	};
#define ENUM_F(e)	{ .name = "kind", .kind = LTTNG_FIELD_ENUM, \
			  .type = INT_T(8, false, 10), .enum_desc = (e) }
#define VAR_F(c, n)	{ .name = "v", .kind = LTTNG_FIELD_VARIANT, .fields = (c), \
			  .nr_fields = (n) }
#define ST_F(m, n)	{ .name = "s", .kind = LTTNG_FIELD_STRUCT, .fields = (m), \
			  .nr_fields = (n) }
	const struct lttng_field_desc bad[][2] = {
		/* No tag, or a tag that is not an enumeration. */
		{ VAR_F(v_choices, 3) },
		{ F_INT("kind", 8, false, 10), VAR_F(v_choices, 3) },
		/* No choices. */
		{ ENUM_F(&kind_enum), VAR_F(NULL, 0) },
		{ ENUM_F(&kind_enum), VAR_F(NULL, 3) },
		/* A value without a choice; labels without the '_'. */
		{ ENUM_F(&kind_enum), VAR_F(renamed, 3) },
		{ ENUM_F(&bare_enum), VAR_F(v_choices, 3) },
		/* A choice no value selects. */
		{ ENUM_F(&short_enum), VAR_F(v_choices, 3) },
		{ ENUM_F(&kind_enum), VAR_F(nested_variant, 3) },
		/* Members: checked as fields are. */
		{ ST_F(dup_members, 2) },
		{ ST_F(bad_member, 1) },
		{ ST_F(odd_align, 1) },
		{ ST_F(big_align, 1) },
		{ ST_F(NULL, 1) },
		{ F_INT("s_padding", 8, false, 10), big_align[0] },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(bad); i++)
		check_event_refused(bad[i], bad[i][1].name ? 2 : 1, i);
#undef ENUM_F
#undef VAR_F
#undef ST_F
}

/* Structs in structs: up to 8 levels below the event's fields. */
static void nesting_limit(void **state)
{
	struct lttng_field_desc levels[10];
	struct test_text tt;
	unsigned int i;

	(void)state;
	levels[0] = (struct lttng_field_desc)F_INT("leaf", 8, false, 10);
	for (i = 1; i < ARRAY_LEN(levels); i++)
		levels[i] = (struct lttng_field_desc){ .name = "s",
			.kind = LTTNG_FIELD_STRUCT, .fields = &levels[i - 1],
			.nr_fields = 1 };
	text_init(&tt, NULL);
	/* levels[8]: 8 structs, the leaf at depth 8. */
	assert_int_equal(lttng_tsdl_event(&tt.t, "e", 0, 0, &levels[8], 1), 0);
	assert_non_null(strstr(tt.t.buf, "\t\t\t\t\t\t\t\t\t\t" UINT8 " _leaf;\n"));
	text_free(&tt);
	check_event_refused(&levels[9], 1, 9);
}

static void golden_event_escaping(void **state)
{
	struct test_text tt;

	(void)state;
	text_init(&tt, NULL);
	assert_int_equal(lttng_tsdl_event(&tt.t, "a\"b\\c\nd\te\001f\177", 7, 0,
					  NULL, 0), 0);
	assert_string_equal(tt.t.buf,
		"event {\n"
		"\tname = \"a\\\"b\\\\c\\nd\\te\\001f\\177\";\n"
		"\tid = 7;\n"
		"\tstream_id = 0;\n"
		"\tfields := struct {\n"
		"\t};\n"
		"};\n\n");
	text_free(&tt);
}

static void golden_streams(void **state)
{
	struct test_text tt;

	(void)state;
	text_init(&tt, NULL);
	assert_int_equal(lttng_tsdl_stream(&tt.t, 0, false, pid_procname, 2), 0);
	assert_int_equal(lttng_tsdl_stream(&tt.t, 4, true, NULL, 0), 0);
	assert_string_equal(tt.t.buf,
		"stream {\n"
		"\tid = 0;\n"
		"\tevent.header := struct event_header_compact;\n"
		"\tpacket.context := struct packet_context;\n"
		"\tevent.context := struct {\n"
		"\t\t" INT32_S " _pid;\n"
		"\t\t" CHAR_S " _procname[16];\n"
		"\t};\n"
		"};\n\n"
		"stream {\n"
		"\tid = 4;\n"
		"\tevent.header := struct event_header_large;\n"
		"\tpacket.context := struct packet_context;\n"
		"};\n\n");
	text_free(&tt);
}

#define TRACE_TYPES							\
	"typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n" \
	"typealias integer { size = 16; align = 8; signed = false; } := uint16_t;\n" \
	"typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n" \
	"typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n" \
	"typealias integer { size = 64; align = 8; signed = false; } := unsigned long;\n" \
	"typealias integer { size = 5; align = 1; signed = false; } := uint5_t;\n" \
	"typealias integer { size = 27; align = 1; signed = false; } := uint27_t;\n" \
	"\n"								\
	"trace {\n"							\
	"\tmajor = 1;\n"						\
	"\tminor = 8;\n"						\
	"\tuuid = \"0f5e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6\";\n"		\
	"\tbyte_order = le;\n"						\
	"\tpacket.header := struct {\n"					\
	"\t\tuint32_t magic;\n"						\
	"\t\tuint8_t  uuid[16];\n"					\
	"\t\tuint32_t stream_id;\n"					\
	"\t\tuint64_t stream_instance_id;\n"				\
	"\t};\n"							\
	"};\n\n"

#define ENV_COMMON							\
	"env {\n"							\
	"\thostname = \"my\\\"host\\\\x\";\n"				\
	"\tdomain = \"kernel\";\n"					\
	"\tsysname = \"Linux\";\n"					\
	"\tkernel_release = \"6.1.0-26-amd64\";\n"			\
	"\tkernel_version = \"#1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30)\";\n" \
	"\ttracer_name = \"lttng-modules\";\n"				\
	"\ttracer_major = 2;\n"						\
	"\ttracer_minor = 13;\n"					\
	"\ttracer_patchlevel = 9;\n"					\
	"\ttrace_buffering_scheme = \"global\";\n"

#define CLOCK_HEAD							\
	"clock {\n"							\
	"\tname = \"monotonic\";\n"

#define CLOCK_FREQ							\
	"\tdescription = \"Monotonic Clock\";\n"			\
	"\tfreq = 1000000000; /* ticks per second: 1 ns each */\n"

#define STREAM_TYPES							\
	"typealias integer {\n"					\
	"\tsize = 27; align = 1; signed = false;\n"			\
	"\tmap = clock.monotonic.value;\n"				\
	"} := uint27_clock_monotonic_t;\n\n"				\
	"typealias integer {\n"					\
	"\tsize = 32; align = 8; signed = false;\n"			\
	"\tmap = clock.monotonic.value;\n"				\
	"} := uint32_clock_monotonic_t;\n\n"				\
	"typealias integer {\n"					\
	"\tsize = 64; align = 8; signed = false;\n"			\
	"\tmap = clock.monotonic.value;\n"				\
	"} := uint64_clock_monotonic_t;\n\n"				\
	"struct packet_context {\n"					\
	"\tuint64_clock_monotonic_t timestamp_begin;\n"			\
	"\tuint64_clock_monotonic_t timestamp_end;\n"			\
	"\tuint64_t content_size;\n"					\
	"\tuint64_t packet_size;\n"					\
	"\tuint64_t packet_seq_num;\n"					\
	"\tunsigned long events_discarded;\n"				\
	"\tuint32_t cpu_id;\n"						\
	"};\n\n"							\
	"struct event_header_compact {\n"				\
	"\tenum : uint5_t { compact = 0 ... 30, extended = 31 } id;\n"	\
	"\tvariant <id> {\n"						\
	"\t\tstruct { uint27_clock_monotonic_t timestamp; } compact;\n"	\
	"\t\tstruct { uint32_t id; uint64_clock_monotonic_t timestamp; } extended;\n" \
	"\t} v;\n"							\
	"} align(8);\n\n"						\
	"struct event_header_large {\n"					\
	"\tenum : uint16_t { compact = 0 ... 65534, extended = 65535 } id;\n" \
	"\tvariant <id> {\n"						\
	"\t\tstruct { uint32_clock_monotonic_t timestamp; } compact;\n"	\
	"\t\tstruct { uint32_t id; uint64_clock_monotonic_t timestamp; } extended;\n" \
	"\t} v;\n"							\
	"} align(8);\n\n"

static void golden_trace(void **state)
{
	struct test_text tt;

	(void)state;
	text_init(&tt, NULL);
	assert_int_equal(lttng_tsdl_trace(&tt.t, &full_trace), 0);
	assert_string_equal(tt.t.buf,
		TRACE_TYPES
		ENV_COMMON
		"\ttrace_name = \"s1\\nnext\\ttab\\001\";\n"
		"\ttrace_creation_datetime = \"20240131T235959+0100\";\n"
		"\tproduct_uuid = \"4c4c4544-0042-3510-8052-b4c04f4e4d32\";\n"
		"\tlttng_dt_note = \"two\\nlines \\\"quoted\\\" back\\\\slash\";\n"
		"\tlttng_dt_level = -3;\n"
		"};\n\n"
		CLOCK_HEAD
		"\tuuid = \"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19\";\n"
		CLOCK_FREQ
		"\toffset = 1700000000000000000;\n"
		"};\n\n"
		STREAM_TYPES);
	text_free(&tt);
}

/* Optional parts left out; a negative offset split for babeltrace. */
static void golden_trace_minimal(void **state)
{
	struct lttng_tsdl_trace tr = full_trace;
	struct test_text tt;

	(void)state;
	tr.trace_name = NULL;
	tr.creation_datetime = NULL;
	tr.product_uuid = NULL;
	tr.clock_uuid = NULL;
	tr.extra = NULL;
	tr.nr_extra = 0;
	tr.clock_offset = -1500000001LL;
	text_init(&tt, NULL);
	assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), 0);
	assert_string_equal(tt.t.buf,
		TRACE_TYPES
		ENV_COMMON
		"};\n\n"
		CLOCK_HEAD
		CLOCK_FREQ
		"\toffset_s = -2;\n"
		"\toffset = 499999999;\n"
		"};\n\n"
		STREAM_TYPES);
	text_free(&tt);

	tr.clock_offset = 0;
	text_init(&tt, NULL);
	assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), 0);
	assert_non_null(strstr(tt.t.buf, "\toffset = 0;\n};\n"));
	assert_null(strstr(tt.t.buf, "offset_s"));
	text_free(&tt);
}

/* ---- Refusals ----------------------------------------------------------- */

#define PREFIX	"/* earlier blocks */\n"

/* Both as an event and as a stream context; the text must stay as it was. */
static void check_event_refused(const struct lttng_field_desc *f, unsigned int nr,
				unsigned int which)
{
	struct test_text tt;
	int ret;

	text_init(&tt, PREFIX);
	ret = lttng_tsdl_event(&tt.t, "e", 0, 0, f, nr);
	if (ret != -EINVAL)
		fail_msg("bad description %u: event gave %d", which, ret);
	assert_int_equal(tt.t.len, strlen(PREFIX));
	assert_string_equal(tt.t.buf, PREFIX);
	ret = lttng_tsdl_stream(&tt.t, 0, false, f, nr);
	if (ret != -EINVAL)
		fail_msg("bad description %u: stream gave %d", which, ret);
	assert_string_equal(tt.t.buf, PREFIX);
	text_free(&tt);
}

static void refuses_bad_fields(void **state)
{
	static const struct lttng_enum_desc empty_enum = {
		.name = "empty", .entries = state_entries, .nr_entries = 0,
	};
	static const struct lttng_enum_entry reversed[] = {
		{ .start = 5, .end = 4, .label = "R" },
	};
	static const struct lttng_enum_desc reversed_enum = {
		.name = "rev", .entries = reversed, .nr_entries = 1,
	};
	static const struct lttng_enum_entry no_label[] = {
		{ .start = 1, .end = 1, .label = NULL },
	};
	static const struct lttng_enum_desc no_label_enum = {
		.name = "nolabel", .entries = no_label, .nr_entries = 1,
	};
	/* -1 ... 1 is a range for a signed container only. */
	static const struct lttng_enum_entry minus_one[] = {
		{ .start = -1, .end = 1, .label = "M" },
	};
	static const struct lttng_enum_desc minus_one_enum = {
		.name = "minus", .entries = minus_one, .nr_entries = 1,
	};
	const struct lttng_field_desc bad[][2] = {
		{ F_INT("a b", 32, true, 10) },
		{ F_INT("", 32, true, 10) },
		{ F_INT(NULL, 32, true, 10) },
		{ F_INT("x\"y", 32, true, 10) },
		{ F_INT("x", 0, true, 10) },
		{ F_INT("x", 65, true, 10) },
		{ F_INT("x", 32, true, 3) },
		{ F_INT("x", 32, true, 10), F_INT("x", 8, false, 16) },
		/* A sequence's length field would collide. */
		{ F_INT("s_length", 32, true, 10),
		  { .name = "s", .kind = LTTNG_FIELD_SEQUENCE, .type = INT_T(8, false, 10),
		    .length_type = INT_T(32, false, 10) } },
		{ F_INT("b_padding", 8, false, 10),
		  { .name = "b", .kind = LTTNG_FIELD_ARRAY, .type = BIT_T, .length = 8 } },
		{ { .name = "s", .kind = LTTNG_FIELD_SEQUENCE, .type = INT_T(8, false, 10),
		    .length_type = INT_T(32, true, 10) } },
		{ { .name = "s", .kind = LTTNG_FIELD_SEQUENCE, .type = INT_T(8, false, 10),
		    .length_type = INT_T(0, false, 10) } },
		{ { .name = "e", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10) } },
		{ { .name = "e", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10),
		    .enum_desc = &empty_enum } },
		{ { .name = "e", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10),
		    .enum_desc = &reversed_enum } },
		{ { .name = "e", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10),
		    .enum_desc = &no_label_enum } },
		{ { .name = "e", .kind = LTTNG_FIELD_ENUM, .type = INT_T(8, false, 10),
		    .enum_desc = &minus_one_enum } },
		{ { .name = "k", .kind = (enum lttng_field_kind)42 } },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(bad); i++)
		check_event_refused(bad[i], bad[i][1].name ? 2 : 1, i);
	check_event_refused(NULL, 1, i);
}

static void refuses_bad_event_and_trace(void **state)
{
	static const struct lttng_tsdl_env_extra bad_keys[][2] = {
		{ { .key = "struct", .num = 1 } },
		{ { .key = "uint32_t", .num = 1 } },
		{ { .key = "hostname", .str = "x" } },
		{ { .key = "9lives", .num = 1 } },
		{ { .key = "a-b", .num = 1 } },
		{ { .key = NULL, .num = 1 } },
		{ { .key = "k", .num = 1 }, { .key = "k", .str = "v" } },
	};
	static const char * const bad_clock_uuids[] = {
		"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a1",
		"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19\n",
		"6a2b8d1e96c7-4f5a-b1f0-0e0b5c3d2a19-",
		"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a1g",
		"",
	};
	struct lttng_tsdl_trace tr;
	struct test_text tt;
	unsigned int i;

	(void)state;
	text_init(&tt, PREFIX);
	assert_int_equal(lttng_tsdl_event(&tt.t, NULL, 0, 0, NULL, 0), -EINVAL);
	for (i = 0; i < ARRAY_LEN(bad_keys); i++) {
		tr = full_trace;
		tr.extra = bad_keys[i];
		tr.nr_extra = bad_keys[i][1].key ? 2 : 1;
		assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), -EINVAL);
	}
	tr = full_trace;
	tr.extra = NULL;
	assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), -EINVAL);
	for (i = 0; i < ARRAY_LEN(bad_clock_uuids); i++) {
		tr = full_trace;
		tr.clock_uuid = bad_clock_uuids[i];
		assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), -EINVAL);
	}
	tr = full_trace;
	tr.hostname = NULL;
	assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), -EINVAL);
	tr = full_trace;
	tr.uuid = NULL;
	assert_int_equal(lttng_tsdl_trace(&tt.t, &tr), -EINVAL);
	assert_int_equal(lttng_tsdl_trace(&tt.t, NULL), -EINVAL);
	assert_string_equal(tt.t.buf, PREFIX);
	assert_int_equal(tt.t.len, strlen(PREFIX));
	text_free(&tt);
}

/*
 * The check the boot_id reader (src/core/lttng-boot-id.c) applies to the
 * file's text, its newline cut, before it becomes the clock's UUID: the
 * same check the trace block applies, so a value read is never refused
 * there (which would fail the session's start).
 */
static void uuid_text_check(void **state)
{
	static const char * const bad[] = {
		"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19\n",
		"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a1",
		"6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19a",
		"6a2b8d1e-96c7-4f5a-b1f0+0e0b5c3d2a19",
		"6a2b8d1e96c7-4f5a-b1f0-0e0b5c3d2a19-",
		"{a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19",
		"",
	};
	unsigned int i;

	(void)state;
	assert_true(lttng_tsdl_is_uuid("6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19"));
	assert_true(lttng_tsdl_is_uuid("6A2B8D1E-96C7-4F5A-B1F0-0E0B5C3D2A19"));
	for (i = 0; i < ARRAY_LEN(bad); i++)
		assert_false(lttng_tsdl_is_uuid(bad[i]));
}

/* ---- Out of memory at every point -------------------------------------- */

enum block { TRACE, STREAM, EVENT };

static int emit(struct lttng_text *t, enum block b)
{
	switch (b) {
	case TRACE:
		return lttng_tsdl_trace(t, &full_trace);
	case STREAM:
		return lttng_tsdl_stream(t, 2, false, pid_procname, 2);
	default:
		return lttng_tsdl_event(t, "all\"kinds", 5, 2, all_kinds,
					ARRAY_LEN(all_kinds));
	}
}

/*
 * For every cap between the prefix and the whole result, emitting either
 * succeeds with the whole text or fails with -ENOMEM leaving the prefix
 * exactly as it was.
 */
static void check_enomem_everywhere(enum block b)
{
	struct test_text ref, tt;
	size_t full, limit;
	unsigned int failed = 0;
	int ret;

	text_init(&ref, PREFIX);
	assert_int_equal(emit(&ref.t, b), 0);
	full = ref.t.len;
	for (limit = strlen(PREFIX) + 1; limit <= full + 1; limit++) {
		text_init(&tt, PREFIX);
		tt.limit = limit;
		ret = emit(&tt.t, b);
		if (ret) {
			assert_int_equal(ret, -ENOMEM);
			assert_int_equal(tt.t.len, strlen(PREFIX));
			assert_string_equal(tt.t.buf, PREFIX);
			failed++;
		} else {
			assert_string_equal(tt.t.buf, ref.t.buf);
			assert_true(limit > full);	/* text + NUL */
		}
		text_free(&tt);
	}
	assert_int_equal(failed, full - strlen(PREFIX));
	text_free(&ref);
}

static void enomem_trace(void **state)
{
	(void)state;
	check_enomem_everywhere(TRACE);
}

static void enomem_stream(void **state)
{
	(void)state;
	check_enomem_everywhere(STREAM);
}

static void enomem_event(void **state)
{
	(void)state;
	check_enomem_everywhere(EVENT);
}

/* A missing grow(), or one that claims success without growing. */
static void enomem_bad_grow(void **state)
{
	struct lttng_text bare = { 0 };
	struct test_text tt;

	(void)state;
	assert_int_equal(lttng_text_printf(&bare, "x"), -ENOMEM);
	assert_int_equal(emit(&bare, EVENT), -ENOMEM);
	assert_null(bare.buf);
	assert_int_equal(bare.len, 0);

	text_init(&tt, PREFIX);
	tt.lie = true;
	assert_int_equal(emit(&tt.t, STREAM), -ENOMEM);
	assert_true(tt.grows > 0);
	assert_string_equal(tt.t.buf, PREFIX);
	text_free(&tt);
}

static void text_printf_appends(void **state)
{
	struct test_text tt;

	(void)state;
	text_init(&tt, NULL);
	assert_int_equal(lttng_text_printf(&tt.t, "%s", ""), 0);
	assert_int_equal(tt.t.len, 0);
	assert_string_equal(tt.t.buf, "");
	assert_int_equal(lttng_text_printf(&tt.t, "a%db", 12), 0);
	assert_int_equal(lttng_text_printf(&tt.t, "%c", 'c'), 0);
	assert_string_equal(tt.t.buf, "a12bc");
	assert_int_equal(tt.t.len, 5);
	tt.limit = 8;
	assert_int_equal(lttng_text_printf(&tt.t, "%s", "def"), -ENOMEM);
	assert_string_equal(tt.t.buf, "a12bc");
	assert_int_equal(lttng_text_printf(&tt.t, "%s", "de"), 0);
	assert_string_equal(tt.t.buf, "a12bcde");
	text_free(&tt);
}

/* ---- End to end with babeltrace2 ---------------------------------------- */

#define T0		5000000000ULL	/* ns after the clock's zero */
#define SEC		1000000000ULL

struct e2e {
	char *dir;
};

static int e2e_setup(void **state)
{
	struct e2e *e = calloc(1, sizeof(*e));

	if (!e)
		return -1;
	e->dir = ctf_make_dir();
	*state = e;
	return e->dir ? 0 : -1;
}

static int e2e_teardown(void **state)
{
	struct e2e *e = *state;

	ctf_remove_dir(e->dir);
	free(e);
	return 0;
}

static bool have_babeltrace2(void)
{
	if (ctf_babeltrace2())
		return true;
	print_message("# SKIP: babeltrace2 not found (/usr/bin/babeltrace2, or set BABELTRACE2)\n");
	return false;
}

/*
 * Session, stream 0 (compact headers, pid and procname context), stream 1
 * (large headers, no context); events 0 and 1 and 40 in stream 0, 0 in 1.
 */
static void write_metadata(const char *dir, const struct lttng_tsdl_trace *tr)
{
	struct test_text tt;

	text_init(&tt, "/* CTF 1.8 */\n");
	assert_int_equal(lttng_tsdl_trace(&tt.t, tr), 0);
	assert_int_equal(lttng_tsdl_stream(&tt.t, 0, false, pid_procname, 2), 0);
	assert_int_equal(lttng_tsdl_stream(&tt.t, 1, true, NULL, 0), 0);
	assert_int_equal(lttng_tsdl_event(&tt.t, "all_kinds", 0, 0, all_kinds,
					  ARRAY_LEN(all_kinds)), 0);
	assert_int_equal(lttng_tsdl_event(&tt.t, "sched_switch", 1, 0, sched_switch,
					  ARRAY_LEN(sched_switch)), 0);
	assert_int_equal(lttng_tsdl_event(&tt.t, "odd\"name\\", 40, 0, NULL, 0), 0);
	assert_int_equal(lttng_tsdl_event(&tt.t, "large_ev", 0, 1, one_u32, 1), 0);
	assert_int_equal(ctf_write_file(dir, "trace/metadata", tt.t.buf, tt.t.len), 0);
	text_free(&tt);
}

static void put_context(struct ctf_buf *b, int32_t pid, const char *procname)
{
	ctf_u32(b, (uint32_t)pid);
	ctf_text(b, procname, 16);
}

/* The payload of all_kinds, field by field. */
static void put_all_kinds(struct ctf_buf *b)
{
	static const uint8_t bytes[4] = { 1, 2, 3, 4 };

	ctf_u32(b, (uint32_t)-42);		/* value */
	ctf_u64(b, 0xdeadbeefULL);		/* addr */
	ctf_u16be(b, 8080);			/* port */
	ctf_text(b, "swapper/0", 16);		/* comm */
	ctf_bytes(b, bytes, 4);			/* bytes */
	ctf_u8(b, 0x81);			/* flags: bits 0 and 7 */
	ctf_u32(b, 3);				/* vals */
	ctf_u32(b, 10);
	ctf_u32(b, 20);
	ctf_u32(b, 30);
	ctf_u8(b, 5);				/* msg */
	ctf_bytes(b, "hello", 5);
	ctf_string(b, "/etc/passwd");		/* filename */
	ctf_u8(b, 2);				/* state */
	ctf_u32(b, (uint32_t)-50);		/* class */
}

static void put_sched_switch(struct ctf_buf *b)
{
	ctf_text(b, "swapper/0", 16);
	ctf_u32(b, 0);
	ctf_u32(b, 20);
	ctf_u64(b, 0);
	ctf_text(b, "bash", 16);
	ctf_u32(b, 1234);
	ctf_u32(b, 120);
}

static void write_stream(const char *dir, const char *name, uint32_t stream_id,
			 uint32_t cpu, const struct ctf_buf *records)
{
	const struct ctf_packet p = {
		.uuid = trace_uuid,
		.stream_id = stream_id,
		.stream_instance_id = cpu,
		.cpu_id = cpu,
		.ts_begin = T0,
		.ts_end = T0 + 4 * SEC,
	};
	struct ctf_buf *packet = calloc(1, sizeof(*packet));

	assert_non_null(packet);
	ctf_packet(packet, &p, records);
	assert_int_equal(ctf_write_file(dir, name, packet->data, packet->len), 0);
	free(packet);
}

/* text, if any, as TAP comment lines. */
static void print_tap_comment(const char *title, const char *text)
{
	const char *nl;

	if (!*text)
		return;
	print_message("# %s:\n", title);
	for (; *text; text = *nl ? nl + 1 : nl) {
		nl = strchrnul(text, '\n');
		print_message("#   %.*s\n", (int)(nl - text), text);
	}
}

/* Runs babeltrace2 with args; it must succeed and say nothing on stderr. */
static char *run_babeltrace2(const char *dir, const char *args)
{
	char *err;
	int status;

	status = ctf_run_babeltrace2(dir, args, "bt.out", "bt.err");
	err = ctf_read_file(dir, "bt.err");
	assert_non_null(err);
	print_tap_comment("babeltrace2 stderr", err);
	assert_int_equal(status, 0);
	assert_string_equal(err, "");
	free(err);
	return ctf_read_file(dir, "bt.out");
}

#define HOST		"my\"host\\x"
#define CTX		"{ cpu_id = 0 }, { pid = 1234, procname = \"bash\" }, "
#define ALL_KINDS_OUT							\
	"{ value = -42, addr = 0xDEADBEEF, port = 8080, "		\
	"comm = \"swapper/0\", "					\
	"bytes = [ [0] = 1, [1] = 2, [2] = 3, [3] = 4 ], "		\
	"flags_padding = { }, "						\
	"flags = [ [0] = 1, [1] = 0, [2] = 0, [3] = 0, [4] = 0, [5] = 0, [6] = 0, [7] = 1 ], " \
	"_vals_length = 3, vals = [ [0] = 10, [1] = 20, [2] = 30 ], "	\
	"_msg_length = 5, msg = \"hello\", "				\
	"filename = \"/etc/passwd\", "					\
	"state = ( \"SLEEP\\\"ING\\\\\" : container = 2 ), "	\
	"class = ( \"RT\" : container = -50 ) }\n"
#define SCHED_SWITCH_OUT						\
	"{ prev_comm = \"swapper/0\", prev_tid = 0, prev_prio = 20, prev_state = 0, " \
	"next_comm = \"bash\", next_tid = 1234, next_prio = 120 }\n"

#define LATE_OUT	"{ cpu_id = 0 }, { pid = 1, procname = \"init\" }, { }\n"

/* Normal headers: compact in stream 0, large in stream 1. */
static void e2e_normal_headers(void **state)
{
	struct e2e *e = *state;
	struct ctf_buf recs = { .len = 0 };
	char *out;

	if (!have_babeltrace2()) {
		skip();
		return;
	}
	write_metadata(e->dir, &full_trace);

	ctf_header_compact(&recs, 0, T0 + 100, false);
	put_context(&recs, 1234, "bash");
	put_all_kinds(&recs);
	ctf_header_compact(&recs, 1, T0 + 200, false);
	put_context(&recs, 1234, "bash");
	put_sched_switch(&recs);
	write_stream(e->dir, "trace/channel0_0", 0, 0, &recs);

	recs.len = 0;
	ctf_header_large(&recs, 0, T0 + 150, false);
	ctf_u32(&recs, 7);
	write_stream(e->dir, "trace/channel1_1", 1, 1, &recs);

	out = run_babeltrace2(e->dir, "--no-delta --clock-seconds");
	assert_string_equal(out,
		"[1700000005.000000100] " HOST " all_kinds: " CTX ALL_KINDS_OUT
		"[1700000005.000000150] " HOST " large_ev: { cpu_id = 1 }, { n = 7 }\n"
		"[1700000005.000000200] " HOST " sched_switch: " CTX SCHED_SWITCH_OUT);
	free(out);
}

/*
 * Extended headers: compact id 31 carrying a small id, then an id that
 * only fits there (40), then a normal compact header whose 27 time bits
 * must be read against the full time of the extended one; the large
 * header's 65535 form in stream 1.
 */
static void e2e_extended_headers(void **state)
{
	struct e2e *e = *state;
	struct ctf_buf recs = { .len = 0 };
	char *out;

	if (!have_babeltrace2()) {
		skip();
		return;
	}
	write_metadata(e->dir, &full_trace);

	ctf_header_compact(&recs, 1, T0 + 100, true);
	put_context(&recs, 1234, "bash");
	put_sched_switch(&recs);
	ctf_header_compact(&recs, 40, T0 + 3 * SEC, true);
	put_context(&recs, 1, "init");
	ctf_header_compact(&recs, 0, T0 + 3 * SEC + 100, false);
	put_context(&recs, 1234, "bash");
	put_all_kinds(&recs);
	write_stream(e->dir, "trace/channel0_0", 0, 0, &recs);

	recs.len = 0;
	ctf_header_large(&recs, 0, T0 + 2 * SEC, true);
	ctf_u32(&recs, 8);
	write_stream(e->dir, "trace/channel1_1", 1, 1, &recs);

	out = run_babeltrace2(e->dir, "--no-delta --clock-seconds");
	assert_string_equal(out,
		"[1700000005.000000100] " HOST " sched_switch: " CTX SCHED_SWITCH_OUT
		"[1700000007.000000000] " HOST " large_ev: { cpu_id = 1 }, { n = 8 }\n"
		"[1700000008.000000000] " HOST " odd\"name\\: " LATE_OUT
		"[1700000008.000000100] " HOST " all_kinds: " CTX ALL_KINDS_OUT);
	free(out);
}

/* A wall clock set before boot time: the offset_s form must be accepted. */
static void e2e_negative_offset(void **state)
{
	struct lttng_tsdl_trace tr = full_trace;
	struct e2e *e = *state;
	struct ctf_buf recs = { .len = 0 };
	char *out;

	if (!have_babeltrace2()) {
		skip();
		return;
	}
	tr.clock_offset = -(s64)T0 - 1000;
	write_metadata(e->dir, &tr);
	ctf_header_compact(&recs, 40, T0 + 100, true);
	put_context(&recs, 1, "init");
	write_stream(e->dir, "trace/channel0_0", 0, 0, &recs);

	out = run_babeltrace2(e->dir, "--no-delta --clock-seconds");
	assert_string_equal(out, "[-0.000000900] " HOST " odd\"name\\: " LATE_OUT);
	free(out);
}

/* The env block as babeltrace2 decodes it: escapes undone. */
static void e2e_environment(void **state)
{
	struct e2e *e = *state;
	struct ctf_buf recs = { .len = 0 };
	char *out, *env, *end;

	if (!have_babeltrace2()) {
		skip();
		return;
	}
	write_metadata(e->dir, &full_trace);
	ctf_header_compact(&recs, 40, T0 + 100, true);
	put_context(&recs, 1, "init");
	write_stream(e->dir, "trace/channel0_0", 0, 0, &recs);

	out = run_babeltrace2(e->dir, "-c sink.text.details");
	env = strstr(out, "    Environment (");
	assert_non_null(env);
	end = strstr(env, "    Stream (ID 0");
	assert_non_null(end);
	*end = '\0';
	assert_string_equal(env,
		"    Environment (15 entries):\n"
		"      domain: kernel\n"
		"      hostname: my\"host\\x\n"
		"      kernel_release: 6.1.0-26-amd64\n"
		"      kernel_version: #1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30)\n"
		"      lttng_dt_level: -3\n"
		"      lttng_dt_note: two\nlines \"quoted\" back\\slash\n"
		"      product_uuid: 4c4c4544-0042-3510-8052-b4c04f4e4d32\n"
		"      sysname: Linux\n"
		"      trace_buffering_scheme: global\n"
		"      trace_creation_datetime: 20240131T235959+0100\n"
		"      trace_name: s1\nnext\ttab\001\n"
		"      tracer_major: 2\n"
		"      tracer_minor: 13\n"
		"      tracer_name: lttng-modules\n"
		"      tracer_patchlevel: 9\n");
	assert_non_null(strstr(out, "      UUID: 6a2b8d1e-96c7-4f5a-b1f0-0e0b5c3d2a19\n"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(golden_integer),
		cmocka_unit_test(golden_hex),
		cmocka_unit_test(golden_big_endian),
		cmocka_unit_test(golden_arrays),
		cmocka_unit_test(golden_sequences),
		cmocka_unit_test(golden_string),
		cmocka_unit_test(golden_enums),
		cmocka_unit_test(golden_struct),
		cmocka_unit_test(golden_variant),
		cmocka_unit_test(refuses_bad_compounds),
		cmocka_unit_test(nesting_limit),
		cmocka_unit_test(golden_event_escaping),
		cmocka_unit_test(golden_streams),
		cmocka_unit_test(golden_trace),
		cmocka_unit_test(golden_trace_minimal),
		cmocka_unit_test(refuses_bad_fields),
		cmocka_unit_test(refuses_bad_event_and_trace),
		cmocka_unit_test(uuid_text_check),
		cmocka_unit_test(enomem_trace),
		cmocka_unit_test(enomem_stream),
		cmocka_unit_test(enomem_event),
		cmocka_unit_test(enomem_bad_grow),
		cmocka_unit_test(text_printf_appends),
		cmocka_unit_test_setup_teardown(e2e_normal_headers, e2e_setup, e2e_teardown),
		cmocka_unit_test_setup_teardown(e2e_extended_headers, e2e_setup, e2e_teardown),
		cmocka_unit_test_setup_teardown(e2e_negative_offset, e2e_setup, e2e_teardown),
		cmocka_unit_test_setup_teardown(e2e_environment, e2e_setup, e2e_teardown),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("metadata-text", tests, NULL, NULL);
}
