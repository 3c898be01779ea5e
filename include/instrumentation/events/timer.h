/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Timer events: timer_list, hrtimer and itimer, with lttng-modules 2.13's
 * names (hrtimer and itimer events are prefixed timer_). Read once per
 * generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_TIMER_HELPERS
#define _LTTNG_INSTRUMENTATION_TIMER_HELPERS

#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/pid.h>
#include <linux/time64.h>
#include <linux/timer.h>

#endif /* _LTTNG_INSTRUMENTATION_TIMER_HELPERS */

/*
 * Pointers are recorded as 64-bit hexadecimal integers. The callback
 * field holds the timer's function when the event fires.
 */
LTTNG_EVENT(timer_init,
	LTTNG_PROTO(struct timer_list *timer),
	LTTNG_FIELDS(f_hex(void *, timer, timer)))

LTTNG_EVENT(timer_start,
	LTTNG_PROTO(struct timer_list *timer, unsigned long expires,
		    unsigned int flags),
	LTTNG_FIELDS(
		f_hex(void *, timer, timer)
		f_hex(void *, function, (void *)timer->function)
		f_int(unsigned long, expires, expires)
		f_int(unsigned long, now, jiffies)
		f_int(unsigned int, flags, flags)
	))

LTTNG_EVENT(timer_expire_entry,
	LTTNG_PROTO(struct timer_list *timer, unsigned long baseclk),
	LTTNG_FIELDS(
		f_hex(void *, timer, timer)
		f_int(unsigned long, now, jiffies)
		f_hex(void *, function, (void *)timer->function)
		f_int(unsigned long, baseclk, baseclk)
	))

/* The timer may be freed by its callback: only its address is recorded. */
LTTNG_EVENT(timer_expire_exit,
	LTTNG_PROTO(struct timer_list *timer),
	LTTNG_FIELDS(f_hex(void *, timer, timer)))

LTTNG_EVENT(timer_cancel,
	LTTNG_PROTO(struct timer_list *timer),
	LTTNG_FIELDS(f_hex(void *, timer, timer)))

LTTNG_EVENT_MAP(hrtimer_init, timer_hrtimer_init,
	LTTNG_PROTO(struct hrtimer *hrtimer, clockid_t clockid,
		    enum hrtimer_mode mode),
	LTTNG_FIELDS(
		f_hex(void *, hrtimer, hrtimer)
		f_int(clockid_t, clockid, clockid)
		f_int(enum hrtimer_mode, mode, mode)
	))

/*
 * Newer kernels, and 6.1.y since a stable update, also pass whether the
 * timer was armed before this start (was_armed). lttng-modules 2.13.9
 * predates that argument and records the five fields below; we keep its
 * layout on both prototypes, so was_armed is not recorded.
 */
#ifdef LTTNG_HAVE_HRTIMER_START_WAS_ARMED
#define LTTNG_HRTIMER_START_PROTO					\
	LTTNG_PROTO(struct hrtimer *hrtimer, enum hrtimer_mode mode,	\
		    bool was_armed)
#else
#define LTTNG_HRTIMER_START_PROTO					\
	LTTNG_PROTO(struct hrtimer *hrtimer, enum hrtimer_mode mode)
#endif

LTTNG_EVENT_MAP(hrtimer_start, timer_hrtimer_start,
	LTTNG_HRTIMER_START_PROTO,
	LTTNG_FIELDS(
		f_hex(void *, hrtimer, hrtimer)
		f_hex(void *, function, (void *)hrtimer->function)
		f_int(s64, expires, hrtimer_get_expires(hrtimer))
		f_int(s64, softexpires, hrtimer_get_softexpires(hrtimer))
		f_int(enum hrtimer_mode, mode, mode)
	))

/* now: the time of the timer's clock base when the callback is called. */
LTTNG_EVENT_MAP(hrtimer_expire_entry, timer_hrtimer_expire_entry,
	LTTNG_PROTO(struct hrtimer *hrtimer, ktime_t *now),
	LTTNG_FIELDS(
		f_hex(void *, hrtimer, hrtimer)
		f_int(s64, now, *now)
		f_hex(void *, function, (void *)hrtimer->function)
	))

LTTNG_EVENT_MAP(hrtimer_expire_exit, timer_hrtimer_expire_exit,
	LTTNG_PROTO(struct hrtimer *hrtimer),
	LTTNG_FIELDS(f_hex(void *, hrtimer, hrtimer)))

LTTNG_EVENT_MAP(hrtimer_cancel, timer_hrtimer_cancel,
	LTTNG_PROTO(struct hrtimer *hrtimer),
	LTTNG_FIELDS(f_hex(void *, hrtimer, hrtimer)))

/* which: ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF. */
LTTNG_EVENT_MAP(itimer_state, timer_itimer_state,
	LTTNG_PROTO(int which, const struct itimerspec64 *const value,
		    unsigned long long expires),
	LTTNG_FIELDS(
		f_int(int, which, which)
		f_int(unsigned long long, expires, expires)
		f_int(long, value_sec, value->it_value.tv_sec)
		f_int(long, value_nsec, value->it_value.tv_nsec)
		f_int(long, interval_sec, value->it_interval.tv_sec)
		f_int(long, interval_nsec, value->it_interval.tv_nsec)
	))

LTTNG_EVENT_MAP(itimer_expire, timer_itimer_expire,
	LTTNG_PROTO(int which, struct pid *pid, unsigned long long now),
	LTTNG_FIELDS(
		f_int(int, which, which)
		f_int(pid_t, pid, pid_nr(pid))
		f_int(unsigned long long, now, now)
	))
