/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Help has one source, the man pages in doc/man: --help runs man on the
 * installed page, as lttng does, and prints the same page rendered into
 * the program at build time when man or the page is not there.
 */
#ifndef _DT_HELP_H
#define _DT_HELP_H

#include <popt.h>

struct dt_help_page {
	const char *name;	/* "lttng-dt-track" */
	const char *text;	/* the page rendered as plain text */
};
extern const struct dt_help_page dt_help_pages[];	/* ends with NULL */

/* Help of "lttng-dt" or of a command ("dt-track"): a CMD_* code. */
int dt_show_help(const char *command);
/* --list-options: the long then short name of each option, one a line. */
void dt_list_options(const struct poptOption *opts);

#endif /* _DT_HELP_H */
