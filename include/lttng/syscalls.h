/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * System-call events as the rest of the tracer sees them (src/syscalls/).
 *
 * Syscall events are in the probe registry like any other, but their
 * recorders have no callback each: a channel that records syscalls has
 * one callback on the raw_syscalls sys_enter tracepoint and one on
 * sys_exit, each finding the recorder in the channel's table by syscall
 * number. The callbacks are registered only while the session is active
 * and the channel has an enabled recorder of that direction, so syscalls
 * cost nothing when none is recorded. Built on x86_64 only; on other
 * architectures the tracer has no syscall events: the functions below
 * do nothing and syscall enablers match nothing.
 */
#ifndef _LTTNG_SYSCALLS_H
#define _LTTNG_SYSCALLS_H

#include <linux/errno.h>

#include <lttng/abi.h>

struct lttng_channel;
struct lttng_event_recorder;

#ifdef LTTNG_HAVE_SYSCALLS

/* Register the syscall events with the probe registry (module init). */
int lttng_syscalls_init(void);
void lttng_syscalls_exit(void);

/* Put a new syscall recorder in its channel's table (locked). */
int lttng_syscalls_add_recorder_locked(struct lttng_event_recorder *ev);
/* The session is (becoming) active: callbacks follow enabled recorders. */
int lttng_syscalls_sync_locked(struct lttng_channel *chan);
/* Remove the channel's callbacks (stop, destroy); nothing is freed. */
void lttng_syscalls_unregister_locked(struct lttng_channel *chan);
/* After the callbacks are gone and synchronised. */
void lttng_syscalls_free(struct lttng_channel *chan);
/* SYSCALL_MASK on a channel. */
long lttng_syscalls_mask(struct lttng_channel *chan,
			 struct lttng_abi_syscall_mask __user *umask);

#else

static inline int lttng_syscalls_init(void) { return 0; }
static inline void lttng_syscalls_exit(void) { }
static inline int lttng_syscalls_add_recorder_locked(struct lttng_event_recorder *ev)
{
	return -ENOSYS;
}
static inline int lttng_syscalls_sync_locked(struct lttng_channel *chan) { return 0; }
static inline void lttng_syscalls_unregister_locked(struct lttng_channel *chan) { }
static inline void lttng_syscalls_free(struct lttng_channel *chan) { }
static inline long lttng_syscalls_mask(struct lttng_channel *chan,
				       struct lttng_abi_syscall_mask __user *umask)
{
	return -ENOSYS;
}

#endif /* LTTNG_HAVE_SYSCALLS */

#endif /* _LTTNG_SYSCALLS_H */
