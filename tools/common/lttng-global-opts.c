// SPDX-License-Identifier: GPL-2.0-only
/*
 * The stock lttng's global options (lttng-tools 2.13, src/bin/lttng),
 * as data. Their order is the order `--list-options` prints.
 */
#include <stddef.h>

#include "lttng-global-opts.h"

const struct option lttng_gopt_long[] = {
	{ "version",		no_argument,		NULL, 'V' },
	{ "help",		no_argument,		NULL, 'h' },
	{ "group",		required_argument,	NULL, 'g' },
	{ "verbose",		no_argument,		NULL, 'v' },
	{ "quiet",		no_argument,		NULL, 'q' },
	{ "mi",			required_argument,	NULL, 'm' },
	{ "no-sessiond",	no_argument,		NULL, 'n' },
	{ "sessiond-path",	required_argument,	NULL, LTTNG_GOPT_SESSIOND_PATH },
	{ "relayd-path",	required_argument,	NULL, LTTNG_GOPT_RELAYD_PATH },
	{ "list-options",	no_argument,		NULL, LTTNG_GOPT_LIST_OPTIONS },
	{ "list-commands",	no_argument,		NULL, LTTNG_GOPT_LIST_COMMANDS },
	{ NULL, 0, NULL, 0 },
};

static void lttng_gopt_reset(void)
{
	/* glibc: optind = 0 also forgets the position inside a bundle. */
	optind = 0;
	opterr = 1;
}

int lttng_gopt_command_index(int argc, char *const argv[])
{
	int opt, ret;

	lttng_gopt_reset();
	opterr = 0;
	while ((opt = getopt_long(argc, argv, LTTNG_GOPT_SHORT,
				  lttng_gopt_long, NULL)) != -1) {
		switch (opt) {
		case 'g': case 'v': case 'q': case 'm': case 'n':
		case LTTNG_GOPT_SESSIOND_PATH:
		case LTTNG_GOPT_RELAYD_PATH:
			continue;
		default:	/* '?', 'h', 'V', --list-*: no command runs */
			ret = -1;
			goto out;
		}
	}
	ret = optind;
out:
	lttng_gopt_reset();
	return ret;
}
