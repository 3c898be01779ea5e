// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lttng front, installed as `lttng` ahead of the stock one in PATH:
 * `lttng dt-*` (and `lttng help dt-*`) runs lttng-dt, anything else runs
 * the stock lttng with the very same arguments. It only ever exec()s, so
 * standard input, output, signals and the exit status are the program's
 * own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/lttng-global-opts.h"

/*
 * Set in the environment of the stock lttng: if it comes back to a front
 * (the stock path is a wrapper that runs `lttng` from PATH), that front
 * stops instead of looping.
 */
#define FRONT_GUARD_ENV		"LTTNG_DT_FRONT_PASSED"

static const char *front_path(const char *env, const char *dflt)
{
	const char *p = getenv(env);

	return p && *p ? p : dflt;
}

static int front_is_dt(int argc, char **argv, int cmd)
{
	if (cmd < 0 || cmd >= argc)
		return 0;
	if (!strncmp(argv[cmd], "dt-", 3))
		return 1;
	return !strcmp(argv[cmd], "help") && cmd + 1 < argc &&
	       !strncmp(argv[cmd + 1], "dt-", 3);
}

/* Like a shell: 127 when the program is missing, 126 when it cannot run. */
static int front_exec(const char *what, const char *path, char **argv,
		      const char *hint)
{
	int err;

	execv(path, argv);
	err = errno;
	fprintf(stderr, "Error: Cannot run %s %s: %s%s\n", what, path,
		strerror(err), hint);
	return err == ENOENT ? 127 : 126;
}

/* The stock path is this program itself: it would run forever. */
static int front_is_self(const char *path)
{
	struct stat self, st;

	if (stat("/proc/self/exe", &self) || stat(path, &st))
		return 0;
	return self.st_dev == st.st_dev && self.st_ino == st.st_ino;
}

static int front_stock(char **argv)
{
	const char *stock = front_path("LTTNG_DT_STOCK_LTTNG", LTTNG_DT_STOCK_LTTNG);

	if (front_is_self(stock) || getenv(FRONT_GUARD_ENV)) {
		fprintf(stderr, "Error: The stock lttng (%s) leads back to the lttng front; "
			"set LTTNG_DT_STOCK_LTTNG to the real lttng\n", stock);
		return 126;
	}
	if (setenv(FRONT_GUARD_ENV, "1", 1)) {
		perror("Error: setenv");
		return 126;
	}
	return front_exec("the stock lttng", stock, argv,
			  " (set LTTNG_DT_STOCK_LTTNG or configure --with-stock-lttng)");
}

int main(int argc, char **argv)
{
	int cmd = lttng_gopt_command_index(argc, argv);

	if (front_is_dt(argc, argv, cmd))
		return front_exec("lttng-dt", front_path("LTTNG_DT_CLI", LTTNG_DT_CLI),
				  argv, "");
	return front_stock(argv);
}
