/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * String comparisons of the filter, on bounded strings: a string ends at
 * its length or its first NUL, whichever comes first, so a field that
 * changes under the probe can never be read past its end.
 *
 * A plain literal of the filter ("ls*") takes '*' as "any rest" and '\'
 * as making the next character literal; a field's bytes are taken as
 * they are. A star-glob literal ("a*b*c") is a full pattern, where
 * '*' matches any run of characters anywhere.
 */
#ifndef _LTTNG_FILTER_STR_H
#define _LTTNG_FILTER_STR_H

#include "filter-port.h"

enum fstr_kind {
	FSTR_RAW,		/* a field or context */
	FSTR_LITERAL,		/* LOAD_STRING */
	FSTR_GLOB,		/* LOAD_STAR_GLOB_STRING */
};

struct fstr {
	const char *s;
	size_t len;
	unsigned char kind;
};

/* <0, 0, >0 as strcmp; a literal's '*' makes the rest equal. */
int filter_str_cmp(const struct fstr *a, const struct fstr *b);
/* Whether the candidate matches the star-glob pattern. */
bool filter_str_glob(const struct fstr *pattern, const struct fstr *cand);

#endif /* _LTTNG_FILTER_STR_H */
