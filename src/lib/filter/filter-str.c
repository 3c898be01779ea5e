// SPDX-License-Identifier: GPL-2.0-only
/*
 * String comparisons of the filter (filter-str.h).
 */
#include "filter-str.h"

static unsigned char char_at(const struct fstr *x, size_t i)
{
	return i < x->len ? (unsigned char)x->s[i] : 0;
}

/*
 * The next character of x from *i: in a literal, an escaped character
 * is itself and an unescaped '*' is the wildcard (*wild set).
 */
static unsigned char next_char(const struct fstr *x, size_t *i, bool *wild)
{
	unsigned char c = char_at(x, *i);

	*wild = false;
	if (x->kind == FSTR_LITERAL) {
		if (c == '*') {
			*wild = true;
			return c;
		}
		if (c == '\\' && char_at(x, *i + 1))
			c = char_at(x, ++*i);
	}
	if (c)
		++*i;
	return c;
}

int filter_str_cmp(const struct fstr *a, const struct fstr *b)
{
	size_t ia = 0, ib = 0;
	bool wa, wb;

	for (;;) {
		unsigned char ca = next_char(a, &ia, &wa);
		unsigned char cb = next_char(b, &ib, &wb);

		if (wa || wb)
			return 0;
		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (!ca)
			return 0;
	}
}

/*
 * Iterative, remembering only the last star: when the rest fails to
 * match, that star swallows one more character of the candidate.
 */
bool filter_str_glob(const struct fstr *pattern, const struct fstr *cand)
{
	size_t p = 0, s = 0, star_p = 0, star_s = 0;
	bool star = false;

	for (;;) {
		unsigned char pc = char_at(pattern, p), lit = pc, sc;
		size_t adv = 1;

		if (pc == '*') {
			star = true;
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (pc == '\\' && char_at(pattern, p + 1)) {
			lit = char_at(pattern, p + 1);
			adv = 2;
		}
		sc = char_at(cand, s);
		if (pc && sc && lit == sc) {
			p += adv;
			s++;
			continue;
		}
		if (!pc && !sc)
			return true;
		if (!star || !char_at(cand, star_s))
			return false;
		p = star_p;
		s = ++star_s;
	}
}
