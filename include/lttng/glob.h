/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Star-glob matching of event names, as lttng-tools sends them: '*'
 * matches any run of characters, '\' makes the next character literal.
 * Pure code, also compiled by the userspace unit tests.
 */
#ifndef _LTTNG_GLOB_H
#define _LTTNG_GLOB_H

#ifndef __KERNEL__
#include <stdbool.h>
#endif

/* Iterative, with one backtracking point: linear in practice. */
static inline bool lttng_glob_match_text(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	for (;;) {
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*p == '\\' && p[1])
			p++;
		if (*s && *p == *s) {
			p++;
			s++;
			continue;
		}
		if (!*p && !*s)
			return true;
		/* Mismatch: let the last star swallow one more character. */
		if (!star_p || !*star_s)
			return false;
		p = star_p;
		s = ++star_s;
	}
}

#endif /* _LTTNG_GLOB_H */
