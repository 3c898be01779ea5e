// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate states kept by session name for sessions still to come: `lttng
 * create` makes no kernel session, sessiond makes it at the first kernel
 * channel, and a user may gate the session before that. All under
 * lttng_sessions_lock; at most LTTNG_DT_ABI_GATE_KEPT_MAX names.
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <lttng/objects.h>

#include "lttng-dt.h"

struct kept_gate {
	struct list_head node;
	bool gated;
	char name[LTTNG_ABI_SESSION_NAME_LEN];
};

static LIST_HEAD(kept_gates);
static unsigned int nr_kept;

static struct kept_gate *find_kept(const char *name)
{
	struct kept_gate *k;

	lockdep_assert_held(&lttng_sessions_lock);
	list_for_each_entry(k, &kept_gates, node)
		if (!strcmp(k->name, name))
			return k;
	return NULL;
}

/* Keep gated for name (a terminated name that fits); -ENOSPC when full. */
int lttng_dt_gate_keep_locked(const char *name, bool gated)
{
	struct kept_gate *k = find_kept(name);

	if (!k) {
		if (nr_kept >= LTTNG_DT_ABI_GATE_KEPT_MAX)
			return -ENOSPC;
		k = kzalloc(sizeof(*k), GFP_KERNEL);
		if (!k)
			return -ENOMEM;
		strscpy(k->name, name, sizeof(k->name));
		list_add_tail(&k->node, &kept_gates);
		nr_kept++;
	}
	k->gated = gated;
	return 0;
}

/* Update the kept state of name, if there is one; false if none. */
bool lttng_dt_gate_update_kept_locked(const char *name, bool gated)
{
	struct kept_gate *k = find_kept(name);

	if (k)
		k->gated = gated;
	return k;
}

/* The kept state of name, in *gated; false if none. */
bool lttng_dt_gate_kept_locked(const char *name, bool *gated)
{
	struct kept_gate *k = find_kept(name);

	if (k)
		*gated = k->gated;
	return k;
}

void lttng_dt_gate_forget_locked(const char *name)
{
	struct kept_gate *k = find_kept(name);

	if (!k)
		return;
	list_del(&k->node);
	nr_kept--;
	kfree(k);
}

/* At unload: no session is left, so no name either. */
void lttng_dt_gate_forget_all(void)
{
	struct kept_gate *k, *tmp;

	mutex_lock(&lttng_sessions_lock);
	list_for_each_entry_safe(k, tmp, &kept_gates, node) {
		list_del(&k->node);
		kfree(k);
	}
	nr_kept = 0;
	mutex_unlock(&lttng_sessions_lock);
}
