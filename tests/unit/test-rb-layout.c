// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring-buffer layout arithmetic (src/lib/ringbuffer/layout.h): geometry
 * validation, and position decomposition including across the wrap of
 * the free-running positions at ULONG_MAX.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/ringbuffer/layout.h"

#define PAGE 4096UL

static void geometry_validation(void **state)
{
	struct lttng_rb_layout l = { 0 };

	(void)state;
	assert_int_equal(lttng_rb_layout_init(&l, 256 * 1024, 4, PAGE, false), 0);
	assert_int_equal(l.subbuf_order, 18);
	assert_int_equal(l.buf_order, 20);
	assert_int_equal(lttng_rb_buf_size(&l), 1024 * 1024);

	assert_int_equal(lttng_rb_layout_init(&l, 3 * PAGE, 4, PAGE, false), -EINVAL);
	assert_int_equal(lttng_rb_layout_init(&l, PAGE, 3, PAGE, false), -EINVAL);
	assert_int_equal(lttng_rb_layout_init(&l, PAGE, 0, PAGE, false), -EINVAL);
	assert_int_equal(lttng_rb_layout_init(&l, 0, 4, PAGE, false), -EINVAL);
	assert_int_equal(lttng_rb_layout_init(&l, PAGE / 2, 4, PAGE, false), -EINVAL);
	/* Overwrite needs a spare sub-buffer for the reader; discard does not. */
	assert_int_equal(lttng_rb_layout_init(&l, PAGE, 1, PAGE, true), -EINVAL);
	assert_int_equal(lttng_rb_layout_init(&l, PAGE, 1, PAGE, false), 0);
	/* A buffer of half the position range would make distances ambiguous. */
	assert_int_equal(lttng_rb_layout_init(&l, 1UL << 40, 1UL << 23, PAGE, false),
			 -EINVAL);
	assert_int_equal(lttng_rb_layout_init(&l, 1UL << 40, 1UL << 22, PAGE, false), 0);
}

static void decomposition_at_boundaries(void **state)
{
	struct lttng_rb_layout l = { 0 };

	(void)state;
	lttng_rb_layout_init(&l, PAGE, 4, PAGE, false);
	assert_int_equal(lttng_rb_subbuf_index(&l, 0), 0);
	assert_int_equal(lttng_rb_subbuf_index(&l, PAGE - 1), 0);
	assert_int_equal(lttng_rb_subbuf_index(&l, PAGE), 1);
	assert_int_equal(lttng_rb_subbuf_index(&l, 4 * PAGE), 0);
	assert_int_equal(lttng_rb_buf_lap(&l, 4 * PAGE), 1);
	assert_int_equal(lttng_rb_subbuf_next(&l, PAGE), 2 * PAGE);
	assert_int_equal(lttng_rb_subbuf_next(&l, PAGE - 1), PAGE);
	assert_true(lttng_rb_same_subbuf(&l, PAGE, 2 * PAGE - 1));
	assert_false(lttng_rb_same_subbuf(&l, PAGE - 1, PAGE));
	assert_int_equal(lttng_rb_page_align(0, PAGE), 0);
	assert_int_equal(lttng_rb_page_align(1, PAGE), PAGE);
	assert_int_equal(lttng_rb_page_align(PAGE, PAGE), PAGE);
	assert_int_equal(lttng_rb_page_align(84, PAGE), PAGE);
}

static void wrap_around(void **state)
{
	struct lttng_rb_layout l = { 0 };
	unsigned long before = ULONG_MAX - 9, after = before + 20;

	(void)state;
	lttng_rb_layout_init(&l, PAGE, 4, PAGE, false);
	assert_int_equal(after, 10);
	assert_int_equal(lttng_rb_subbuf_index(&l, before), 3);
	assert_int_equal(lttng_rb_subbuf_index(&l, after), 0);
	assert_int_equal(lttng_rb_subbuf_next(&l, before), 0);
	assert_int_equal(lttng_rb_pos_diff(after, before), 20);
	assert_int_equal(lttng_rb_pos_diff(before, after), -20);
	assert_false(lttng_rb_same_subbuf(&l, before, after));
	assert_int_equal(lttng_rb_buf_lap(&l, after), 0);
	assert_int_equal(lttng_rb_buf_lap(&l, before), ULONG_MAX >> l.buf_order);
}

/*
 * A 32-bit consumer's positions (the low 32 bits) back to full ones, near
 * the sampled consumed position: across 2^32 (which only a 64-bit kernel
 * reaches), across the wrap at ULONG_MAX, ahead of and behind it.
 */
static void positions_from_low32(void **state)
{
	static const unsigned long refs[] = {
		0, 4 * PAGE, 0xFFFFF000UL, 0x100000000UL, 0x1FFFFF000UL,
		ULONG_MAX - PAGE + 1, 0x123456789000UL,
	};
	static const long deltas[] = {
		0, PAGE, 64 * PAGE, 0x7FFFF000L, -PAGE, -0x7FFFF000L,
	};
	unsigned long pos;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		for (j = 0; j < sizeof(deltas) / sizeof(deltas[0]); j++) {
			pos = refs[i] + deltas[j];
			assert_int_equal(lttng_rb_pos_from_low32(refs[i], (unsigned int)pos),
					 pos);
		}
	}
	/* Past 2^31 away, the nearer position is meant: the other side. */
	assert_int_equal(lttng_rb_pos_from_low32(0x100000000UL, 0x80000000U),
			 0x80000000UL);
}

/* Invariants over many positions and geometries (deterministic LCG). */
static void decomposition_invariants(void **state)
{
	unsigned long x = 88172645463325252UL, pos;
	struct lttng_rb_layout l = { 0 };
	unsigned int so, no, i;

	(void)state;
	for (so = 12; so <= 22; so += 5) {
		for (no = 0; no <= 6; no += 3) {
			assert_int_equal(lttng_rb_layout_init(&l, 1UL << so, 1UL << no,
							      PAGE, false), 0);
			for (i = 0; i < 100000; i++) {
				x = x * 6364136223846793005UL + 1442695040888963407UL;
				pos = x;
				assert_int_equal(lttng_rb_subbuf_trunc(&l, pos) +
						 lttng_rb_subbuf_offset(&l, pos), pos);
				assert_int_equal(lttng_rb_buf_trunc(&l, pos) +
						 lttng_rb_buf_offset(&l, pos), pos);
				assert_int_equal(lttng_rb_buf_lap(&l, pos) << l.buf_order,
						 lttng_rb_buf_trunc(&l, pos));
				assert_int_equal(lttng_rb_subbuf_index(&l, pos),
						 lttng_rb_buf_offset(&l, pos) >> so);
				assert_true(lttng_rb_subbuf_index(&l, pos) < l.num_subbuf);
				assert_int_equal(lttng_rb_pos_diff(lttng_rb_subbuf_next(&l, pos), pos),
						 (1L << so) - (long)lttng_rb_subbuf_offset(&l, pos));
			}
		}
	}
}

/*
 * Follow one sub-buffer's commit count over laps that cross the wrap of
 * positions at ULONG_MAX: complete exactly when a whole lap is committed.
 */
static void commit_count_across_wrap(void **state)
{
	struct lttng_rb_layout l;
	unsigned long pos, commit, lap;

	(void)state;
	assert_int_equal(lttng_rb_layout_init(&l, PAGE, 8, PAGE, true), 0);
	pos = 0UL - 3 * lttng_rb_buf_size(&l) + 5 * PAGE;	/* sub-buffer 5 */
	commit = lttng_rb_buf_lap(&l, pos) << l.subbuf_order;	/* laps before */
	for (lap = 0; lap < 6; lap++, pos += lttng_rb_buf_size(&l)) {
		assert_false(lttng_rb_commit_complete(&l, commit, pos));
		commit += PAGE - 1;
		assert_false(lttng_rb_commit_complete(&l, commit, pos));
		commit += 1;
		assert_true(lttng_rb_commit_complete(&l, commit, pos));
		/* Complete for this lap is not complete for the next one. */
		assert_false(lttng_rb_commit_complete(&l, commit,
						      pos + lttng_rb_buf_size(&l)));
	}
	assert_true(pos < lttng_rb_buf_size(&l) * 4);	/* it did wrap */

	/* A single sub-buffer: the count and the position wrap together. */
	assert_int_equal(lttng_rb_layout_init(&l, PAGE, 1, PAGE, false), 0);
	pos = 0UL - PAGE;
	assert_true(lttng_rb_commit_complete(&l, 0, pos));
	assert_true(lttng_rb_commit_complete(&l, PAGE, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(geometry_validation),
		cmocka_unit_test(decomposition_at_boundaries),
		cmocka_unit_test(wrap_around),
		cmocka_unit_test(positions_from_low32),
		cmocka_unit_test(decomposition_invariants),
		cmocka_unit_test(commit_count_across_wrap),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("rb-layout", tests, NULL, NULL);
}
