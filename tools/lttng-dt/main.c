// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt: the distributed-trace commands of lttng-dt, with the stock
 * lttng's global options, command dispatch, messages and exit codes. The
 * lttng front runs it for `lttng dt-*`.
 */
#include <getopt.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "../common/lttng-global-opts.h"
#include "cli.h"
#include "help.h"
#include "output.h"

const char *dt_opt_group;
static const char *dt_opt_mi;
static const char *progname = "lttng-dt";

static void dt_usage(FILE *f)
{
	const struct dt_cmd *cmd;

	fprintf(f, "Usage: %s [--group=GROUP] [--quiet | -v | -vv] COMMAND [COMMAND OPTIONS]\n\n",
		progname);
	fprintf(f, "Available commands:\n\n");
	for (cmd = dt_commands; cmd->name; cmd++)
		fprintf(f, "  %-12s %s\n", cmd->name, cmd->summary);
	fprintf(f, "\nEach command also has its own -h, --help option.\n");
	fprintf(f, "See lttng-dt(1) for the whole documentation.\n");
}

static void dt_list_global_options(void)
{
	const struct option *o;

	for (o = lttng_gopt_long; o->name; o++) {
		printf("--%s\n", o->name);
		if (o->val < 256)
			printf("-%c\n", o->val);
	}
}

static void dt_list_commands(void)
{
	const struct dt_cmd *cmd;

	for (cmd = dt_commands; cmd->name; cmd++)
		printf("%s\n", cmd->name);
}

/* Global options: DT_ARGS_CONTINUE to run the command, else exit code. */
static int dt_global_opts(int argc, char **argv)
{
	int opt;

	while ((opt = getopt_long(argc, argv, LTTNG_GOPT_SHORT,
				  lttng_gopt_long, NULL)) != -1) {
		switch (opt) {
		case 'V':
			printf("%s (lttng-dt) %s\n", progname, PACKAGE_VERSION);
			return CMD_SUCCESS;
		case 'h':
			return dt_show_help(NULL);
		case 'v':
			dt_opt_verbose++;
			break;
		case 'q':
			dt_opt_quiet = 1;
			break;
		case 'g':
			dt_opt_group = optarg;
			break;
		case 'm':
			dt_opt_mi = optarg;
			break;
		case 'n':	/* dt commands never start a session daemon */
		case LTTNG_GOPT_SESSIOND_PATH:
		case LTTNG_GOPT_RELAYD_PATH:
			break;
		case LTTNG_GOPT_LIST_OPTIONS:
			dt_list_global_options();
			return CMD_SUCCESS;
		case LTTNG_GOPT_LIST_COMMANDS:
			dt_list_commands();
			return CMD_SUCCESS;
		default:	/* getopt said what was wrong */
			return CMD_ERROR;
		}
	}
	/* As in lttng: quiet wins. */
	if (dt_opt_quiet)
		dt_opt_verbose = 0;
	return DT_ARGS_CONTINUE;
}

static int dt_run(const struct dt_cmd *cmd, int argc, const char **argv)
{
	int ret;

	if (dt_opt_mi) {
		dt_err("Machine interface output (--mi) is not supported by %s",
		       cmd->name);
		return CMD_UNSUPPORTED;
	}
	ret = cmd->run(argc, argv);
	if (ret == CMD_UNDEFINED)
		dt_err("Unrecognized argument used with '%s' command", cmd->name);
	return ret;
}

int main(int argc, char **argv)
{
	const struct dt_cmd *cmd;
	int ret;

	if (argv[0] && *argv[0])
		progname = basename(argv[0]);
	/*
	 * A session daemon that closes its socket must give liblttng-ctl an
	 * error, not kill us mid-way (lttng ignores SIGPIPE too).
	 */
	signal(SIGPIPE, SIG_IGN);
	ret = dt_global_opts(argc, argv);
	if (ret != DT_ARGS_CONTINUE)
		return ret;
	if (optind >= argc) {
		dt_usage(stderr);
		return CMD_ERROR;
	}
	cmd = dt_cmd_find(argv[optind]);
	if (!cmd) {
		fprintf(stderr, "%s: %s is not an lttng-dt command. See 'lttng-dt --help'.\n",
			progname, argv[optind]);
		return CMD_UNDEFINED;
	}
	return dt_run(cmd, argc - optind, (const char **)argv + optind);
}
