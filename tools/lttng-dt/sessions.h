/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The names of the tracing sessions, from the session daemon. The kernel
 * knows a gate by session name only and cannot list them, so dt-status
 * asks lttng-sessiond (through liblttng-ctl, when lttng-dt was built
 * with it).
 */
#ifndef _DT_SESSIONS_H
#define _DT_SESSIONS_H

/*
 * *names (malloc'ed, free with dt_sessions_free) and *n, or a negative
 * errno: -ENOSYS built without liblttng-ctl, -ECONNREFUSED no session
 * daemon answered.
 */
int dt_sessions_list(char ***names, int *n);
void dt_sessions_free(char **names, int n);

/*
 * Whether the session daemon has a session of that name: 1 or 0, or a
 * negative errno as dt_sessions_list's when it cannot be asked.
 */
int dt_session_exists(const char *name);

/*
 * The current session, as lttng keeps it in $LTTNG_HOME/.lttngrc (or
 * $HOME's): a malloc'ed name, or NULL when there is none.
 */
char *dt_current_session(void);

/* Make name the current session, as lttng create does; 0 or -1. */
int dt_set_current_session(const char *name);

#endif /* _DT_SESSIONS_H */
