// SPDX-License-Identifier: GPL-2.0-only
/*
 * The TCP mark's rate limit (src/dt/tcp/lttng-dt-tcp-ratelimit.h): a
 * token bucket per source, burst one second's worth, refilled at the
 * rate; a set of buckets that recycles its least recently used entry, so
 * one source flooding spends its own tokens only and a stream of new
 * sources never grows the table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dt/tcp/lttng-dt-tcp-ratelimit.h"

#define MS	1000000ULL
#define T0	(5 * DT_RL_NSEC)	/* an arbitrary start */

/* How many of n tries at now are allowed. */
static unsigned int takes(struct dt_bucket *b, u64 now, u32 rate, unsigned int n)
{
	unsigned int ok = 0;

	while (n--)
		ok += dt_bucket_take(b, now, rate);
	return ok;
}

static void burst_is_one_second(void **state)
{
	struct dt_bucket b;

	(void)state;
	dt_bucket_init(&b, T0, 10);
	assert_int_equal(takes(&b, T0, 10, 100), 10);
	dt_bucket_init(&b, T0, 1);
	assert_int_equal(takes(&b, T0, 1, 5), 1);
}

static void refills_at_the_rate(void **state)
{
	struct dt_bucket b;

	(void)state;
	dt_bucket_init(&b, T0, 10);
	assert_int_equal(takes(&b, T0, 10, 10), 10);
	/* 10/s: one token every 100 ms, none before. */
	assert_false(dt_bucket_take(&b, T0 + 99 * MS, 10));
	assert_true(dt_bucket_take(&b, T0 + 100 * MS, 10));
	assert_false(dt_bucket_take(&b, T0 + 100 * MS, 10));
	/* Partial refills add up: 50 + 50 ms make a token. */
	assert_false(dt_bucket_take(&b, T0 + 150 * MS, 10));
	assert_true(dt_bucket_take(&b, T0 + 200 * MS, 10));
	/* 350 ms later: three tokens. */
	assert_int_equal(takes(&b, T0 + 550 * MS, 10, 10), 3);
}

static void never_above_the_burst(void **state)
{
	struct dt_bucket b;

	(void)state;
	dt_bucket_init(&b, T0, 1000);
	assert_int_equal(takes(&b, T0, 1000, 1000), 1000);
	/* An hour idle: still one second's worth. */
	assert_int_equal(takes(&b, T0 + 3600 * DT_RL_NSEC, 1000, 5000), 1000);
	/* 999 ms idle: 999 tokens, no overflow on the way. */
	assert_int_equal(takes(&b, T0 + 3600 * DT_RL_NSEC + 999 * MS, 1000, 5000), 999);
}

static void sustained_flood_gets_the_rate(void **state)
{
	struct dt_bucket b;
	unsigned int ok = 0;
	u64 t;

	(void)state;
	dt_bucket_init(&b, T0, 100);
	/* A try every ms for 10 s: the burst, then 100 a second. */
	for (t = 0; t < 10 * DT_RL_NSEC; t += MS)
		ok += dt_bucket_take(&b, T0 + t, 100);
	assert_in_range(ok, 100 + 999, 100 + 1000);
}

static void largest_rate_no_overflow(void **state)
{
	struct dt_bucket b;
	const u32 rate = 0xffffffffu;

	(void)state;
	dt_bucket_init(&b, T0, rate);
	assert_true(b.credit == (u64)rate * DT_RL_NSEC);
	assert_true(dt_bucket_take(&b, T0 + 999 * MS, rate));
	assert_true(b.credit == (u64)rate * DT_RL_NSEC - DT_RL_NSEC);
}

static void lowered_rate_caps_the_credit(void **state)
{
	struct dt_bucket b;

	(void)state;
	dt_bucket_init(&b, T0, 1000);
	/* The rate_limit parameter lowered to 2: two left at most. */
	assert_int_equal(takes(&b, T0 + MS, 2, 10), 2);
}

static void clock_going_back_refills_nothing(void **state)
{
	struct dt_bucket b;

	(void)state;
	dt_bucket_init(&b, T0, 2);
	assert_int_equal(takes(&b, T0, 2, 2), 2);
	assert_false(dt_bucket_take(&b, T0 - DT_RL_NSEC, 2));
	assert_false(dt_bucket_take(&b, T0, 2));
}

static void src4(u32 *src, u32 host)
{
	src[0] = 0;
	src[1] = 0;
	src[2] = 0xffff0000u;	/* ::ffff:0:0/96, byte order aside */
	src[3] = host;
}

static void one_flooder_leaves_the_other_alone(void **state)
{
	struct dt_rl_entry set[DT_RL_WAYS] = { 0 };
	unsigned int flood = 0, quiet = 0, i;
	u32 a[4], b[4];
	u64 t;

	(void)state;
	src4(a, 1);
	src4(b, 2);
	/* a tries every ms for 3 s, b once every 300 ms; 5 a second each. */
	for (t = 0, i = 0; t < 3 * DT_RL_NSEC; t += MS, i++) {
		flood += dt_rl_take(set, a, T0 + t, 5);
		if (i % 300 == 0)
			quiet += dt_rl_take(set, b, T0 + t, 5);
	}
	assert_in_range(flood, 5 + 14, 5 + 15);
	/* b's 10 tries, under its own rate: every one allowed. */
	assert_int_equal(quiet, 10);
}

static void new_sources_recycle_the_least_recent(void **state)
{
	struct dt_rl_entry set[DT_RL_WAYS] = { 0 };
	u32 src[4], keep[4];
	unsigned int i, used = 0;
	bool found;

	(void)state;
	src4(keep, 1000);
	/* keep spends its burst of 1 at T0. */
	assert_true(dt_rl_take(set, keep, T0, 1));
	assert_false(dt_rl_take(set, keep, T0, 1));
	/* Seven more sources fill the set; keep stays, still empty. */
	for (i = 1; i < DT_RL_WAYS; i++) {
		src4(src, i);
		assert_true(dt_rl_take(set, src, T0 + i * MS, 1));
	}
	assert_false(dt_rl_take(set, keep, T0 + DT_RL_WAYS * MS, 1));
	/* keep is now the most recent: new sources evict the others first. */
	for (i = 0; i < 1000; i++) {
		src4(src, 5000 + i);
		assert_true(dt_rl_take(set, src, T0 + (10 + i) * MS, 1));
		dt_rl_pick(set, keep, &found);
		/* The seven older ones go first, then keep. */
		assert_true(found == (i < DT_RL_WAYS - 1));
	}
	for (i = 0; i < DT_RL_WAYS; i++)
		used += set[i].used;
	assert_int_equal(used, DT_RL_WAYS);
	/* Back, keep starts with a full bucket. */
	assert_true(dt_rl_take(set, keep, T0 + 2000 * MS, 1));
}

static void pick_prefers_a_free_entry(void **state)
{
	struct dt_rl_entry set[DT_RL_WAYS] = { 0 };
	u32 a[4], b[4];
	bool found;

	(void)state;
	src4(a, 1);
	src4(b, 2);
	assert_true(dt_rl_take(set, a, T0, 1));
	assert_true(dt_rl_pick(set, b, &found) == &set[1]);
	assert_false(found);
	assert_true(dt_rl_pick(set, a, &found) == &set[0]);
	assert_true(found);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(burst_is_one_second),
		cmocka_unit_test(refills_at_the_rate),
		cmocka_unit_test(never_above_the_burst),
		cmocka_unit_test(sustained_flood_gets_the_rate),
		cmocka_unit_test(largest_rate_no_overflow),
		cmocka_unit_test(lowered_rate_caps_the_credit),
		cmocka_unit_test(clock_going_back_refills_nothing),
		cmocka_unit_test(one_flooder_leaves_the_other_alone),
		cmocka_unit_test(new_sources_recycle_the_least_recent),
		cmocka_unit_test(pick_prefers_a_free_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
