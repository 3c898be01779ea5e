// SPDX-License-Identifier: GPL-2.0-only
/*
 * --help and --list-options (see help.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "help.h"
#include "output.h"

static const struct dt_help_page *dt_help_find(const char *page)
{
	const struct dt_help_page *p;

	for (p = dt_help_pages; p->name; p++)
		if (!strcmp(p->name, page))
			return p;
	return NULL;
}

/* Installed as PAGE.1, or compressed by a packager (PAGE.1.gz). */
static int dt_help_installed(const char *page)
{
	static const char *const suffixes[] = { "", ".gz", ".bz2", ".xz" };
	char path[4096];
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(path, sizeof(path), "%s/man1/%s.1%s", LTTNG_DT_MANDIR,
			 page, suffixes[i]);
		if (!access(path, R_OK))
			return 1;
	}
	return 0;
}

/* As lttng does: man -M MANDIR 1 PAGE; returns only if man cannot run. */
static void dt_help_man(const char *page)
{
	const char *man = getenv("LTTNG_MAN_BIN_PATH");

	if (!man || !*man)
		man = "man";
	if (!dt_help_installed(page))
		return;
	fflush(NULL);
	execlp(man, "man", "-M", LTTNG_DT_MANDIR, "1", page, (char *)NULL);
	dt_dbg("cannot run %s: the built-in copy of the page follows", man);
}

int dt_show_help(const char *command)
{
	const struct dt_help_page *p;
	char page[64];

	if (command && !strcmp(command, "help"))
		command = NULL;
	snprintf(page, sizeof(page), "lttng%s%s", command ? "-" : "-dt",
		 command ? command : "");
	dt_help_man(page);
	p = dt_help_find(page);
	if (!p) {
		dt_err("Cannot show --help for `%s`", page);
		return CMD_ERROR;
	}
	fputs(p->text, stdout);
	return CMD_SUCCESS;
}

void dt_list_options(const struct poptOption *opts)
{
	const struct poptOption *o;

	for (o = opts; o->longName || o->shortName || o->argInfo; o++) {
		if (o->longName)
			printf("--%s\n", o->longName);
		if (o->shortName)
			printf("-%c\n", o->shortName);
	}
}
