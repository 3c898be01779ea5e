/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The TCP mark (kernel module lttng-dt-tcp): what follows a tracked
 * request to other hosts. Tracking a thread or gating a session loads it,
 * unless the host was kept from marking (the module blacklisted in
 * modprobe.d), so that no step is hidden from the user.
 */
#ifndef _DT_MARK_MODULE_H
#define _DT_MARK_MODULE_H

enum dt_mark_state {
	DT_MARK_ON,		/* loaded */
	DT_MARK_LOADABLE,	/* not loaded; tracking will load it */
	DT_MARK_BLACKLISTED,	/* the host is kept from marking */
	DT_MARK_MISSING,	/* no module for the running kernel */
	DT_MARK_FAILED,		/* it did not load */
};

/* Is the module loaded, without loading it? */
int dt_mark_loaded(void);

/* Its state, without loading it (for dt-status). */
enum dt_mark_state dt_mark_state_now(void);

/* Load it if needed (libkmod, honouring the blacklist). */
enum dt_mark_state dt_mark_load(void);

/* Why marking is not on, for a message. */
const char *dt_mark_state_str(enum dt_mark_state state);

/*
 * Load it and warn, on stderr, when requests of tracked threads cannot
 * be followed off this host.
 */
void dt_warn_if_no_mark(void);

#endif /* _DT_MARK_MODULE_H */
