/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lttng-dt's commands: the table main() dispatches on, their exit codes,
 * and the option parsing they share.
 */
#ifndef _DT_CLI_H
#define _DT_CLI_H

#include <popt.h>

/* Exit codes, with the values and meanings of lttng's CMD_* codes. */
enum dt_cmd_ret {
	CMD_SUCCESS	= 0,
	CMD_ERROR	= 1,	/* the command failed */
	CMD_UNDEFINED	= 2,	/* unknown command or bad arguments */
	CMD_FATAL	= 3,	/* out of memory and the like */
	CMD_WARNING	= 4,	/* some of several operations failed */
	CMD_UNSUPPORTED	= 5,	/* e.g. --mi */
};

struct dt_cmd {
	const char *name;	/* as typed: "dt-track" */
	int (*run)(int argc, const char **argv);	/* argv[0] is name */
	const char *summary;
};

extern const struct dt_cmd dt_commands[];	/* ends with a NULL name */
const struct dt_cmd *dt_cmd_find(const char *name);

int dt_cmd_track(int argc, const char **argv);
int dt_cmd_untrack(int argc, const char **argv);
int dt_cmd_list(int argc, const char **argv);
int dt_cmd_gate(int argc, const char **argv);
int dt_cmd_create(int argc, const char **argv);
int dt_cmd_status(int argc, const char **argv);
int dt_cmd_trust(int argc, const char **argv);
int dt_cmd_help(int argc, const char **argv);

/* Global options commands may use: -g GROUP. */
extern const char *dt_opt_group;

/* Option values every command's table has, and the first free one. */
enum {
	DT_OPT_HELP = 1,
	DT_OPT_LIST_OPTIONS,
	DT_OPT_FIRST_FREE,
};
#define DT_POPT_COMMON							\
	{ "help", 'h', POPT_ARG_NONE, NULL, DT_OPT_HELP, NULL, NULL },	\
	{ "list-options", 0, POPT_ARG_NONE, NULL, DT_OPT_LIST_OPTIONS,	\
	  NULL, NULL }

/*
 * One parse of a command's arguments: options go to on_opt (with popt's
 * argument string, NULL for flags), positional ones are left in pos.
 */
struct dt_args {
	poptContext pc;
	const char **pos;
	int npos;
};
typedef int (*dt_opt_fn)(void *state, int val, const char *arg);

/* Returned by dt_args_parse() when the command should go on. */
#define DT_ARGS_CONTINUE	(-1)

int dt_args_parse(struct dt_args *args, int argc, const char **argv,
		  const struct poptOption *opts, dt_opt_fn on_opt, void *state);
void dt_args_free(struct dt_args *args);
/* on_opt of commands with no option of their own. */
int dt_opt_none(void *state, int val, const char *arg);

/*
 * Parses "12,34,56" into ids (appended to *ids, *n of them): CMD_SUCCESS,
 * or CMD_ERROR with a message naming what (e.g. "PID").
 */
int dt_parse_ids(const char *arg, const char *what, int **ids, int *n);

struct dt_abi;
/* Opens the dt ABI or says why not: CMD_SUCCESS or CMD_ERROR. */
int dt_cmd_open(struct dt_abi *abi);
/* Refuses positional arguments, as lttng does: CMD_UNDEFINED if any. */
int dt_cmd_no_positional(const struct dt_args *args);
/* Refuses more than max positional arguments: CMD_UNDEFINED. */
int dt_cmd_max_positional(const struct dt_args *args, int max);

#endif /* _DT_CLI_H */
