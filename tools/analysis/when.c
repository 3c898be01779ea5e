// SPDX-License-Identifier: GPL-2.0-only
/*
 * --begin/--end: a time on the common axis, either seconds from its
 * first event ("1.5", "+0.000002") or an absolute UTC time
 * ("2026-12-07 15:04:05" with up to nine decimals), which the axis
 * shares with the reference host's realtime-anchored clock.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "flows.h"

/* "S[.NNNNNNNNN]" from p into *ns; the rest in *end. */
static bool seconds(const char *p, int64_t *ns, const char **end)
{
	int64_t s = 0, frac = 0, scale = 100000000;

	if (!isdigit((unsigned char)*p))
		return false;
	for (; isdigit((unsigned char)*p); p++) {
		if (s > 9000000000LL)
			return false;
		s = s * 10 + (*p - '0');
	}
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return false;
		for (; isdigit((unsigned char)*p); p++, scale /= 10) {
			if (!scale)
				return false;	/* below the nanosecond */
			frac += (*p - '0') * scale;
		}
	}
	*ns = s * 1000000000 + frac;
	*end = p;
	return true;
}

static bool absolute(const char *s, int64_t *ns)
{
	struct tm tm;
	const char *rest;
	int64_t sub = 0, sec;

	memset(&tm, 0, sizeof(tm));
	rest = strptime(s, "%Y-%m-%d %H:%M:%S", &tm);
	if (!rest)
		return false;
	if (*rest == '.') {
		const char *e;

		/* "0.NNN" parsed as seconds gives the fraction */
		char buf[16] = "0";

		snprintf(buf + 1, sizeof(buf) - 1, "%.11s", rest);
		if (strlen(rest) > 10 || !seconds(buf, &sub, &e) || *e)
			return false;
	} else if (*rest) {
		return false;
	}
	sec = (int64_t)timegm(&tm);
	*ns = sec * 1000000000 + sub;
	return true;
}

/* 0, or -1 if s is neither form. */
int fl_when_parse(const char *s, struct fl_when *w)
{
	const char *end;

	w->set = true;
	w->absolute = false;
	if (seconds(s + (*s == '+'), &w->ns, &end) && !*end)
		return 0;
	w->absolute = true;
	return absolute(s, &w->ns) ? 0 : -1;
}
