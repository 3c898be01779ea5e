// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt help [COMMAND]: the manual of lttng-dt or of a command, like
 * COMMAND --help.
 */
#include "cli.h"
#include "help.h"
#include "output.h"

static const struct poptOption help_opts[] = {
	DT_POPT_COMMON,
	POPT_TABLEEND
};

int dt_cmd_help(int argc, const char **argv)
{
	const char *name = NULL;
	struct dt_args args;
	int ret;

	ret = dt_args_parse(&args, argc, argv, help_opts, dt_opt_none, NULL);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = dt_cmd_max_positional(&args, 1);
	if (ret)
		goto out;
	if (args.npos == 1) {
		name = args.pos[0];
		if (!dt_cmd_find(name)) {
			dt_err("Unknown command \"%s\"", name);
			ret = CMD_ERROR;
			goto out;
		}
	}
	ret = dt_show_help(name);
out:
	dt_args_free(&args);
	return ret;
}
