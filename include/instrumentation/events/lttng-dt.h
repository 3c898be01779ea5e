/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lttng_dt_flag: a thread's distributed-trace flag changed, one event per
 * reason set (on = 1) or cleared (on = 0), so that an analysis sees when
 * and why a thread entered or left a traced request. Gated sessions
 * always record it. Read once per generator pass: no include guard.
 */
LTTNG_ENUM(lttng_dt_reason,
	LTTNG_ENUM_VALUES(
		e_value("manual", 0)
		e_value("inherited", 1)
		e_value("network", 2)
	))

LTTNG_EVENT_LOCAL(lttng_dt_flag,
	LTTNG_PROTO(pid_t tid, pid_t pid, unsigned int reason, int on),
	LTTNG_FIELDS(
		f_int(pid_t, tid, tid)
		f_int(pid_t, pid, pid)
		f_enum(lttng_dt_reason, u8, reason, reason)
		f_int(u8, on, on)
	))
