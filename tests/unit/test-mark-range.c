// SPDX-License-Identifier: GPL-2.0-only
/*
 * The TCP mark's marked range (src/dt/tcp/lttng-dt-tcp-range.h): which segments
 * of a socket that stopped marking still carry marked bytes, across the
 * 2^32 wrap, and that the range retires once the peer acknowledged it,
 * so that it never covers the next 2 GiB of the connection; and which
 * received segments bring new in-window data (the only marks honoured).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dt/tcp/lttng-dt-tcp-range.h"

static void nothing_marked_covers_nothing(void **state)
{
	struct dt_mark_range r = { 0 };

	(void)state;
	assert_false(dt_mark_range_covers(&r, 0, 0));
	assert_false(dt_mark_range_covers(&r, 0x80000000u, 0));
}

static void extend_only_grows(void **state)
{
	struct dt_mark_range r = { 0 };

	(void)state;
	dt_mark_range_extend(&r, 1000);
	assert_true(r.set);
	assert_int_equal(r.end, 1000);
	dt_mark_range_extend(&r, 500);		/* an older segment */
	assert_int_equal(r.end, 1000);
	dt_mark_range_extend(&r, 3000);
	assert_int_equal(r.end, 3000);
}

static void retransmit_of_marked_bytes(void **state)
{
	struct dt_mark_range r = { 0 };

	(void)state;
	dt_mark_range_extend(&r, 5000);
	/* Unacknowledged from 2000: a resend from there is marked. */
	assert_true(dt_mark_range_covers(&r, 2000, 2000));
	assert_true(dt_mark_range_covers(&r, 4999, 2000));
	/* New data after the range is not. */
	assert_false(dt_mark_range_covers(&r, 5000, 2000));
	assert_true(r.set);
}

static void retires_when_acknowledged(void **state)
{
	struct dt_mark_range r = { 0 };

	(void)state;
	dt_mark_range_extend(&r, 5000);
	assert_false(dt_mark_range_covers(&r, 5000, 5000));
	assert_false(r.set);
	/* 2 GiB later the old end would be "after" seq again: not marked. */
	assert_false(dt_mark_range_covers(&r, 5000 + 0x80000001u, 5000 + 0x80000000u));
}

static void two_gib_later_without_retirement(void **state)
{
	struct dt_mark_range r = { 0 };
	u32 seq;

	(void)state;
	dt_mark_range_extend(&r, 5000);
	/*
	 * The connection carries data past the range; every segment is
	 * checked with the peer's acknowledgement, so by the time seq is
	 * 2^31 past the end the range is long gone.
	 */
	for (seq = 5000; seq != 5000 + 0x100000000ull / 2 + 65536; seq += 65536)
		assert_false(dt_mark_range_covers(&r, seq, seq));
	assert_false(r.set);
	for (seq = 0; seq < 16; seq++)
		assert_false(dt_mark_range_covers(&r, 5000 + 0x80000000u + seq * 4096,
						  5000 + 0x80000000u));
}

static void across_the_wrap(void **state)
{
	struct dt_mark_range r = { 0 };

	(void)state;
	dt_mark_range_extend(&r, 0xfffff000u);
	dt_mark_range_extend(&r, 0x00001000u);	/* wrapped: after */
	assert_int_equal(r.end, 0x00001000u);
	assert_true(dt_mark_range_covers(&r, 0xffffff00u, 0xfffff800u));
	assert_true(dt_mark_range_covers(&r, 0x00000800u, 0xfffff800u));
	assert_false(dt_mark_range_covers(&r, 0x00001000u, 0xfffff800u));
	assert_false(dt_mark_range_covers(&r, 0x00001000u, 0x00001000u));
	assert_false(r.set);
}

static void new_in_window_data(void **state)
{
	(void)state;
	/* rcv_nxt 1000, window 5000: [1000, 6000) is welcome. */
	assert_true(dt_seq_new_in_window(1000, 100, 1000, 5000));
	assert_true(dt_seq_new_in_window(5900, 100, 1000, 5000));
	/* Partly old: it still brings new bytes. */
	assert_true(dt_seq_new_in_window(900, 200, 1000, 5000));
	/* A spurious retransmit: every byte received already. */
	assert_false(dt_seq_new_in_window(900, 100, 1000, 5000));
	assert_false(dt_seq_new_in_window(0, 1000, 1000, 5000));
	/* Beyond the window. */
	assert_false(dt_seq_new_in_window(6000, 100, 1000, 5000));
	assert_false(dt_seq_new_in_window(1000 + 0x7fffffffu, 100, 1000, 5000));
	/* No payload. */
	assert_false(dt_seq_new_in_window(1000, 0, 1000, 5000));
	/* A zero window still takes the segment at rcv_nxt (a probe). */
	assert_true(dt_seq_new_in_window(1000, 1, 1000, 0));
	assert_false(dt_seq_new_in_window(1001, 1, 1000, 0));
}

static void new_in_window_across_the_wrap(void **state)
{
	(void)state;
	assert_true(dt_seq_new_in_window(0xffffff00u, 0x200, 0xffffff80u, 65535));
	assert_true(dt_seq_new_in_window(0x00000100u, 100, 0xffffff80u, 65535));
	assert_false(dt_seq_new_in_window(0xfffffe00u, 0x100, 0xffffff80u, 65535));
	assert_false(dt_seq_new_in_window(0x00010000u, 100, 0xffffff80u, 65535));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_marked_covers_nothing),
		cmocka_unit_test(extend_only_grows),
		cmocka_unit_test(retransmit_of_marked_bytes),
		cmocka_unit_test(retires_when_acknowledged),
		cmocka_unit_test(two_gib_later_without_retirement),
		cmocka_unit_test(across_the_wrap),
		cmocka_unit_test(new_in_window_data),
		cmocka_unit_test(new_in_window_across_the_wrap),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
