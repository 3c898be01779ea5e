// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hand-made number formatting for the text report (text-write.h).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "text-write.h"

/* The digits of v, backwards from end; where they begin. */
static char *digits_before(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

size_t fl_fmt_u64(char *buf, uint64_t v)
{
	char tmp[24], *p = digits_before(tmp + sizeof(tmp), v);
	size_t n = (size_t)(tmp + sizeof(tmp) - p);

	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

size_t fl_fmt_ns_len(char *buf, int64_t ns)
{
	uint64_t a = ns < 0 ? -(uint64_t)ns : (uint64_t)ns, frac = a % 1000000000;
	size_t n = 0;
	int i;

	if (ns < 0)
		buf[n++] = '-';
	n += fl_fmt_u64(buf + n, a / 1000000000);
	buf[n++] = '.';
	/* nine digits, zeros first */
	for (i = 8; i >= 0; i--) {
		buf[n + (size_t)i] = (char)('0' + frac % 10);
		frac /= 10;
	}
	n += 9;
	buf[n] = '\0';
	return n;
}

void fl_put_n(const char *s, size_t n)
{
	fwrite_unlocked(s, 1, n, stdout);
}

void fl_put(const char *s)
{
	fputs_unlocked(s, stdout);
}

void fl_put_u(uint64_t v)
{
	char b[FL_NUM_MAX];

	fl_put_n(b, fl_fmt_u64(b, v));
}

void fl_put_d(int64_t v)
{
	char b[FL_NUM_MAX];

	if (v < 0) {
		b[0] = '-';
		fl_put_n(b, 1 + fl_fmt_u64(b + 1, -(uint64_t)v));
		return;
	}
	fl_put_u((uint64_t)v);
}

void fl_put_ns(int64_t ns)
{
	char b[FL_NUM_MAX];

	fl_put_n(b, fl_fmt_ns_len(b, ns));
}
