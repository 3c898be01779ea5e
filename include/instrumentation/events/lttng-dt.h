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

/*
 * lttng_dt_mark_send / lttng_dt_mark_recv: a data segment left marked, or
 * a marked one was received and honoured (lttng-dt-tcp). Addresses and
 * ports as the kernel's TCP tracepoints give them, saddr the segment's
 * source; seq its first sequence number, len its payload, so that an
 * analysis matches a send on one host with its receipt on another.
 *
 * lttng_dt_mark_write / lttng_dt_mark_read: the threads at either end,
 * since segments leave and arrive in whoever's context (softirq). A
 * flagged thread's write on a marking socket: seq the sequence number of
 * its first byte, len the bytes it asked to send. A thread's read that
 * copied the first new marked byte of its socket, whatever its flag: seq
 * that byte's number, len the bytes copied from it so far. The same key
 * (addresses, ports; saddr the data's source) as the segments'.
 */
#define LTTNG_DT_MARK_FIELDS						\
	LTTNG_FIELDS(							\
		f_int(u16, family, m->family)				\
		f_int(u16, sport, m->sport)				\
		f_int(u16, dport, m->dport)				\
		f_array_hex(u8, saddr, m->saddr, 4)			\
		f_array_hex(u8, daddr, m->daddr, 4)			\
		f_array_hex(u8, saddr_v6, m->saddr_v6, 16)		\
		f_array_hex(u8, daddr_v6, m->daddr_v6, 16)		\
		f_int(u32, seq, m->seq)					\
		f_int(u32, len, m->len)					\
	)

LTTNG_EVENT_LOCAL(lttng_dt_mark_send,
	LTTNG_PROTO(const struct lttng_dt_mark *m),
	LTTNG_DT_MARK_FIELDS)

LTTNG_EVENT_LOCAL(lttng_dt_mark_recv,
	LTTNG_PROTO(const struct lttng_dt_mark *m),
	LTTNG_DT_MARK_FIELDS)

LTTNG_EVENT_LOCAL(lttng_dt_mark_write,
	LTTNG_PROTO(const struct lttng_dt_mark *m),
	LTTNG_DT_MARK_FIELDS)

LTTNG_EVENT_LOCAL(lttng_dt_mark_read,
	LTTNG_PROTO(const struct lttng_dt_mark *m),
	LTTNG_DT_MARK_FIELDS)

#undef LTTNG_DT_MARK_FIELDS
