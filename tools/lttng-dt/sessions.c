// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session names from lttng-sessiond (see sessions.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_LTTNG_CTL
#include <lttng/lttng.h>
#endif

#include "cli.h"
#include "output.h"
#include "sessions.h"

void dt_sessions_free(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

#ifdef HAVE_LTTNG_CTL
static int dt_sessions_copy(const struct lttng_session *s, int count,
			    char ***names, int *n)
{
	char **v = calloc(count ? count : 1, sizeof(*v));
	int i;

	if (!v)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		v[i] = strdup(s[i].name);
		if (!v[i]) {
			dt_sessions_free(v, i);
			return -ENOMEM;
		}
	}
	*names = v;
	*n = count;
	return 0;
}

int dt_sessions_list(char ***names, int *n)
{
	struct lttng_session *sessions = NULL;
	int count, ret;

	if (dt_opt_group)
		lttng_set_tracing_group(dt_opt_group);
	/* Do not let liblttng-ctl start a session daemon to ask it. */
	if (!lttng_session_daemon_alive()) {
		dt_dbg("no session daemon is alive");
		return -ECONNREFUSED;
	}
	count = lttng_list_sessions(&sessions);
	if (count < 0) {
		dt_dbg("lttng_list_sessions: %s", lttng_strerror(count));
		return -ECONNREFUSED;
	}
	ret = dt_sessions_copy(sessions, count, names, n);
	free(sessions);
	return ret;
}
#else
int dt_sessions_list(char ***names, int *n)
{
	*names = NULL;
	*n = 0;
	return -ENOSYS;
}
#endif
