/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The global options of the stock lttng 2.13 command line, the ones that
 * may come before the command name. lttng-dt accepts the same ones, and
 * the lttng front must skip them exactly as lttng does to find the
 * command, so both read them from this one table.
 */
#ifndef _LTTNG_GLOBAL_OPTS_H
#define _LTTNG_GLOBAL_OPTS_H

#include <getopt.h>

enum lttng_gopt {
	LTTNG_GOPT_SESSIOND_PATH = 256,
	LTTNG_GOPT_RELAYD_PATH,
	LTTNG_GOPT_LIST_OPTIONS,
	LTTNG_GOPT_LIST_COMMANDS,
};

/* getopt_long() short options: '+' stops at the command name. */
#define LTTNG_GOPT_SHORT	"+Vhnvqg:m:"

extern const struct option lttng_gopt_long[];

/*
 * Index in argv of the command name, after the global options; argc when
 * there is none. -1 when getopt would stop on an error or on an option
 * that ends the run by itself (-h, -V, --list-*): the stock lttng deals
 * with those. Resets getopt's state before and after.
 */
int lttng_gopt_command_index(int argc, char *const argv[]);

#endif /* _LTTNG_GLOBAL_OPTS_H */
