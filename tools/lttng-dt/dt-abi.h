/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The dt ABI client: opens /proc/lttng, checks the extension is there and
 * speaks our major version, issues the dt ioctls of include/lttng/abi.h
 * and turns their errors into the messages users read. It prints
 * nothing: commands choose what to say around these messages.
 *
 * Every call returns 0 or a negative errno value (-EPROTO: the extension
 * speaks another major version of the ABI).
 */
#ifndef _DT_ABI_H
#define _DT_ABI_H

#include <stddef.h>
#include <lttng/abi.h>

struct dt_abi {
	int fd;
	struct lttng_dt_abi_version version;
};

/* What was being done, so that an errno can be told in its terms. */
enum dt_abi_op {
	DT_ABI_OPEN,		/* open + VERSION */
	DT_ABI_TRACK_PID,
	DT_ABI_TRACK_TID,
	DT_ABI_UNTRACK_PID,
	DT_ABI_UNTRACK_TID,
	DT_ABI_UNTRACK_ALL,
	DT_ABI_LIST,
	DT_ABI_GATE,
	DT_ABI_STATS,
	DT_ABI_TRUST_ADD,
	DT_ABI_TRUST_REMOVE,
	DT_ABI_TRUST_LIST,
};

int dt_abi_open(struct dt_abi *abi);
void dt_abi_close(struct dt_abi *abi);

int dt_abi_track(struct dt_abi *abi, enum dt_abi_op op, int id,
		 unsigned int flags);
int dt_abi_untrack_all(struct dt_abi *abi);
/* *threads is malloc'ed (NULL when none), *count its length. */
int dt_abi_list_threads(struct dt_abi *abi, struct lttng_dt_abi_thread **threads,
			size_t *count);
/* flags: LTTNG_DT_ABI_GATE_KEEP or _FORGET, or 0. */
int dt_abi_gate_set(struct dt_abi *abi, const char *session, int on,
		    unsigned int flags);
int dt_abi_gate_get(struct dt_abi *abi, const char *session,
		    struct lttng_dt_abi_gate *gate);
int dt_abi_stats(struct dt_abi *abi, struct lttng_dt_abi_stats *stats);
/* op: DT_ABI_TRUST_ADD or DT_ABI_TRUST_REMOVE. */
int dt_abi_trust(struct dt_abi *abi, enum dt_abi_op op,
		 const struct lttng_dt_abi_trust_net *net);
/* As dt_abi_list_threads: *nets malloc'ed (NULL when none). */
int dt_abi_trust_list(struct dt_abi *abi, struct lttng_dt_abi_trust_net **nets,
		      size_t *count);

/* The user's words for err (negative errno) returned by op. */
const char *dt_abi_strerror(enum dt_abi_op op, int err);

#endif /* _DT_ABI_H */
