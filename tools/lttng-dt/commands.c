// SPDX-License-Identifier: GPL-2.0-only
/*
 * The flat command table: a command is a name, a function and the line
 * `lttng-dt --help` falls back to. Each lives in its own file.
 */
#include <string.h>

#include "cli.h"
#include "dt-abi.h"
#include "output.h"

const struct dt_cmd dt_commands[] = {
	{ "dt-track",	dt_cmd_track,	"Flag threads for gated sessions" },
	{ "dt-untrack",	dt_cmd_untrack,	"Remove the flag of threads" },
	{ "dt-list",	dt_cmd_list,	"List the flagged threads and why" },
	{ "dt-gate",	dt_cmd_gate,	"Set or show a session's gate" },
	{ "dt-create",	dt_cmd_create,	"Create a gated session ready for lttng-dt-flows" },
	{ "dt-status",	dt_cmd_status,	"Show the extension's state and counters" },
	{ "dt-trust",	dt_cmd_trust,	"Add, remove or list trusted source networks" },
	{ "help",	dt_cmd_help,	"Show the manual of a command" },
	{ NULL, NULL, NULL },
};

const struct dt_cmd *dt_cmd_find(const char *name)
{
	const struct dt_cmd *cmd;

	for (cmd = dt_commands; cmd->name; cmd++)
		if (!strcmp(cmd->name, name))
			return cmd;
	return NULL;
}

int dt_cmd_open(struct dt_abi *abi)
{
	int ret = dt_abi_open(abi);

	if (ret) {
		dt_err("%s", dt_abi_strerror(DT_ABI_OPEN, ret));
		return CMD_ERROR;
	}
	return CMD_SUCCESS;
}

int dt_cmd_max_positional(const struct dt_args *args, int max)
{
	if (args->npos <= max)
		return CMD_SUCCESS;
	dt_err("Too many arguments ('%s')", args->pos[max]);
	return CMD_UNDEFINED;
}

int dt_cmd_no_positional(const struct dt_args *args)
{
	if (!args->npos)
		return CMD_SUCCESS;
	dt_err("This command does not accept positional arguments ('%s')",
	       args->pos[0]);
	return CMD_UNDEFINED;
}
