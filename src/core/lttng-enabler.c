// SPDX-License-Identifier: GPL-2.0-only
/*
 * Enablers and event recorders.
 *
 * An enabler is what the user asked for on a channel: a name or star-glob
 * of one instrumentation kind, enabled or not. A recorder records one
 * event of the probe registry into one channel; it exists once some
 * enabler matched that event, gets the channel's next event id, and is
 * enabled while at least one matching enabler is. Recorders follow the
 * enablers and the registry whenever either changes.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include <lttng/filter-objects.h>
#include <lttng/objects.h>
#include <lttng/probes.h>
#include <lttng/syscalls.h>

#include "lib/lttng-tracepoints.h"

#define SYSCALL_ENTRY_PREFIX	"syscall_entry_"
#define SYSCALL_EXIT_PREFIX	"syscall_exit_"

static struct tracepoint *find_tracepoint(const struct lttng_event_desc *desc)
{
	if (desc->tp)
		return desc->tp;
	return lttng_tracepoint_find(desc->tp_name ? desc->tp_name : desc->name);
}

static bool enabler_matches(const struct lttng_enabler *e,
			    const struct lttng_event_desc *desc)
{
	const char *name = desc->name;

	switch (e->kind) {
	case LTTNG_EVENT_KIND_TRACEPOINT:
		if (desc->kind != LTTNG_EVENT_KIND_TRACEPOINT)
			return false;
		break;
	default:
		/* Syscall enablers name the bare syscall. */
		if (desc->kind == LTTNG_EVENT_KIND_SYSCALL_ENTRY && e->syscall_entry &&
		    str_has_prefix(name, SYSCALL_ENTRY_PREFIX))
			name += strlen(SYSCALL_ENTRY_PREFIX);
		else if (desc->kind == LTTNG_EVENT_KIND_SYSCALL_EXIT && e->syscall_exit &&
			 str_has_prefix(name, SYSCALL_EXIT_PREFIX))
			name += strlen(SYSCALL_EXIT_PREFIX);
		else
			return false;
		break;
	}
	return lttng_glob_match(e->name, name);
}

static struct lttng_event_recorder *find_recorder(struct lttng_channel *chan,
						  const struct lttng_event_desc *desc)
{
	struct lttng_event_recorder *ev;

	list_for_each_entry(ev, &chan->recorders, node)
		if (ev->desc == desc)
			return ev;
	return NULL;
}

/* Whether chan records an event of that name already. */
bool lttng_channel_has_event_locked(struct lttng_channel *chan, const char *name)
{
	struct lttng_event_recorder *ev;

	list_for_each_entry(ev, &chan->recorders, node)
		if (!strcmp(ev->desc->name, name))
			return true;
	return false;
}

static bool is_syscall(const struct lttng_event_desc *desc)
{
	return desc->kind == LTTNG_EVENT_KIND_SYSCALL_ENTRY ||
	       desc->kind == LTTNG_EVENT_KIND_SYSCALL_EXIT;
}

/* kprobe and uprobe recorders have no enabler: their event file enables them. */
static bool follows_enablers(const struct lttng_event_desc *desc)
{
	return desc->kind != LTTNG_EVENT_KIND_KPROBE &&
	       desc->kind != LTTNG_EVENT_KIND_UPROBE;
}

static int create_recorder(struct lttng_channel *chan,
			   const struct lttng_event_desc *desc)
{
	struct lttng_event_recorder *ev;
	int ret;

	/* Syscall events come from the raw_syscalls tracepoints. */
	if (!is_syscall(desc) && !find_tracepoint(desc))
		return 0;	/* not in this kernel: nothing to record */
	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return -ENOMEM;
	ev->chan = chan;
	ev->desc = desc;
	if (is_syscall(desc)) {
		ret = lttng_syscalls_add_recorder_locked(ev);
		if (ret) {
			kfree(ev);
			return ret;
		}
	}
	ev->id = chan->next_event_id++;
	list_add_tail(&ev->node, &chan->recorders);
	return 0;
}

/*
 * The filters of ev's enabled enablers, into bcs (room for max); 0 if one
 * of them has none, since that one admits every event.
 */
static unsigned int matching_filters(struct lttng_channel *chan,
				     const struct lttng_event_recorder *ev,
				     const struct lttng_filter_bc **bcs,
				     unsigned int max)
{
	struct lttng_enabler *e;
	unsigned int nr = 0;

	list_for_each_entry(e, &chan->enablers, node) {
		if (!e->enabled || !enabler_matches(e, ev->desc))
			continue;
		if (!e->filter)
			return 0;
		if (nr < max)
			bcs[nr] = e->filter;
		nr++;
	}
	return nr;
}

/* Published before the recorder is enabled: no event escapes the filter. */
static int sync_filters_locked(struct lttng_channel *chan,
			       struct lttng_event_recorder *ev,
			       struct list_head *stale)
{
	const struct lttng_filter_bc **bcs;
	unsigned int nr;
	int ret;

	nr = matching_filters(chan, ev, NULL, 0);
	if (!nr)
		return lttng_filter_update_locked(ev, NULL, 0, stale);
	bcs = kmalloc_array(nr, sizeof(*bcs), GFP_KERNEL);
	if (!bcs)
		return -ENOMEM;
	matching_filters(chan, ev, bcs, nr);
	ret = lttng_filter_update_locked(ev, bcs, nr, stale);
	kfree(bcs);
	return ret;
}

/* Returns the first error; the other recorders are synchronised anyway. */
static int sync_channel_locked(struct lttng_channel *chan)
{
	struct lttng_event_recorder *ev;
	struct lttng_enabler *e;
	LIST_HEAD(stale);
	loff_t pos;
	int ret = 0;

	/* Create the recorders that enablers ask for. */
	list_for_each_entry(e, &chan->enablers, node) {
		const struct lttng_event_desc *desc;
		enum lttng_event_kind kinds[2] = {
			e->kind == LTTNG_EVENT_KIND_TRACEPOINT ?
				LTTNG_EVENT_KIND_TRACEPOINT :
				LTTNG_EVENT_KIND_SYSCALL_ENTRY,
			LTTNG_EVENT_KIND_SYSCALL_EXIT,
		};
		int k, nr_kinds = e->kind == LTTNG_EVENT_KIND_TRACEPOINT ? 1 : 2;

		for (k = 0; k < nr_kinds; k++) {
			for (pos = 0; (desc = lttng_probes_event_at(kinds[k], pos)); pos++) {
				if (enabler_matches(e, desc) && !find_recorder(chan, desc)) {
					int err = create_recorder(chan, desc);

					ret = ret ?: err;
				}
			}
		}
	}
	/*
	 * A recorder records while one of its enablers is enabled, and only
	 * once the metadata describes it: after a failed emit it stays off,
	 * and the next sync tries again.
	 */
	list_for_each_entry(ev, &chan->recorders, node) {
		bool enabled = false;

		if (!follows_enablers(ev->desc))
			continue;
		list_for_each_entry(e, &chan->enablers, node)
			if (e->enabled && enabler_matches(e, ev->desc))
				enabled = true;
		if (enabled && !lttng_recorder_described_locked(ev)) {
			enabled = false;
			ret = ret ?: -ENOMEM;
		}
		/* Without its filters, a recorder must not record at all. */
		if (enabled && sync_filters_locked(chan, ev, &stale)) {
			enabled = false;
			ret = ret ?: -ENOMEM;
		}
		WRITE_ONCE(ev->enabled, enabled);
	}
	lttng_filter_sets_free(&stale);
	return ret;
}

/*
 * Callbacks go on the tracepoints only once the session starts: until
 * then an enabled event costs nothing, as the tracepoint stays off.
 */
int lttng_session_register_recorders_locked(struct lttng_session *session)
{
	struct lttng_event_recorder *ev;
	struct lttng_channel *chan;
	int ret = 0, err;

	lockdep_assert_held(&lttng_sessions_lock);
	list_for_each_entry(chan, &session->channels, node) {
		list_for_each_entry(ev, &chan->recorders, node) {
			if (ev->registered || ev->desc->kind != LTTNG_EVENT_KIND_TRACEPOINT)
				continue;
			err = tracepoint_probe_register(find_tracepoint(ev->desc),
							ev->desc->probe, ev);
			ev->registered = !err;
			ret = ret ?: err;
		}
		err = lttng_syscalls_sync_locked(chan);
		ret = ret ?: err;
	}
	return ret;
}

/*
 * Returns the first recorder that could not be made, described or
 * registered (the next sync tries again); the others are synchronised.
 */
int lttng_session_sync_enablers_locked(struct lttng_session *session)
{
	struct lttng_channel *chan;
	int ret = 0, err;

	lockdep_assert_held(&lttng_sessions_lock);
	lttng_probes_lock();
	list_for_each_entry(chan, &session->channels, node) {
		if (chan->is_metadata)
			continue;
		err = sync_channel_locked(chan);
		ret = ret ?: err;
	}
	lttng_probes_unlock();
	if (session->active)
		ret = ret ?: lttng_session_register_recorders_locked(session);
	return ret;
}

void lttng_channel_unregister_recorders_locked(struct lttng_channel *chan)
{
	struct lttng_event_recorder *ev;

	lttng_syscalls_unregister_locked(chan);
	list_for_each_entry(ev, &chan->recorders, node) {
		if (ev->kprobe)
			lttng_kprobe_unregister_locked(ev->kprobe);
		if (ev->uprobe)
			lttng_uprobe_unregister_locked(ev->uprobe);
		if (!ev->registered)
			continue;
		WARN_ON_ONCE(tracepoint_probe_unregister(find_tracepoint(ev->desc),
							 ev->desc->probe, ev));
		ev->registered = false;
	}
}

void lttng_channel_free_recorders_locked(struct lttng_channel *chan)
{
	struct lttng_event_recorder *ev, *tmp;

	lttng_syscalls_free(chan);
	list_for_each_entry_safe(ev, tmp, &chan->recorders, node) {
		WARN_ON_ONCE(ev->registered);
		list_del(&ev->node);
		lttng_filter_set_free(rcu_dereference_protected(ev->filter, true));
		if (ev->kprobe)
			lttng_kprobe_free_recorder(ev);
		else if (ev->uprobe)
			lttng_uprobe_free_recorder(ev);
		else
			kfree(ev);
	}
}

static int parse_event(struct lttng_enabler *e, const struct lttng_abi_event *ev)
{
	switch (ev->instrumentation) {
	case LTTNG_ABI_TRACEPOINT:
		e->kind = LTTNG_EVENT_KIND_TRACEPOINT;
		return 0;
	case LTTNG_ABI_SYSCALL:
		if (ev->u.syscall.abi || ev->u.syscall.match || ev->u.syscall.entryexit > 2)
			return -EINVAL;
		e->kind = LTTNG_EVENT_KIND_SYSCALL_ENTRY;
		e->syscall_entry = ev->u.syscall.entryexit != 2;
		e->syscall_exit = ev->u.syscall.entryexit != 1;
		return 0;
	default:
		return -EINVAL;
	}
}

struct lttng_enabler *lttng_enabler_create(struct lttng_channel *chan,
					   const struct lttng_abi_event *ev)
{
	struct lttng_enabler *e;
	int ret;

	if (chan->is_metadata)
		return ERR_PTR(-EPERM);
	if (strnlen(ev->name, sizeof(ev->name)) == sizeof(ev->name))
		return ERR_PTR(-EINVAL);
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return ERR_PTR(-ENOMEM);
	ret = parse_event(e, ev);
	if (ret) {
		kfree(e);
		return ERR_PTR(ret);
	}
	strscpy(e->name, ev->name, sizeof(e->name));
	e->chan = chan;
	mutex_lock(&lttng_sessions_lock);
	list_add_tail(&e->node, &chan->enablers);
	mutex_unlock(&lttng_sessions_lock);
	return e;
}

/*
 * An enable that cannot make, describe or register a recorder fails and
 * leaves the enabler disabled: lttng-tools then closes its file, and a
 * later sync must not start recording what the user was told failed.
 * A disable always succeeds.
 */
int lttng_enabler_set_enabled(struct lttng_enabler *e, bool enabled)
{
	struct lttng_session *session = e->chan->session;
	bool was = e->enabled;
	int ret;

	mutex_lock(&lttng_sessions_lock);
	e->enabled = enabled;
	ret = lttng_session_sync_enablers_locked(session);
	if (!enabled) {
		ret = 0;
	} else if (ret && !was) {
		e->enabled = false;
		lttng_session_sync_enablers_locked(session);
	}
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

/*
 * FILTER: one per enabler (lttng-tools makes an enabler per filter). An
 * enabled enabler's recorders take it at once.
 */
int lttng_enabler_set_filter(struct lttng_enabler *e, const void __user *arg)
{
	struct lttng_filter_bc *bc = lttng_filter_bc_from_user(arg);
	int ret = 0;

	if (IS_ERR(bc))
		return PTR_ERR(bc);
	mutex_lock(&lttng_sessions_lock);
	if (e->filter) {
		ret = -EEXIST;
	} else {
		e->filter = bc;
		bc = NULL;
		if (e->enabled)
			ret = lttng_session_sync_enablers_locked(e->chan->session);
	}
	mutex_unlock(&lttng_sessions_lock);
	kvfree(bc);
	return ret;
}

void lttng_sync_all_sessions(void)
{
	struct lttng_session *session;

	mutex_lock(&lttng_sessions_lock);
	list_for_each_entry(session, lttng_session_list(), node)
		lttng_session_sync_enablers_locked(session);
	mutex_unlock(&lttng_sessions_lock);
}

/* A probe module is going: its events stop being recorded anywhere. */
void lttng_probe_going(const struct lttng_probe *probe)
{
	struct lttng_event_recorder *ev, *tmp;
	struct lttng_session *session;
	struct lttng_channel *chan;
	bool any = false;

	lockdep_assert_held(&lttng_sessions_lock);
	list_for_each_entry(session, lttng_session_list(), node)
		list_for_each_entry(chan, &session->channels, node)
			list_for_each_entry(ev, &chan->recorders, node)
				if (ev->desc->owner == probe->owner && ev->registered) {
					tracepoint_probe_unregister(find_tracepoint(ev->desc),
								    ev->desc->probe, ev);
					ev->registered = false;
					any = true;
				}
	/* Recorders never started have no callback to wait for. */
	if (any)
		tracepoint_synchronize_unregister();
	list_for_each_entry(session, lttng_session_list(), node)
		list_for_each_entry(chan, &session->channels, node)
			list_for_each_entry_safe(ev, tmp, &chan->recorders, node)
				if (ev->desc->owner == probe->owner) {
					list_del(&ev->node);
					lttng_filter_set_free(rcu_dereference_protected(ev->filter,
											true));
					kfree(ev);
				}
}
