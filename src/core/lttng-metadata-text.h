/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CTF 1.8 TSDL text of a trace's metadata, as lttng-modules 2.13 writes it
 * (ABI specification lttng-kernel-abi.md, section 6): one function per
 * block of text, each appending to a growable buffer.
 *
 * Pure code: no locking, no allocation of its own (the buffer's owner
 * supplies grow()), nothing from the kernel but vsnprintf and string
 * helpers. The same source is compiled in userspace by
 * tests/unit/test-metadata-text.c.
 *
 * Every lttng_tsdl_*() call is all or nothing: on error the buffer is
 * left exactly as it was (same len, same bytes, still NUL-terminated), so
 * the caller may simply drop the failed block. Errors: -ENOMEM when grow()
 * fails, -EINVAL when a description cannot be written safely in TSDL: a
 * field name that is not [A-Za-z0-9_]+, two fields of one struct whose
 * names clash (including a sequence's "<name>_length" and a bit array's
 * "<name>_padding"), an integer size outside 1..64 or a base other than
 * 2, 8, 10, 16 (0 means 10), an alignment that is not a power of two up
 * to 64, a signed sequence length, an enumeration
 * without entries, with a NULL label or with start > end, a variant not
 * preceded by an enumeration, one of whose values selects no choice or
 * one of whose choices no value selects (label "_x" selects choice "x"),
 * structs and variants nested more than 8 deep, a clock UUID
 * that is not 8-4-4-4-12 hex, a bad extra env key, or a NULL required
 * string. One bad description must not make the whole trace unreadable.
 *
 * Field descriptions map as in lttng-modules: .text selects UTF8 for the
 * elements of arrays and sequences (it is ignored for plain integers and
 * enumerations, which are always encoding = none); elements narrower than
 * a byte (bit arrays) are 1-bit aligned and preceded by an empty struct
 * aligned on a byte, named "_<name>_padding", as are arrays whose .align
 * is set (on that alignment). Structs and variants are written as
 * lttng-modules writes them, "struct {" or "variant <_tag> {", each member
 * one tab further in, then "} _<name>;".
 */
#ifndef _LTTNG_METADATA_TEXT_H
#define _LTTNG_METADATA_TEXT_H

#ifdef __KERNEL__
#include <linux/compiler.h>
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif
#endif

#include <lttng/event-types.h>

/*
 * Growable text. buf[0..len) is the text, always followed by a NUL once
 * buf exists; cap is the size of buf. grow() must make cap >= min_cap
 * (keeping the content) and return 0, or return -ENOMEM and change
 * nothing. A zeroed struct with grow set is an empty text.
 */
struct lttng_text {
	char *buf;
	size_t len;
	size_t cap;
	int (*grow)(struct lttng_text *t, size_t min_cap);
};

/* Appends formatted text; on failure the text is unchanged. */
int lttng_text_printf(struct lttng_text *t, const char *fmt, ...) __printf(2, 3);

/*
 * Whether s is a UUID as a clock's uuid must be: 36 characters, hex
 * digits in 8-4-4-4-12 groups between dashes, nothing after.
 */
bool lttng_tsdl_is_uuid(const char *s);

/*
 * An extra env entry, for our own extensions: key = "str" when str is
 * set, else key = num. The key must be [A-Za-z_][A-Za-z0-9_]* and not a
 * TSDL keyword or type name.
 */
struct lttng_tsdl_env_extra {
	const char *key;
	const char *str;
	s64 num;
};

struct lttng_tsdl_trace {
	const unsigned char *uuid;	/* 16 bytes, as in the packet header */
	const char *hostname;		/* env strings: escaped as needed */
	const char *sysname;
	const char *kernel_release;
	const char *kernel_version;
	const char *trace_name;		/* NULL: omitted */
	const char *creation_datetime;	/* NULL: omitted */
	const char *product_uuid;	/* NULL: omitted */
	const char *clock_uuid;		/* boot_id text; NULL: omitted */
	unsigned int tracer_major;
	unsigned int tracer_minor;
	unsigned int tracer_patchlevel;
	const char *tracer_name;	/* "lttng-modules" */
	s64 clock_offset;		/* ns: realtime - monotonic */
	const struct lttng_tsdl_env_extra *extra;
	unsigned int nr_extra;
};

/*
 * The session part, emitted once before any stream or event: base
 * typealiases, trace (with the packet header), env, clock, clock-mapped
 * typealiases, struct packet_context, struct event_header_compact and
 * struct event_header_large.
 */
int lttng_tsdl_trace(struct lttng_text *t, const struct lttng_tsdl_trace *tr);

/*
 * A data channel: stream { id; event.header (compact or large);
 * packet.context; event.context, only if nr_ctx > 0 }.
 */
int lttng_tsdl_stream(struct lttng_text *t, unsigned int stream_id,
		      bool large_header, const struct lttng_field_desc *ctx,
		      unsigned int nr_ctx);

/* One event: event { name; id; stream_id; fields := struct { ... }; }. */
int lttng_tsdl_event(struct lttng_text *t, const char *name, unsigned int id,
		     unsigned int stream_id,
		     const struct lttng_field_desc *fields,
		     unsigned int nr_fields);

#endif /* _LTTNG_METADATA_TEXT_H */
