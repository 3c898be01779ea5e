/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The threads dt-track and dt-untrack name: --pid and --tid lists, and
 * applying one ioctl to each of them.
 */
#ifndef _DT_TARGETS_H
#define _DT_TARGETS_H

#include "dt-abi.h"

struct dt_targets {
	int *pids;
	int npids;
	int *tids;
	int ntids;
};

enum { DT_OPT_PID = 16, DT_OPT_TID };

/* Option callback part: DT_ARGS_CONTINUE or a CMD_* code. */
int dt_targets_opt(struct dt_targets *t, int val, const char *arg);
void dt_targets_free(struct dt_targets *t);

/*
 * Issues pid_op on every pid and tid_op on every tid; says what was done
 * with done ("PID %d is now flagged...") or why not. CMD_SUCCESS when all
 * worked, CMD_ERROR when none did, CMD_WARNING in between.
 */
struct dt_targets_ops {
	enum dt_abi_op pid_op, tid_op;
	unsigned int flags;
	const char *verb;		/* "track": "Cannot track PID 3: ..." */
	const char *pid_done, *tid_done;	/* printf formats of one %d */
};
int dt_targets_apply(struct dt_abi *abi, const struct dt_targets *t,
		     const struct dt_targets_ops *ops);

#endif /* _DT_TARGETS_H */
