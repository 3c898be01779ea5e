// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session names from lttng-sessiond (see sessions.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
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

int dt_session_exists(const char *name)
{
	char **names;
	int n, i, ret;

	ret = dt_sessions_list(&names, &n);
	if (ret)
		return ret;
	for (i = 0; i < n && strcmp(names[i], name); i++)
		;
	ret = i < n;
	dt_sessions_free(names, n);
	return ret;
}

/* $LTTNG_HOME/.lttngrc, or $HOME's; false if it does not fit. */
static int lttngrc_path(char *path, size_t size)
{
	const char *home = getenv("LTTNG_HOME");

	if (!home || !*home)
		home = getenv("HOME");
	return home && snprintf(path, size, "%s/.lttngrc", home) < (int)size;
}

char *dt_current_session(void)
{
	char path[PATH_MAX], *line = NULL, *name = NULL;
	size_t cap = 0;
	FILE *f;

	if (!lttngrc_path(path, sizeof(path)))
		return NULL;
	f = fopen(path, "r");
	if (!f)
		return NULL;
	/* lttng writes one line, "session=NAME". */
	while (!name && getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "session=", 8) && line[8])
			name = strdup(line + 8);
	}
	free(line);
	fclose(f);
	return name;
}

int dt_set_current_session(const char *name)
{
	char path[PATH_MAX];
	FILE *f;
	int ret;

	if (!lttngrc_path(path, sizeof(path)))
		return -1;
	f = fopen(path, "w");
	if (!f)
		return -1;
	ret = fprintf(f, "session=%s\n", name) < 0;
	return fclose(f) || ret ? -1 : 0;
}
