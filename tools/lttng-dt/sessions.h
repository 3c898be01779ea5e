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

#endif /* _DT_SESSIONS_H */
