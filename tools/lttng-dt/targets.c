// SPDX-License-Identifier: GPL-2.0-only
/*
 * --pid/--tid lists of dt-track and dt-untrack (see targets.h).
 */
#include <stdlib.h>

#include "cli.h"
#include "output.h"
#include "targets.h"

int dt_targets_opt(struct dt_targets *t, int val, const char *arg)
{
	int ret;

	switch (val) {
	case DT_OPT_PID:
		ret = dt_parse_ids(arg, "PID", &t->pids, &t->npids);
		break;
	case DT_OPT_TID:
		ret = dt_parse_ids(arg, "TID", &t->tids, &t->ntids);
		break;
	default:
		return DT_ARGS_CONTINUE;
	}
	return ret == CMD_SUCCESS ? DT_ARGS_CONTINUE : ret;
}

void dt_targets_free(struct dt_targets *t)
{
	free(t->pids);
	free(t->tids);
	t->pids = t->tids = NULL;
	t->npids = t->ntids = 0;
}

/* One id: 1 when done, 0 when refused (and said why). */
static int dt_targets_one(struct dt_abi *abi, enum dt_abi_op op, int id,
			  unsigned int flags, const char *verb,
			  const char *kind, const char *done)
{
	int ret = dt_abi_track(abi, op, id, flags);

	if (ret) {
		dt_err("Cannot %s %s %d: %s", verb, kind, id,
		       dt_abi_strerror(op, ret));
		return 0;
	}
	dt_msg(done, id);
	return 1;
}

int dt_targets_apply(struct dt_abi *abi, const struct dt_targets *t,
		     const struct dt_targets_ops *ops)
{
	int i, ok = 0, total = t->npids + t->ntids;

	for (i = 0; i < t->npids; i++)
		ok += dt_targets_one(abi, ops->pid_op, t->pids[i], ops->flags,
				     ops->verb, "PID", ops->pid_done);
	for (i = 0; i < t->ntids; i++)
		ok += dt_targets_one(abi, ops->tid_op, t->tids[i], ops->flags,
				     ops->verb, "TID", ops->tid_done);
	if (ok == total)
		return CMD_SUCCESS;
	return ok ? CMD_WARNING : CMD_ERROR;
}
