/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Filters in the tracer (src/core/lttng-filter.c): the bytecode an
 * enabler holds, and the linked programs a recorder runs.
 *
 * An enabler (event file) holds at most one filter. Each recorder made
 * from matching enablers gets a filter set: one program per enabled
 * matching enabler, each linked against the recorder's own fields. The
 * event is recorded if any program admits it; an enabled matching
 * enabler without a filter admits everything, and the recorder then has
 * no set at all (NULL: the probe pays one test of a pointer).
 */
#ifndef _LTTNG_FILTER_OBJECTS_H
#define _LTTNG_FILTER_OBJECTS_H

#include <linux/list.h>
#include <linux/types.h>

#include <lttng/filter.h>

struct lttng_event_recorder;
struct lttng_enabler;

/* Validated bytecode as FILTER handed it over. */
struct lttng_filter_bc {
	u32 len;
	u32 reloc_offset;
	u8 data[];
};

struct lttng_filter_set {
	struct list_head stale;		/* waiting for the probes to leave it */
	unsigned int nr;
	const struct lttng_filter_bc **bcs;	/* what each program came from */
	struct lttng_filter_prog **progs;
};

struct lttng_filter_bc *lttng_filter_bc_from_user(const void __user *arg);

/*
 * Gives ev the set for the filters of bcs (nr of them; nr == 0 means no
 * filter). A replaced set goes to stale, to be freed by
 * lttng_filter_sets_free() once the probes are done with it.
 */
int lttng_filter_update_locked(struct lttng_event_recorder *ev,
			       const struct lttng_filter_bc **bcs, unsigned int nr,
			       struct list_head *stale);
void lttng_filter_sets_free(struct list_head *stale);
int lttng_filter_attach(struct lttng_event_recorder **recs, unsigned int nr,
			const void __user *arg);
/* A recorder being freed: no probe runs on it any more. */
void lttng_filter_set_free(struct lttng_filter_set *set);

/* Probe side: whether the captured fields pass one of the programs. */
bool lttng_filter_set_admits(const struct lttng_filter_set *set,
			     const struct lttng_filter_arg *args);

#endif /* _LTTNG_FILTER_OBJECTS_H */
