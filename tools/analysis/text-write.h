/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The text report's numbers without printf: a million marks make about
 * a million lines of a dozen fields each, and printf's parsing of its
 * format and locking of stdout per call were a sixth of the whole run.
 * These format by hand into a small buffer and write it to stdout
 * unlocked (the report is written by one thread). The output is the
 * same as the printf formats they replace, byte for byte.
 */
#ifndef _LTTNG_DT_TEXT_WRITE_H
#define _LTTNG_DT_TEXT_WRITE_H

#include <stddef.h>
#include <stdint.h>

/* Room for any of the formats below, with its '\0'. */
#define FL_NUM_MAX	32

/* v in decimal ("%llu"), '\0'-ended at buf + the length returned. */
size_t fl_fmt_u64(char *buf, uint64_t v);
/* ns as "-S.NNNNNNNNN" ("%s%llu.%09llu"); the length. */
size_t fl_fmt_ns_len(char *buf, int64_t ns);

void fl_put(const char *s);
void fl_put_n(const char *s, size_t n);
void fl_put_u(uint64_t v);			/* "%llu" */
void fl_put_d(int64_t v);			/* "%lld", "%d" */
void fl_put_ns(int64_t ns);			/* "-S.NNNNNNNNN" */

#endif
