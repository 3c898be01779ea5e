// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event-name star-globs (include/lttng/glob.h), as lttng-tools sends them in
 * enable-event: '*' anywhere, '\' escaping the next character.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lttng/glob.h>

#define match(p, s)	lttng_glob_match_text(p, s)

static void exact_names(void **state)
{
	(void)state;
	assert_true(match("sched_switch", "sched_switch"));
	assert_false(match("sched_switch", "sched_switch_x"));
	assert_false(match("sched_switc", "sched_switch"));
	assert_true(match("", ""));
	assert_false(match("", "a"));
}

static void stars(void **state)
{
	(void)state;
	assert_true(match("*", ""));
	assert_true(match("*", "sched_switch"));
	assert_true(match("sched_*", "sched_switch"));
	assert_true(match("sched_*", "sched_"));
	assert_false(match("sched_*", "irq_handler_entry"));
	assert_true(match("*_entry", "irq_handler_entry"));
	assert_true(match("s*_s*h", "sched_switch"));
	assert_false(match("s*_s*x", "sched_switch"));
	/* Backtracking: the first candidate for the star is not the right one. */
	assert_true(match("*ab", "aab"));
	assert_true(match("a*b*c", "abxbxc"));
	assert_false(match("a*b*c", "abxbx"));
}

static void escapes(void **state)
{
	(void)state;
	assert_true(match("a\\*", "a*"));
	assert_false(match("a\\*", "ab"));
	assert_true(match("\\\\", "\\"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_names),
		cmocka_unit_test(stars),
		cmocka_unit_test(escapes),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("glob", tests, NULL, NULL);
}
