// SPDX-License-Identifier: GPL-2.0-only
/*
 * Filters in the tracer: taking bytecode from FILTER, linking it for
 * each recorder, publishing the programs to the probes.
 *
 * Probes read ev->filter with preemption disabled (tracepoint callbacks,
 * the syscall and kprobe handlers), so a replaced set is freed after
 * tracepoint_synchronize_unregister(), which waits for them. A set is
 * published fully built (rcu_assign_pointer orders its stores before
 * the pointer's).
 */
#include <linux/export.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>

#include <lttng/abi.h>
#include <lttng/filter-objects.h>
#include <lttng/objects.h>
#include <lttng/tracer.h>

#include "core/lttng-filter-ctx.h"

/* The ABI header before data[]: len, reloc_offset, seqnum. */
struct filter_abi_header {
	u32 len;
	u32 reloc_offset;
	u64 seqnum;
} __packed;

struct lttng_filter_bc *lttng_filter_bc_from_user(const void __user *arg)
{
	struct filter_abi_header h;
	struct lttng_filter_bc *bc;
	int ret;

	if (copy_from_user(&h, arg, sizeof(h)))
		return ERR_PTR(-EFAULT);
	/* Bounded before anything is allocated. */
	if (h.len > LTTNG_FILTER_MAX_LEN || h.reloc_offset > h.len || !h.reloc_offset)
		return ERR_PTR(-EINVAL);
	bc = kvmalloc(struct_size(bc, data, h.len), GFP_KERNEL);
	if (!bc)
		return ERR_PTR(-ENOMEM);
	bc->len = h.len;
	bc->reloc_offset = h.reloc_offset;
	if (copy_from_user(bc->data, (const u8 __user *)arg + sizeof(h), h.len)) {
		ret = -EFAULT;
		goto fail;
	}
	ret = lttng_filter_validate(bc->data, bc->len, bc->reloc_offset);
	if (ret)
		goto fail;
	return bc;
fail:
	kvfree(bc);
	return ERR_PTR(ret);
}

void lttng_filter_set_free(struct lttng_filter_set *set)
{
	unsigned int i;

	if (!set)
		return;
	for (i = 0; i < set->nr; i++)
		lttng_filter_prog_free(set->progs[i]);
	kfree(set);
}

void lttng_filter_sets_free(struct list_head *stale)
{
	struct lttng_filter_set *set, *tmp;

	if (list_empty(stale))
		return;
	tracepoint_synchronize_unregister();
	list_for_each_entry_safe(set, tmp, stale, stale) {
		list_del(&set->stale);
		lttng_filter_set_free(set);
	}
}

static bool same_filters(const struct lttng_filter_set *set,
			 const struct lttng_filter_bc **bcs, unsigned int nr)
{
	if (!set)
		return !nr;
	return set->nr == nr && !memcmp(set->bcs, bcs, nr * sizeof(*bcs));
}

/*
 * One program per filter. A filter naming what this event lacks gets a
 * program that admits nothing, as in lttng-modules: the enabler may
 * match other events it suits.
 */
static int link_one(const struct lttng_event_recorder *ev,
		    const struct lttng_filter_bc *bc, struct lttng_filter_prog **prog)
{
	int ret;

	ret = lttng_filter_link(bc->data, bc->len, bc->reloc_offset,
				ev->desc->fields, ev->desc->nr_fields,
				&lttng_filter_kernel_env, prog);
	if (ret == -ENOMEM)
		return ret;
	if (ret) {
		*prog = lttng_filter_prog_reject_all();
		if (!*prog)
			return -ENOMEM;
	}
	return 0;
}

static struct lttng_filter_set *build_set(const struct lttng_event_recorder *ev,
					  const struct lttng_filter_bc **bcs,
					  unsigned int nr)
{
	struct lttng_filter_set *set;

	/* One allocation: the set, then its bcs[] and progs[]. */
	set = kzalloc(sizeof(*set) + nr * (sizeof(*bcs) + sizeof(*set->progs)),
		      GFP_KERNEL);
	if (!set)
		return NULL;
	set->bcs = (const struct lttng_filter_bc **)(set + 1);
	set->progs = (struct lttng_filter_prog **)(set->bcs + nr);
	memcpy(set->bcs, bcs, nr * sizeof(*bcs));
	for (set->nr = 0; set->nr < nr; set->nr++) {
		if (link_one(ev, bcs[set->nr], &set->progs[set->nr])) {
			lttng_filter_set_free(set);
			return NULL;
		}
	}
	INIT_LIST_HEAD(&set->stale);
	return set;
}

int lttng_filter_update_locked(struct lttng_event_recorder *ev,
			       const struct lttng_filter_bc **bcs, unsigned int nr,
			       struct list_head *stale)
{
	struct lttng_filter_set *old = rcu_dereference_protected(ev->filter,
								 lockdep_is_held(&lttng_sessions_lock));
	struct lttng_filter_set *set = NULL;

	if (same_filters(old, bcs, nr))
		return 0;
	if (nr) {
		set = build_set(ev, bcs, nr);
		if (!set)
			return -ENOMEM;
	}
	rcu_assign_pointer(ev->filter, set);
	if (old)
		list_add(&old->stale, stale);
	return 0;
}

/*
 * FILTER on the file of a kprobe, kretprobe or uprobe: its recorders
 * (nr of them) have no enabler and take the filter at once. The stock
 * lttng refuses such filters; the ABI takes them for other clients.
 */
int lttng_filter_attach(struct lttng_event_recorder **recs, unsigned int nr,
			const void __user *arg)
{
	const struct lttng_filter_bc *bcs[1];
	struct lttng_filter_bc *bc;
	LIST_HEAD(stale);
	unsigned int i;
	int ret = 0;

	bc = lttng_filter_bc_from_user(arg);
	if (IS_ERR(bc))
		return PTR_ERR(bc);
	bcs[0] = bc;
	mutex_lock(&lttng_sessions_lock);
	for (i = 0; i < nr; i++)
		if (rcu_access_pointer(recs[i]->filter))
			ret = -EEXIST;
	for (i = 0; !ret && i < nr; i++)
		ret = lttng_filter_update_locked(recs[i], bcs, 1, &stale);
	mutex_unlock(&lttng_sessions_lock);
	lttng_filter_sets_free(&stale);
	/* The programs are copies: the bytecode is no longer needed. */
	kvfree(bc);
	return ret;
}

bool lttng_filter_set_admits(const struct lttng_filter_set *set,
			     const struct lttng_filter_arg *args)
{
	unsigned int i;

	for (i = 0; i < set->nr; i++)
		if (lttng_filter_run(set->progs[i], args, &lttng_filter_kernel_env))
			return true;
	return false;
}
EXPORT_SYMBOL_GPL(lttng_filter_set_admits);
