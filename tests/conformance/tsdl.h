/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the conformance test needs of a CTF 1.8 metadata text (TSDL): each
 * event's payload and the streams' event contexts, as ordered lists of
 * fields whose types are resolved to one canonical string. Two layouts
 * are the same exactly when their strings are equal.
 *
 * Canonical types:
 *   u32, s64               integers (size, signedness)
 *   u64/hex, u8/utf8, u16/be
 *                          with a base other than 10, a text encoding, a
 *                          byte order other than the trace's
 *   string, string/ascii
 *   float(8,24)            exponent and mantissa digits
 *   T[16], T[len]          an array, a sequence and its length field
 *   enum<u32>{"A"=0, "B"=1...3}
 *   struct{a: T; b: T} align(8)
 *   variant<tag>{a: T; b: T}
 * Aliases (typealias, typedef, named structs, enums and variants) are
 * resolved; field and tag names lose the one leading underscore CTF
 * readers remove.
 */
#ifndef CONFORMANCE_TSDL_H
#define CONFORMANCE_TSDL_H

#include <glib.h>

struct tsdl_field {
	char *name;
	char *type;
	char *length;		/* a sequence's length field, or NULL */
};

struct tsdl {
	/* event name -> GPtrArray of struct tsdl_field, in order */
	GHashTable *events;
	/* the event names in the order of the text */
	GPtrArray *event_names;
	/* every stream's event.context fields, first declaration kept */
	GPtrArray *contexts;
};

/* Parses TEXT; NULL and *ERR set (line and what was expected) on error. */
struct tsdl *tsdl_parse(const char *text, char **err);
struct tsdl *tsdl_parse_file(const char *path, char **err);
void tsdl_free(struct tsdl *t);

#endif
