// SPDX-License-Identifier: GPL-2.0-only
/*
 * CTF 1.8 TSDL metadata text (see lttng-metadata-text.h).
 *
 * The text has the shape lttng-modules 2.13 gives it, which viewers and
 * lttng-tools' own checks are used to: every field's integer spelled out
 * in full, field names behind a '_' (babeltrace drops one leading
 * underscore), a sequence preceded by its own length field. Records are
 * packed on x86-64, so byte-sized integers are aligned on 8 bits and only
 * sub-byte integers (bit arrays) on 1 bit.
 *
 * Whatever the kernel hands us (hostnames, session names, enum labels) is
 * written inside string literals with escapes, and names that become TSDL
 * identifiers are checked first: one stray quote or duplicate field name
 * would make babeltrace reject the whole trace, not just one event.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#endif

#include "lttng-metadata-text.h"

#ifndef __KERNEL__
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The kernel's <linux/math64.h> helper, for the userspace build. */
static inline s64 div_s64_rem(s64 dividend, int divisor, int *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}
#endif

#define CLOCK_NAME	"monotonic"
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define NATIVE_ORDER	"be"
#else
#define NATIVE_ORDER	"le"
#endif
#define INT_SPEC_MAX	128	/* longest integer { ... } is ~90 bytes */

/* ---- Growable text ------------------------------------------------------ */

/* Makes room for extra more bytes of text plus the NUL after them. */
static int text_reserve(struct lttng_text *t, size_t extra)
{
	size_t need = t->len + extra + 1;

	if (need <= t->len)
		return -ENOMEM;
	if (t->buf && need <= t->cap)
		return 0;
	if (!t->grow || t->grow(t, need) || !t->buf || t->cap < need)
		return -ENOMEM;
	return 0;
}

static void text_truncate(struct lttng_text *t, size_t len)
{
	t->len = len;
	if (t->buf)
		t->buf[len] = '\0';
}

static int text_append(struct lttng_text *t, const char *s, size_t n)
{
	int ret = text_reserve(t, n);

	if (ret)
		return ret;
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
	return 0;
}

int lttng_text_printf(struct lttng_text *t, const char *fmt, ...)
{
	va_list ap;
	int n, ret;

	/* Measure first, so that a failed grow leaves no partial text. */
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -EINVAL;
	ret = text_reserve(t, n);
	if (ret)
		return ret;
	va_start(ap, fmt);
	vsnprintf(t->buf + t->len, n + 1, fmt, ap);
	va_end(ap);
	t->len += n;
	return 0;
}

/* ---- String literals ---------------------------------------------------- */

static bool needs_escape(unsigned char c)
{
	return c == '"' || c == '\\' || c < 0x20 || c == 0x7f;
}

static int put_escape(struct lttng_text *t, unsigned char c)
{
	switch (c) {
	case '"':
	case '\\':
		return lttng_text_printf(t, "\\%c", c);
	case '\n':
		return text_append(t, "\\n", 2);
	case '\t':
		return text_append(t, "\\t", 2);
	case '\r':
		return text_append(t, "\\r", 2);
	default:
		/* Other control bytes as octal, which babeltrace decodes too. */
		return lttng_text_printf(t, "\\%03o", c);
	}
}

/* Appends s as the inside of a "..." literal; UTF-8 bytes pass through. */
static int put_escaped(struct lttng_text *t, const char *s)
{
	size_t run;
	int ret;

	for (;;) {
		for (run = 0; s[run] && !needs_escape(s[run]); run++)
			;
		ret = text_append(t, s, run);
		if (ret || !s[run])
			return ret;
		ret = put_escape(t, s[run]);
		if (ret)
			return ret;
		s += run + 1;
	}
}

/* One "\tkey = \"value\";\n" line. */
static int put_string_attr(struct lttng_text *t, const char *key,
			   const char *value)
{
	int ret;

	ret = lttng_text_printf(t, "\t%s = \"", key);
	if (ret)
		return ret;
	ret = put_escaped(t, value);
	if (ret)
		return ret;
	return text_append(t, "\";\n", 3);
}

/* ---- Checks ------------------------------------------------------------- */

static bool is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Field names follow a '_' in the text, so a leading digit is fine. */
static bool is_field_name(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (!is_word_char(*s))
			return false;
	return true;
}

/*
 * Words an env key must not be: TSDL keywords and the type names declared
 * before env (the lexer would read them as types), and the standard keys.
 */
static const char * const reserved_keys[] = {
	"align", "callsite", "char", "clock", "const", "double", "enum",
	"env", "event", "float", "floating_point", "int", "integer", "long",
	"short", "signed", "stream", "string", "struct", "trace", "typealias",
	"typedef", "unsigned", "variant", "void", "_Bool", "_Complex",
	"_Imaginary", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
	"uint5_t", "uint27_t", "hostname", "domain", "sysname",
	"kernel_release", "kernel_version", "tracer_name", "tracer_major",
	"tracer_minor", "tracer_patchlevel", "trace_buffering_scheme",
	"trace_name", "trace_creation_datetime", "product_uuid",
};

static bool is_env_key(const char *s)
{
	unsigned int i;

	if (!is_field_name(s) || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (i = 0; i < ARRAY_SIZE(reserved_keys); i++)
		if (!strcmp(s, reserved_keys[i]))
			return false;
	return true;
}

static int check_extras(const struct lttng_tsdl_env_extra *x, unsigned int nr)
{
	unsigned int i, j;

	if (nr && !x)
		return -EINVAL;
	for (i = 0; i < nr; i++) {
		if (!is_env_key(x[i].key))
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (!strcmp(x[i].key, x[j].key))
				return -EINVAL;
	}
	return 0;
}

/* 8-4-4-4-12 hex digits and dashes, as babeltrace parses clock.uuid. */
bool lttng_tsdl_is_uuid(const char *s)
{
	unsigned int i;

	for (i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		char c = s[i];

		if (dash ? c != '-' : !((c >= '0' && c <= '9') ||
					(c >= 'a' && c <= 'f') ||
					(c >= 'A' && c <= 'F')))
			return false;
	}
	return s[36] == '\0';
}

static int check_trace(const struct lttng_tsdl_trace *tr)
{
	if (!tr || !tr->uuid || !tr->hostname || !tr->sysname ||
	    !tr->kernel_release || !tr->kernel_version || !tr->tracer_name)
		return -EINVAL;
	if (tr->clock_uuid && !lttng_tsdl_is_uuid(tr->clock_uuid))
		return -EINVAL;
	return check_extras(tr->extra, tr->nr_extra);
}

/* Struct and variant levels below an event's (or context's) fields. */
#define MAX_NESTING	8

/* An alignment in bits: a power of two up to 64. */
static bool is_align(unsigned int v)
{
	return v && v <= 64 && !(v & (v - 1));
}

static int check_int(const struct lttng_integer_type *it)
{
	if (it->size < 1 || it->size > 64)
		return -EINVAL;
	if (it->align && !is_align(it->align))
		return -EINVAL;
	switch (it->base) {
	case 0:		/* unset: decimal */
	case 2:
	case 8:
	case 10:
	case 16:
		return 0;
	default:
		return -EINVAL;
	}
}

static int check_enum(const struct lttng_field_desc *f)
{
	const struct lttng_enum_desc *e = f->enum_desc;
	unsigned int i;

	/* TSDL has no empty enumeration. */
	if (!e || !e->entries || !e->nr_entries)
		return -EINVAL;
	for (i = 0; i < e->nr_entries; i++) {
		const struct lttng_enum_entry *en = &e->entries[i];

		if (!en->label)
			return -EINVAL;
		if (f->type.is_signed ? en->start > en->end :
		    (unsigned long long)en->start > (unsigned long long)en->end)
			return -EINVAL;
	}
	return 0;
}

static bool is_bit_array(const struct lttng_field_desc *f)
{
	return (f->kind == LTTNG_FIELD_ARRAY || f->kind == LTTNG_FIELD_SEQUENCE) &&
	       f->type.size % 8;
}

/* Bit arrays, and arrays that ask for it, follow an empty aligned struct. */
static unsigned int padding_align(const struct lttng_field_desc *f)
{
	if (is_bit_array(f))
		return 8;
	return f->kind == LTTNG_FIELD_ARRAY ? f->align : 0;
}

static bool is_derived(const char *name, const char *base, const char *suffix)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && !strcmp(name + n, suffix);
}

/*
 * Whether name clashes with a member that g declares: its own name, the
 * length field of a sequence or the padding before an array. (Two
 * declared names cannot clash unless the fields' names do.)
 */
static bool clashes(const char *name, const struct lttng_field_desc *g)
{
	return !strcmp(name, g->name) ||
	       (g->kind == LTTNG_FIELD_SEQUENCE &&
		is_derived(name, g->name, "_length")) ||
	       (padding_align(g) && is_derived(name, g->name, "_padding"));
}

static int check_unique(const struct lttng_field_desc *f, unsigned int nr)
{
	unsigned int i, j;

	for (i = 0; i < nr; i++)
		for (j = 0; j < nr; j++)
			if (i != j && clashes(f[i].name, &f[j]))
				return -EINVAL;
	return 0;
}

static int check_members(const struct lttng_field_desc *f, unsigned int nr,
			 unsigned int depth);

/* Whether label is "_" followed by name, as the reader pairs them. */
static bool selects(const char *label, const char *name)
{
	return label[0] == '_' && !strcmp(label + 1, name);
}

static bool has_choice(const struct lttng_field_desc *v, const char *label)
{
	unsigned int i;

	for (i = 0; i < v->nr_fields; i++)
		if (selects(label, v->fields[i].name))
			return true;
	return false;
}

static bool has_label(const struct lttng_enum_desc *e, const char *name)
{
	unsigned int i;

	for (i = 0; i < e->nr_entries; i++)
		if (selects(e->entries[i].label, name))
			return true;
	return false;
}

/*
 * A variant is read by looking up its tag's label among its choices:
 * every value the tag declares must select a choice, and every choice
 * must be selectable, or a record would be unreadable.
 */
static int check_variant(const struct lttng_field_desc *v,
			 const struct lttng_field_desc *tag, unsigned int depth)
{
	const struct lttng_enum_desc *e;
	unsigned int i;
	int ret;

	if (!tag || tag->kind != LTTNG_FIELD_ENUM || !v->nr_fields)
		return -EINVAL;
	/* A choice has no field before it: it cannot be a variant itself. */
	ret = check_members(v->fields, v->nr_fields, depth + 1);
	if (ret)
		return ret;
	e = tag->enum_desc;
	for (i = 0; i < e->nr_entries; i++)
		if (!has_choice(v, e->entries[i].label))
			return -EINVAL;
	for (i = 0; i < v->nr_fields; i++)
		if (!has_label(e, v->fields[i].name))
			return -EINVAL;
	return 0;
}

/* prev: the field before f in its struct, NULL if f is the first. */
static int check_field(const struct lttng_field_desc *f,
		       const struct lttng_field_desc *prev, unsigned int depth)
{
	if (!is_field_name(f->name))
		return -EINVAL;
	switch (f->kind) {
	case LTTNG_FIELD_STRING:
		return 0;
	case LTTNG_FIELD_INTEGER:
		return check_int(&f->type);
	case LTTNG_FIELD_ARRAY:
		if (f->align && !is_align(f->align))
			return -EINVAL;
		return check_int(&f->type);
	case LTTNG_FIELD_ENUM:
		return check_int(&f->type) ?: check_enum(f);
	case LTTNG_FIELD_SEQUENCE:
		/* babeltrace wants an unsigned length. */
		if (f->length_type.is_signed)
			return -EINVAL;
		return check_int(&f->type) ?: check_int(&f->length_type);
	case LTTNG_FIELD_STRUCT:
		return check_members(f->fields, f->nr_fields, depth + 1);
	case LTTNG_FIELD_VARIANT:
		return check_variant(f, prev, depth);
	default:
		return -EINVAL;
	}
}

/* The fields of one struct (or of a variant's choices) at this depth. */
static int check_members(const struct lttng_field_desc *f, unsigned int nr,
			 unsigned int depth)
{
	unsigned int i;
	int ret;

	if (depth > MAX_NESTING || (nr && !f))
		return -EINVAL;
	for (i = 0; i < nr; i++) {
		ret = check_field(&f[i], i ? &f[i - 1] : NULL, depth);
		if (ret)
			return ret;
	}
	return check_unique(f, nr);
}

static int check_fields(const struct lttng_field_desc *f, unsigned int nr)
{
	return check_members(f, nr, 0);
}

/* ---- Fields ------------------------------------------------------------- */

/*
 * Event and context fields are at nesting 2 (two tabs); each struct or
 * variant indents its members one more, as lttng-modules does.
 */
#define TOP_NESTING	2
static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t";

static int put_tabs(struct lttng_text *t, unsigned int nest)
{
	/* MAX_NESTING keeps checked descriptions well within. */
	if (nest >= sizeof(tabs))
		return -EINVAL;
	return text_append(t, tabs, nest);
}

/* Sub-byte integers are bit-packed; all others start on a byte. */
static unsigned int int_align(const struct lttng_integer_type *it)
{
	if (it->align)
		return it->align;
	return it->size % 8 ? 1 : 8;
}

static const char *int_spec(char *buf, const struct lttng_integer_type *it,
			    bool utf8)
{
	snprintf(buf, INT_SPEC_MAX,
		 "integer { size = %u; align = %u; signed = %u; encoding = %s; base = %u;%s }",
		 it->size, int_align(it), it->is_signed ? 1 : 0,
		 utf8 ? "UTF8" : "none", it->base ? it->base : 10,
		 it->big_endian ? " byte_order = be;" : "");
	return buf;
}

static const char *enum_value(char *buf, size_t size, s64 v, bool is_signed)
{
	if (is_signed)
		snprintf(buf, size, "%lld", (long long)v);
	else
		snprintf(buf, size, "%llu", (unsigned long long)v);
	return buf;
}

/* "<tabs>\"LABEL\" = v,\n" or "... = a ... b,\n" */
static int put_enum_entry(struct lttng_text *t, const struct lttng_enum_entry *en,
			  bool is_signed, unsigned int nest)
{
	char a[24], b[24];
	int ret;

	ret = put_tabs(t, nest);
	ret = ret ?: text_append(t, "\"", 1);
	ret = ret ?: put_escaped(t, en->label);
	if (ret)
		return ret;
	enum_value(a, sizeof(a), en->start, is_signed);
	if (en->start == en->end)
		return lttng_text_printf(t, "\" = %s,\n", a);
	return lttng_text_printf(t, "\" = %s ... %s,\n", a,
				 enum_value(b, sizeof(b), en->end, is_signed));
}

static int put_enum(struct lttng_text *t, const struct lttng_field_desc *f,
		    unsigned int nest)
{
	const struct lttng_enum_desc *e = f->enum_desc;
	char spec[INT_SPEC_MAX];
	unsigned int i;
	int ret;

	ret = put_tabs(t, nest);
	ret = ret ?: lttng_text_printf(t, "enum : %s {\n",
				       int_spec(spec, &f->type, false));
	for (i = 0; !ret && i < e->nr_entries; i++)
		ret = put_enum_entry(t, &e->entries[i], f->type.is_signed,
				     nest + 1);
	ret = ret ?: put_tabs(t, nest);
	return ret ?: lttng_text_printf(t, "} _%s;\n", f->name);
}

static int put_padding(struct lttng_text *t, const struct lttng_field_desc *f,
		       unsigned int nest)
{
	unsigned int align = padding_align(f);

	if (!align)
		return 0;
	return put_tabs(t, nest) ?:
	       lttng_text_printf(t, "struct { } align(%u) _%s_padding;\n",
				 align, f->name);
}

static int put_sequence(struct lttng_text *t, const struct lttng_field_desc *f,
			unsigned int nest)
{
	char spec[INT_SPEC_MAX];
	int ret;

	ret = put_tabs(t, nest);
	ret = ret ?: lttng_text_printf(t, "%s __%s_length;\n",
				int_spec(spec, &f->length_type, false), f->name);
	ret = ret ?: put_padding(t, f, nest);
	ret = ret ?: put_tabs(t, nest);
	return ret ?: lttng_text_printf(t, "%s _%s[ __%s_length ];\n",
					int_spec(spec, &f->type, f->type.text),
					f->name, f->name);
}

static int put_members(struct lttng_text *t, const struct lttng_field_desc *f,
		       unsigned int nr, unsigned int nest);

/* "struct {" or "variant <_tag> {", the members, "} _name;" */
static int put_compound(struct lttng_text *t, const struct lttng_field_desc *f,
			const struct lttng_field_desc *tag, unsigned int nest)
{
	int ret;

	ret = put_tabs(t, nest);
	if (f->kind == LTTNG_FIELD_VARIANT)
		ret = ret ?: lttng_text_printf(t, "variant <_%s> {\n", tag->name);
	else
		ret = ret ?: text_append(t, "struct {\n", 9);
	ret = ret ?: put_members(t, f->fields, f->nr_fields, nest + 1);
	ret = ret ?: put_tabs(t, nest);
	return ret ?: lttng_text_printf(t, "} _%s;\n", f->name);
}

static int put_field(struct lttng_text *t, const struct lttng_field_desc *f,
		     const struct lttng_field_desc *prev, unsigned int nest)
{
	char spec[INT_SPEC_MAX];
	int ret;

	switch (f->kind) {
	case LTTNG_FIELD_INTEGER:
		return put_tabs(t, nest) ?:
		       lttng_text_printf(t, "%s _%s;\n",
					 int_spec(spec, &f->type, false), f->name);
	case LTTNG_FIELD_ENUM:
		return put_enum(t, f, nest);
	case LTTNG_FIELD_ARRAY:
		ret = put_padding(t, f, nest);
		ret = ret ?: put_tabs(t, nest);
		return ret ?: lttng_text_printf(t, "%s _%s[%u];\n",
					int_spec(spec, &f->type, f->type.text),
					f->name, f->length);
	case LTTNG_FIELD_SEQUENCE:
		return put_sequence(t, f, nest);
	case LTTNG_FIELD_STRING:
		return put_tabs(t, nest) ?:
		       lttng_text_printf(t, "string _%s;\n", f->name);
	case LTTNG_FIELD_STRUCT:
	case LTTNG_FIELD_VARIANT:
		return put_compound(t, f, prev, nest);
	}
	return -EINVAL;
}

static int put_members(struct lttng_text *t, const struct lttng_field_desc *f,
		       unsigned int nr, unsigned int nest)
{
	unsigned int i;
	int ret;

	for (i = 0; i < nr; i++) {
		ret = put_field(t, &f[i], i ? &f[i - 1] : NULL, nest);
		if (ret)
			return ret;
	}
	return 0;
}

static int put_fields(struct lttng_text *t, const struct lttng_field_desc *f,
		      unsigned int nr)
{
	return put_members(t, f, nr, TOP_NESTING);
}

/* ---- Session ------------------------------------------------------------ */

static int put_base_types(struct lttng_text *t)
{
	return lttng_text_printf(t,
		"typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n"
		"typealias integer { size = 16; align = 8; signed = false; } := uint16_t;\n"
		"typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n"
		"typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n"
		"typealias integer { size = %u; align = 8; signed = false; } := unsigned long;\n"
		"typealias integer { size = 5; align = 1; signed = false; } := uint5_t;\n"
		"typealias integer { size = 27; align = 1; signed = false; } := uint27_t;\n"
		"\n", (unsigned int)sizeof(unsigned long) * 8);
}

static void uuid_text(char *out, const unsigned char *u)
{
	static const char hex[] = "0123456789abcdef";
	unsigned int i, o = 0;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[u[i] >> 4];
		out[o++] = hex[u[i] & 15];
	}
	out[o] = '\0';
}

static int put_trace_block(struct lttng_text *t, const unsigned char *uuid)
{
	char uuid_s[37];

	uuid_text(uuid_s, uuid);
	return lttng_text_printf(t,
		"trace {\n"
		"\tmajor = 1;\n"
		"\tminor = 8;\n"
		"\tuuid = \"%s\";\n"
		"\tbyte_order = " NATIVE_ORDER ";\n"
		"\tpacket.header := struct {\n"
		"\t\tuint32_t magic;\n"
		"\t\tuint8_t  uuid[16];\n"
		"\t\tuint32_t stream_id;\n"
		"\t\tuint64_t stream_instance_id;\n"
		"\t};\n"
		"};\n\n", uuid_s);
}

static int put_optional_attr(struct lttng_text *t, const char *key,
			     const char *value)
{
	return value ? put_string_attr(t, key, value) : 0;
}

static int put_env_extras(struct lttng_text *t,
			  const struct lttng_tsdl_env_extra *x, unsigned int nr)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; !ret && i < nr; i++) {
		if (x[i].str)
			ret = put_string_attr(t, x[i].key, x[i].str);
		else
			ret = lttng_text_printf(t, "\t%s = %lld;\n", x[i].key,
						(long long)x[i].num);
	}
	return ret;
}

static int put_env(struct lttng_text *t, const struct lttng_tsdl_trace *tr)
{
	int ret;

	ret = lttng_text_printf(t, "env {\n");
	ret = ret ?: put_string_attr(t, "hostname", tr->hostname);
	ret = ret ?: lttng_text_printf(t, "\tdomain = \"kernel\";\n");
	ret = ret ?: put_string_attr(t, "sysname", tr->sysname);
	ret = ret ?: put_string_attr(t, "kernel_release", tr->kernel_release);
	ret = ret ?: put_string_attr(t, "kernel_version", tr->kernel_version);
	ret = ret ?: put_string_attr(t, "tracer_name", tr->tracer_name);
	ret = ret ?: lttng_text_printf(t,
			"\ttracer_major = %u;\n"
			"\ttracer_minor = %u;\n"
			"\ttracer_patchlevel = %u;\n"
			"\ttrace_buffering_scheme = \"global\";\n",
			tr->tracer_major, tr->tracer_minor,
			tr->tracer_patchlevel);
	ret = ret ?: put_optional_attr(t, "trace_name", tr->trace_name);
	ret = ret ?: put_optional_attr(t, "trace_creation_datetime",
				      tr->creation_datetime);
	ret = ret ?: put_optional_attr(t, "product_uuid", tr->product_uuid);
	ret = ret ?: put_env_extras(t, tr->extra, tr->nr_extra);
	return ret ?: lttng_text_printf(t, "};\n\n");
}

/*
 * Where the clock's zero is, from the Epoch. babeltrace 2.0 rejects a
 * negative offset (possible when the wall clock is set before boot time)
 * but takes a negative offset_s, so only then is it split into seconds
 * and a non-negative remainder in ns.
 */
static int put_clock_offset(struct lttng_text *t, s64 offset)
{
	s64 sec;
	int ns;

	if (offset >= 0)
		return lttng_text_printf(t, "\toffset = %lld;\n", (long long)offset);
	sec = div_s64_rem(offset, 1000000000, &ns);
	if (ns < 0) {
		sec--;
		ns += 1000000000;
	}
	return lttng_text_printf(t, "\toffset_s = %lld;\n\toffset = %d;\n",
				 (long long)sec, ns);
}

static int put_clock(struct lttng_text *t, const struct lttng_tsdl_trace *tr)
{
	int ret;

	ret = lttng_text_printf(t, "clock {\n\tname = \"" CLOCK_NAME "\";\n");
	ret = ret ?: put_optional_attr(t, "uuid", tr->clock_uuid);
	ret = ret ?: lttng_text_printf(t,
		"\tdescription = \"Monotonic Clock\";\n"
		"\tfreq = 1000000000; /* ticks per second: 1 ns each */\n");
	ret = ret ?: put_clock_offset(t, tr->clock_offset);
	return ret ?: lttng_text_printf(t, "};\n\n");
}

/* Everything after the clock does not depend on the session. */
static int put_stream_types(struct lttng_text *t)
{
	return lttng_text_printf(t,
		"typealias integer {\n"
		"\tsize = 27; align = 1; signed = false;\n"
		"\tmap = clock." CLOCK_NAME ".value;\n"
		"} := uint27_clock_monotonic_t;\n\n"
		"typealias integer {\n"
		"\tsize = 32; align = 8; signed = false;\n"
		"\tmap = clock." CLOCK_NAME ".value;\n"
		"} := uint32_clock_monotonic_t;\n\n"
		"typealias integer {\n"
		"\tsize = 64; align = 8; signed = false;\n"
		"\tmap = clock." CLOCK_NAME ".value;\n"
		"} := uint64_clock_monotonic_t;\n\n"
		"struct packet_context {\n"
		"\tuint64_clock_monotonic_t timestamp_begin;\n"
		"\tuint64_clock_monotonic_t timestamp_end;\n"
		"\tuint64_t content_size;\n"
		"\tuint64_t packet_size;\n"
		"\tuint64_t packet_seq_num;\n"
		"\tunsigned long events_discarded;\n"
		"\tuint32_t cpu_id;\n"
		"};\n\n"
		/* Compact: ids 0-30 and a 27-bit time, 31 = extended. */
		"struct event_header_compact {\n"
		"\tenum : uint5_t { compact = 0 ... 30, extended = 31 } id;\n"
		"\tvariant <id> {\n"
		"\t\tstruct { uint27_clock_monotonic_t timestamp; } compact;\n"
		"\t\tstruct { uint32_t id; uint64_clock_monotonic_t timestamp; } extended;\n"
		"\t} v;\n"
		"} align(8);\n\n"
		/* Large: ids 0-65534 and a 32-bit time, 65535 = extended. */
		"struct event_header_large {\n"
		"\tenum : uint16_t { compact = 0 ... 65534, extended = 65535 } id;\n"
		"\tvariant <id> {\n"
		"\t\tstruct { uint32_clock_monotonic_t timestamp; } compact;\n"
		"\t\tstruct { uint32_t id; uint64_clock_monotonic_t timestamp; } extended;\n"
		"\t} v;\n"
		"} align(8);\n\n");
}

static int put_trace(struct lttng_text *t, const struct lttng_tsdl_trace *tr)
{
	int ret;

	ret = put_base_types(t);
	ret = ret ?: put_trace_block(t, tr->uuid);
	ret = ret ?: put_env(t, tr);
	ret = ret ?: put_clock(t, tr);
	return ret ?: put_stream_types(t);
}

int lttng_tsdl_trace(struct lttng_text *t, const struct lttng_tsdl_trace *tr)
{
	size_t start = t->len;
	int ret;

	ret = check_trace(tr);
	if (ret)
		return ret;
	ret = put_trace(t, tr);
	if (ret)
		text_truncate(t, start);
	return ret;
}

/* ---- Streams and events ------------------------------------------------- */

static int put_stream(struct lttng_text *t, unsigned int stream_id,
		      bool large_header, const struct lttng_field_desc *ctx,
		      unsigned int nr_ctx)
{
	int ret;

	ret = lttng_text_printf(t,
		"stream {\n"
		"\tid = %u;\n"
		"\tevent.header := struct event_header_%s;\n"
		"\tpacket.context := struct packet_context;\n",
		stream_id, large_header ? "large" : "compact");
	if (!ret && nr_ctx) {
		ret = lttng_text_printf(t, "\tevent.context := struct {\n");
		ret = ret ?: put_fields(t, ctx, nr_ctx);
		ret = ret ?: lttng_text_printf(t, "\t};\n");
	}
	return ret ?: lttng_text_printf(t, "};\n\n");
}

int lttng_tsdl_stream(struct lttng_text *t, unsigned int stream_id,
		      bool large_header, const struct lttng_field_desc *ctx,
		      unsigned int nr_ctx)
{
	size_t start = t->len;
	int ret;

	ret = check_fields(ctx, nr_ctx);
	if (ret)
		return ret;
	ret = put_stream(t, stream_id, large_header, ctx, nr_ctx);
	if (ret)
		text_truncate(t, start);
	return ret;
}

static int put_event(struct lttng_text *t, const char *name, unsigned int id,
		     unsigned int stream_id,
		     const struct lttng_field_desc *fields,
		     unsigned int nr_fields)
{
	int ret;

	ret = lttng_text_printf(t, "event {\n");
	ret = ret ?: put_string_attr(t, "name", name);
	ret = ret ?: lttng_text_printf(t,
			"\tid = %u;\n"
			"\tstream_id = %u;\n"
			"\tfields := struct {\n", id, stream_id);
	ret = ret ?: put_fields(t, fields, nr_fields);
	return ret ?: lttng_text_printf(t, "\t};\n};\n\n");
}

int lttng_tsdl_event(struct lttng_text *t, const char *name, unsigned int id,
		     unsigned int stream_id,
		     const struct lttng_field_desc *fields,
		     unsigned int nr_fields)
{
	size_t start = t->len;
	int ret;

	if (!name)
		return -EINVAL;
	ret = check_fields(fields, nr_fields);
	if (ret)
		return ret;
	ret = put_event(t, name, id, stream_id, fields, nr_fields);
	if (ret)
		text_truncate(t, start);
	return ret;
}
