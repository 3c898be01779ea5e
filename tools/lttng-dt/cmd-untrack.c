// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-untrack (--pid=PID[,PID]... | --tid=TID[,TID]... | --all)
 */
#include "cli.h"
#include "dt-abi.h"
#include "output.h"
#include "targets.h"

enum { OPT_ALL = DT_OPT_FIRST_FREE + 32 };

static const struct poptOption untrack_opts[] = {
	DT_POPT_COMMON,
	{ "pid", 'p', POPT_ARG_STRING, NULL, DT_OPT_PID, NULL, NULL },
	{ "tid", 't', POPT_ARG_STRING, NULL, DT_OPT_TID, NULL, NULL },
	{ "all", 'a', POPT_ARG_NONE, NULL, OPT_ALL, NULL, NULL },
	POPT_TABLEEND
};

struct untrack_state {
	struct dt_targets targets;
	int all;
};

static int untrack_opt(void *state, int val, const char *arg)
{
	struct untrack_state *st = state;

	if (val == OPT_ALL) {
		st->all = 1;
		return DT_ARGS_CONTINUE;
	}
	return dt_targets_opt(&st->targets, val, arg);
}

static int untrack_all(struct dt_abi *abi)
{
	int ret = dt_abi_untrack_all(abi);

	if (ret) {
		dt_err("Cannot untrack every thread: %s",
		       dt_abi_strerror(DT_ABI_UNTRACK_ALL, ret));
		return CMD_ERROR;
	}
	dt_msg("No thread is flagged any more");
	return CMD_SUCCESS;
}

static int untrack_run(struct untrack_state *st)
{
	static const struct dt_targets_ops ops = {
		.pid_op = DT_ABI_UNTRACK_PID,
		.tid_op = DT_ABI_UNTRACK_TID,
		.verb = "untrack",
		.pid_done = "PID %d is no longer flagged",
		.tid_done = "TID %d is no longer flagged",
	};
	struct dt_abi abi;
	int ret;

	ret = dt_cmd_open(&abi);
	if (ret)
		return ret;
	if (st->all)
		ret = untrack_all(&abi);
	else
		ret = dt_targets_apply(&abi, &st->targets, &ops);
	dt_abi_close(&abi);
	return ret;
}

static int untrack_check(const struct untrack_state *st)
{
	int named = st->targets.npids || st->targets.ntids;

	if (st->all && named) {
		dt_err("--all cannot be used with --pid or --tid");
		return CMD_ERROR;
	}
	if (!st->all && !named) {
		dt_err("Please name threads to untrack with --pid, --tid or --all");
		return CMD_ERROR;
	}
	return CMD_SUCCESS;
}

int dt_cmd_untrack(int argc, const char **argv)
{
	struct untrack_state st = { .all = 0 };
	struct dt_args args;
	int ret;

	ret = dt_args_parse(&args, argc, argv, untrack_opts, untrack_opt, &st);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = dt_cmd_no_positional(&args);
	if (!ret)
		ret = untrack_check(&st);
	if (!ret)
		ret = untrack_run(&st);
out:
	dt_targets_free(&st.targets);
	dt_args_free(&args);
	return ret;
}
