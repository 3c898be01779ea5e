// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ABI header against the lttng-modules 2.13 ABI that the stock
 * lttng-tools expect: every command number and every structure size and
 * field offset, as documented in doc/abi.md. A mistake here makes
 * sessiond send a number the tracer does not recognise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lttng/abi.h>

struct cmd { const char *name; unsigned long value, expected; };
#define CMD(n, v) { #n, LTTNG_ABI_##n, v }

static const struct cmd commands[] = {
	CMD(SESSION, 0x0000F645), CMD(TRACER_VERSION, 0x800CF646),
	CMD(TRACEPOINT_LIST, 0x0000F647), CMD(WAIT_QUIESCENT, 0x0000F648),
	CMD(CALIBRATE, 0xC004F649), CMD(SYSCALL_LIST, 0x0000F64A),
	CMD(TRACER_ABI_VERSION, 0x8008F64B),
	CMD(EVENT_NOTIFIER_GROUP_CREATE, 0x0000F64C),
	CMD(METADATA, 0x4140F654), CMD(CHANNEL, 0x4140F655),
	CMD(SESSION_START, 0x0000F656), CMD(SESSION_STOP, 0x0000F657),
	CMD(SESSION_TRACK_PID, 0x4004F658), CMD(SESSION_UNTRACK_PID, 0x4004F659),
	CMD(SESSION_LIST_TRACKER_PIDS, 0x0000F658),
	CMD(SESSION_METADATA_REGEN, 0x0000F659),
	CMD(SESSION_STATEDUMP, 0x0000F65C), CMD(SESSION_SET_NAME, 0x4100F65D),
	CMD(SESSION_SET_CREATION_TIME, 0x401AF65E),
	CMD(SESSION_LIST_TRACKER_IDS, 0x4008F6A0),
	CMD(SESSION_TRACK_ID, 0x4008F6A1), CMD(SESSION_UNTRACK_ID, 0x4008F6A2),
	CMD(OLD_SESSION_TRACK_PID, 0x8004F658), CMD(OLD_SESSION_UNTRACK_PID, 0x8004F659),
	CMD(OLD_SESSION_LIST_TRACKER_IDS, 0x8008F6A0),
	CMD(OLD_SESSION_TRACK_ID, 0x8008F6A1), CMD(OLD_SESSION_UNTRACK_ID, 0x8008F6A2),
	CMD(STREAM, 0x0000F662), CMD(EVENT, 0x4234F663),
	CMD(SYSCALL_MASK, 0xC004F664), CMD(CONTEXT, 0x4134F671),
	CMD(ENABLE, 0x0000F682), CMD(DISABLE, 0x0000F683),
	CMD(FILTER, 0x0000F690), CMD(ADD_CALLSITE, 0x0000F691),
	CMD(RB_SNAPSHOT, 0x0000F600), CMD(RB_SNAPSHOT_GET_CONSUMED, 0x8008F601),
	CMD(RB_SNAPSHOT_GET_PRODUCED, 0x8008F602), CMD(RB_GET_SUBBUF, 0x4008F603),
	CMD(RB_PUT_SUBBUF, 0x0000F604), CMD(RB_GET_NEXT_SUBBUF, 0x0000F605),
	CMD(RB_PUT_NEXT_SUBBUF, 0x0000F606), CMD(RB_GET_SUBBUF_SIZE, 0x8008F607),
	CMD(RB_GET_PADDED_SUBBUF_SIZE, 0x8008F608),
	CMD(RB_GET_MAX_SUBBUF_SIZE, 0x8008F609), CMD(RB_GET_MMAP_LEN, 0x8008F60A),
	CMD(RB_GET_MMAP_READ_OFFSET, 0x8008F60B), CMD(RB_FLUSH, 0x0000F60C),
	CMD(RB_GET_METADATA_VERSION, 0x8008F60D),
	CMD(RB_SNAPSHOT_SAMPLE_POSITIONS, 0x0000F60E),
	CMD(RB_FLUSH_EMPTY, 0x0000F60F), CMD(RB_METADATA_CACHE_DUMP, 0x0000F610),
	CMD(RB_CLEAR, 0x0000F611),
	CMD(RB_GET_NEXT_SUBBUF_METADATA_CHECK, 0x8004F612),
	CMD(RB_GET_TIMESTAMP_BEGIN, 0x8008F620), CMD(RB_GET_TIMESTAMP_END, 0x8008F621),
	CMD(RB_GET_EVENTS_DISCARDED, 0x8008F622),
	CMD(RB_GET_CONTENT_SIZE, 0x8008F623), CMD(RB_GET_PACKET_SIZE, 0x8008F624),
	CMD(RB_GET_STREAM_ID, 0x8008F625), CMD(RB_GET_CURRENT_TIMESTAMP, 0x8008F626),
	CMD(RB_GET_SEQ_NUM, 0x8008F627), CMD(RB_INSTANCE_ID, 0x8008F628),
	/* 32-bit callers' numbers of the unsigned-long stream commands. */
	CMD(RB_COMPAT_SNAPSHOT_GET_CONSUMED, 0x8004F601),
	CMD(RB_COMPAT_SNAPSHOT_GET_PRODUCED, 0x8004F602),
	CMD(RB_COMPAT_GET_SUBBUF, 0x4004F603),
	CMD(RB_COMPAT_GET_SUBBUF_SIZE, 0x8004F607),
	CMD(RB_COMPAT_GET_PADDED_SUBBUF_SIZE, 0x8004F608),
	CMD(RB_COMPAT_GET_MAX_SUBBUF_SIZE, 0x8004F609),
	CMD(RB_COMPAT_GET_MMAP_LEN, 0x8004F60A),
	CMD(RB_COMPAT_GET_MMAP_READ_OFFSET, 0x8004F60B),
};

static void command_numbers(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (commands[i].value != commands[i].expected)
			fail_msg("%s is %#lx, lttng-tools sends %#lx",
				 commands[i].name, commands[i].value,
				 commands[i].expected);
	}
}

static void struct_sizes(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct lttng_abi_tracer_version), 12);
	assert_int_equal(sizeof(struct lttng_abi_tracer_abi_version), 8);
	assert_int_equal(sizeof(struct lttng_abi_calibrate), 4);
	assert_int_equal(sizeof(struct lttng_abi_session_name), 256);
	assert_int_equal(sizeof(struct lttng_abi_session_creation_time), 26);
	assert_int_equal(sizeof(struct lttng_abi_channel), 320);
	assert_int_equal(sizeof(struct lttng_abi_event), 564);
	assert_int_equal(sizeof(struct lttng_abi_context), 308);
	assert_int_equal(sizeof(struct lttng_abi_tracker_args), 8);
	assert_int_equal(sizeof(struct lttng_abi_kprobe), 272);
	assert_int_equal(sizeof(struct lttng_abi_kretprobe), 273);
	assert_int_equal(sizeof(struct lttng_abi_syscall), 8);
}

/* Packed layouts put some fields at odd offsets; the tools rely on them. */
static void field_offsets(void **state)
{
	(void)state;
	assert_int_equal(offsetof(struct lttng_abi_channel, switch_timer_interval), 16);
	assert_int_equal(offsetof(struct lttng_abi_channel, output), 24);
	assert_int_equal(offsetof(struct lttng_abi_channel, overwrite), 28);
	assert_int_equal(offsetof(struct lttng_abi_channel, padding), 32);
	assert_int_equal(offsetof(struct lttng_abi_event, instrumentation), 256);
	assert_int_equal(offsetof(struct lttng_abi_event, token), 260);
	assert_int_equal(offsetof(struct lttng_abi_event, u), 276);
	assert_int_equal(offsetof(struct lttng_abi_event, u.kretprobe.entryexit), 276 + 272);
	assert_int_equal(offsetof(struct lttng_abi_event, u.syscall.nr), 276 + 4);
	assert_int_equal(offsetof(struct lttng_abi_context, u), 20);
	assert_int_equal(offsetof(struct lttng_abi_context, u.perf_counter.config), 24);
	assert_int_equal(offsetof(struct lttng_abi_context, u.perf_counter.name), 32);
	assert_int_equal(offsetof(struct lttng_abi_tracker_args, id), 4);
}

/* The dt extension: its own numbers, none shared with lttng-modules. */
#define DT(n, v) { #n, LTTNG_DT_ABI_##n, v }
static const struct cmd dt_commands[] = {
	DT(VERSION, 0x8008F6D0), DT(TRACK_PID, 0x4020F6D1),
	DT(TRACK_TID, 0x4020F6D2), DT(UNTRACK_PID, 0x4020F6D3),
	DT(UNTRACK_TID, 0x4020F6D4), DT(UNTRACK_ALL, 0x0000F6D5),
	DT(LIST_THREADS, 0xC010F6D6), DT(GATE_SET, 0x4138F6D7),
	DT(GATE_GET, 0xC138F6D8), DT(STATS, 0x8100F6D9),
	DT(TRUST_ADD, 0x4020F6DA), DT(TRUST_REMOVE, 0x4020F6DB),
	DT(TRUST_LIST, 0xC010F6DC),
};

static void dt_commands_apart(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(dt_commands) / sizeof(dt_commands[0]); i++) {
		if (dt_commands[i].value != dt_commands[i].expected)
			fail_msg("%s is %#lx, documented %#lx", dt_commands[i].name,
				 dt_commands[i].value, dt_commands[i].expected);
		for (j = 0; j < sizeof(commands) / sizeof(commands[0]); j++)
			if ((dt_commands[i].value & 0xff) == (commands[j].value & 0xff))
				fail_msg("%s shares its number with %s",
					 dt_commands[i].name, commands[j].name);
	}
	assert_int_equal(sizeof(struct lttng_dt_abi_version), 8);
	assert_int_equal(sizeof(struct lttng_dt_abi_track), 32);
	assert_int_equal(sizeof(struct lttng_dt_abi_thread), 56);
	assert_int_equal(sizeof(struct lttng_dt_abi_thread_list), 16);
	assert_int_equal(sizeof(struct lttng_dt_abi_gate), 312);
	assert_int_equal(sizeof(struct lttng_dt_abi_stats), 256);
	assert_int_equal(sizeof(struct lttng_dt_abi_trust_net), 32);
	assert_int_equal(sizeof(struct lttng_dt_abi_trust_list), 16);
	/* The TCP mark's counters took the first reserved words. */
	assert_int_equal(offsetof(struct lttng_dt_abi_stats, marks_sent), 40);
	assert_int_equal(offsetof(struct lttng_dt_abi_stats, net_expired), 80);
	assert_int_equal(offsetof(struct lttng_dt_abi_stats, reserved), 88);
}

static void versions(void **state)
{
	(void)state;
	/* sessiond requires major 2; rotation needs tracer minor >= 11. */
	assert_int_equal(LTTNG_ABI_MAJOR_VERSION, 2);
	assert_int_equal(LTTNG_ABI_MINOR_VERSION, 6);
	assert_int_equal(LTTNG_TRACER_MAJOR, 2);
	assert_true(LTTNG_TRACER_MINOR >= 11);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(command_numbers),
		cmocka_unit_test(struct_sizes),
		cmocka_unit_test(field_offsets),
		cmocka_unit_test(versions),
		cmocka_unit_test(dt_commands_apart),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("abi", tests, NULL, NULL);
}
