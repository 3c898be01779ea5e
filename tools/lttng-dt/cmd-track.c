// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-track (--pid=PID[,PID]... | --tid=TID[,TID]...) [--no-inherit]
 */
#include "cli.h"
#include "dt-abi.h"
#include "mark-module.h"
#include "output.h"
#include "targets.h"

enum { OPT_NO_INHERIT = DT_OPT_FIRST_FREE + 32 };

static const struct poptOption track_opts[] = {
	DT_POPT_COMMON,
	{ "pid", 'p', POPT_ARG_STRING, NULL, DT_OPT_PID, NULL, NULL },
	{ "tid", 't', POPT_ARG_STRING, NULL, DT_OPT_TID, NULL, NULL },
	{ "no-inherit", 0, POPT_ARG_NONE, NULL, OPT_NO_INHERIT, NULL, NULL },
	POPT_TABLEEND
};

struct track_state {
	struct dt_targets targets;
	unsigned int flags;
};

static int track_opt(void *state, int val, const char *arg)
{
	struct track_state *st = state;

	if (val == OPT_NO_INHERIT) {
		st->flags |= LTTNG_DT_TRACK_NO_INHERIT;
		return DT_ARGS_CONTINUE;
	}
	return dt_targets_opt(&st->targets, val, arg);
}

static int track_run(struct track_state *st)
{
	struct dt_targets_ops ops = {
		.pid_op = DT_ABI_TRACK_PID,
		.tid_op = DT_ABI_TRACK_TID,
		.flags = st->flags,
		.verb = "track",
	};
	struct dt_abi abi;
	int ret;

	if (st->flags & LTTNG_DT_TRACK_NO_INHERIT) {
		ops.pid_done = "PID %d is flagged: its threads now, not what they fork";
		ops.tid_done = "TID %d is flagged, not what it forks";
	} else {
		ops.pid_done = "PID %d is flagged: its threads now and what they fork from now on";
		ops.tid_done = "TID %d is flagged, and what it forks from now on";
	}
	ret = dt_cmd_open(&abi);
	if (ret)
		return ret;
	/* Marking first: what the threads send from now on is marked. */
	dt_warn_if_no_mark();
	ret = dt_targets_apply(&abi, &st->targets, &ops);
	dt_abi_close(&abi);
	return ret;
}

int dt_cmd_track(int argc, const char **argv)
{
	struct track_state st = { .flags = 0 };
	struct dt_args args;
	int ret;

	ret = dt_args_parse(&args, argc, argv, track_opts, track_opt, &st);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = dt_cmd_no_positional(&args);
	if (ret)
		goto out;
	if (!st.targets.npids && !st.targets.ntids) {
		dt_err("Please name threads to track with --pid or --tid");
		ret = CMD_ERROR;
		goto out;
	}
	ret = track_run(&st);
out:
	dt_targets_free(&st.targets);
	dt_args_free(&args);
	return ret;
}
