// SPDX-License-Identifier: GPL-2.0-only
/*
 * IEEE-754 binary64 comparisons and truncation on the bits (see
 * filter-double.h): sign bit, 11-bit biased exponent, 52-bit fraction.
 */
#include "filter-double.h"

#define DBL_SIGN	(1ULL << 63)
#define DBL_EXP(a)	((int)(((a) >> 52) & 0x7ff))
#define DBL_FRAC(a)	((a) & ((1ULL << 52) - 1))
#define DBL_BIAS	1023

static bool is_nan(uint64_t a)
{
	return DBL_EXP(a) == 0x7ff && DBL_FRAC(a);
}

bool filter_dbl_is_zero(uint64_t a)
{
	return !(a << 1);
}


/*
 * Map the bits to an unsigned key with the order of the values: negative
 * numbers reversed below positive ones. -0 and +0 are made equal first.
 */
static uint64_t order_key(uint64_t a)
{
	if (filter_dbl_is_zero(a))
		a = 0;
	return (a & DBL_SIGN) ? ~a : a | DBL_SIGN;
}

int filter_dbl_cmp(uint64_t a, uint64_t b)
{
	uint64_t ka, kb;

	if (is_nan(a) || is_nan(b))
		return FDBL_UNORDERED;
	ka = order_key(a);
	kb = order_key(b);
	return (ka > kb) - (ka < kb);
}

/*
 * The integer part of |a| and whether a fraction is left, for
 * |a| < 2^63; *big is set when |a| >= 2^63 (infinities included).
 */
static uint64_t magnitude(uint64_t a, bool *frac, bool *big)
{
	int e = DBL_EXP(a) - DBL_BIAS;
	uint64_t m = DBL_FRAC(a) | (1ULL << 52);

	*frac = false;
	*big = false;
	if (!DBL_EXP(a)) {			/* zero or subnormal */
		*frac = DBL_FRAC(a) != 0;
		return 0;
	}
	if (e >= 63) {
		*big = true;
		return 0;
	}
	if (e < 0) {
		*frac = true;
		return 0;
	}
	if (e >= 52)
		return m << (e - 52);
	*frac = (m & ((1ULL << (52 - e)) - 1)) != 0;
	return m >> (52 - e);
}

/* Compares a double with an integer, exactly (no rounding of b). */
int filter_dbl_cmp_s64(uint64_t a, int64_t b)
{
	bool neg = a & DBL_SIGN, frac, big;
	uint64_t mag;
	int64_t t;

	if (is_nan(a))
		return FDBL_UNORDERED;
	mag = magnitude(a, &frac, &big);
	/* |a| >= 2^63: beyond every s64 but -2^63 itself. */
	if (big) {
		if (!neg)
			return 1;
		if (b == INT64_MIN && DBL_EXP(a) - DBL_BIAS == 63 && !DBL_FRAC(a))
			return 0;
		return -1;
	}
	t = neg ? -(int64_t)mag : (int64_t)mag;
	if (t != b)
		return t > b ? 1 : -1;
	/* Same integer part: the fraction decides, on the side of a's sign. */
	return frac ? (neg ? -1 : 1) : 0;
}

int64_t filter_dbl_to_s64(uint64_t a)
{
	bool neg = a & DBL_SIGN, frac, big;
	uint64_t mag;

	if (is_nan(a))
		return 0;
	mag = magnitude(a, &frac, &big);
	if (big)
		return neg ? INT64_MIN : INT64_MAX;
	return neg ? -(int64_t)mag : (int64_t)mag;
}

