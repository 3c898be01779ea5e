// SPDX-License-Identifier: GPL-2.0-only
/*
 * Option parsing shared by the commands: popt with the option tables as
 * data, --help and --list-options handled once for all.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "help.h"
#include "output.h"

static int dt_args_common(const char *cmd, int val,
			  const struct poptOption *opts)
{
	switch (val) {
	case DT_OPT_HELP:
		return dt_show_help(cmd);
	case DT_OPT_LIST_OPTIONS:
		dt_list_options(opts);
		return CMD_SUCCESS;
	default:
		return DT_ARGS_CONTINUE;
	}
}

static int dt_args_bad(struct dt_args *args, int err)
{
	dt_err("%s: %s", poptBadOption(args->pc, POPT_BADOPTION_NOALIAS),
	       poptStrerror(err));
	return CMD_UNDEFINED;
}

int dt_args_parse(struct dt_args *args, int argc, const char **argv,
		  const struct poptOption *opts, dt_opt_fn on_opt, void *state)
{
	int val, ret;

	memset(args, 0, sizeof(*args));
	args->pc = poptGetContext(NULL, argc, argv, opts, 0);
	if (!args->pc) {
		dt_err("Out of memory");
		return CMD_FATAL;
	}
	while ((val = poptGetNextOpt(args->pc)) >= 0) {
		ret = dt_args_common(argv[0], val, opts);
		if (ret == DT_ARGS_CONTINUE)
			ret = on_opt(state, val, poptGetOptArg(args->pc));
		if (ret != DT_ARGS_CONTINUE)
			return ret;
	}
	if (val < -1)
		return dt_args_bad(args, val);
	args->pos = poptGetArgs(args->pc);
	while (args->pos && args->pos[args->npos])
		args->npos++;
	return DT_ARGS_CONTINUE;
}

void dt_args_free(struct dt_args *args)
{
	if (args->pc)
		poptFreeContext(args->pc);
	args->pc = NULL;
}

int dt_opt_none(void *state, int val, const char *arg)
{
	(void)state;
	(void)val;
	(void)arg;
	return DT_ARGS_CONTINUE;
}

/* One id: a positive decimal that fits a pid_t. */
static int dt_parse_id(const char *s, size_t len, int *id)
{
	char buf[16], *end;
	long v;

	if (!len || len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (buf[0] < '0' || buf[0] > '9')
		return -EINVAL;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || *end || v <= 0 || v > INT_MAX)
		return -EINVAL;
	*id = (int)v;
	return 0;
}

int dt_parse_ids(const char *arg, const char *what, int **ids, int *n)
{
	const char *p = arg ? arg : "";
	size_t len;
	int *nids, id;

	do {
		len = strcspn(p, ",");
		if (dt_parse_id(p, len, &id)) {
			dt_err("Invalid %s '%.*s': a positive number is expected",
			       what, (int)len, p);
			return CMD_ERROR;
		}
		nids = realloc(*ids, (*n + 1) * sizeof(**ids));
		if (!nids) {
			dt_err("Out of memory");
			return CMD_FATAL;
		}
		*ids = nids;
		(*ids)[(*n)++] = id;
		p += len;
	} while (*p++ == ',');
	return CMD_SUCCESS;
}
