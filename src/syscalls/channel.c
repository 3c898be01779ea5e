// SPDX-License-Identifier: GPL-2.0-only
/*
 * A channel's syscall recorders: its table by syscall number, its
 * callbacks on the raw_syscalls tracepoints, and SYSCALL_MASK.
 *
 * Slots are filled under lttng_sessions_lock while the callbacks may run:
 * a recorder is complete before it is published (release), the callbacks
 * read slots once (READ_ONCE). The table lives until the channel is
 * destroyed, after its callbacks are unregistered and synchronised.
 */
#include <linux/slab.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>

#include <lttng/objects.h>
#include <lttng/syscalls.h>

#include "lib/lttng-tracepoints.h"
#include "syscalls/syscalls.h"

static struct tracepoint *tp_sys_enter, *tp_sys_exit;

bool lttng_sc_find_tracepoints(void)
{
	tp_sys_enter = lttng_tracepoint_find("sys_enter");
	tp_sys_exit = lttng_tracepoint_find("sys_exit");
	return tp_sys_enter && tp_sys_exit;
}

static struct lttng_channel_syscalls *channel_table(struct lttng_channel *chan)
{
	struct lttng_channel_syscalls *sc = chan->syscalls;

	if (sc)
		return sc;
	sc = kzalloc(struct_size(sc, by_nr, 2 * lttng_sc_table_len), GFP_KERNEL);
	if (!sc)
		return NULL;
	sc->entry = sc->by_nr;
	sc->exit = sc->by_nr + lttng_sc_table_len;
	chan->syscalls = sc;
	return sc;
}

static struct lttng_event_recorder **slot(struct lttng_channel_syscalls *sc,
					  const struct lttng_event_desc *desc)
{
	bool entry = desc->kind == LTTNG_EVENT_KIND_SYSCALL_ENTRY;
	unsigned int nr = desc->syscall_nr;

	if (nr == LTTNG_SYSCALL_NR_UNKNOWN)
		return entry ? &sc->entry_unknown : &sc->exit_unknown;
	if (WARN_ON_ONCE(nr >= lttng_sc_table_len))
		return NULL;
	return entry ? &sc->entry[nr] : &sc->exit[nr];
}

int lttng_syscalls_add_recorder_locked(struct lttng_event_recorder *ev)
{
	struct lttng_channel_syscalls *sc;
	struct lttng_event_recorder **s;

	lockdep_assert_held(&lttng_sessions_lock);
	sc = channel_table(ev->chan);
	if (!sc)
		return -ENOMEM;
	s = slot(sc, ev->desc);
	if (!s)
		return -EINVAL;
	smp_store_release(s, ev);
	return 0;
}

/*
 * A failed registration (no memory for the tracepoint's new callback
 * array) is returned so that ENABLE or START fails as it does for a
 * tracepoint event; the flag stays false and the next sync tries again.
 */
static int set_registered(bool *registered, bool want, struct tracepoint *tp,
			  void *probe, struct lttng_channel *chan)
{
	int ret;

	if (want == *registered)
		return 0;
	if (want) {
		ret = tracepoint_probe_register(tp, probe, chan);
		*registered = !ret;
		return ret;
	}
	*registered = !!tracepoint_probe_unregister(tp, probe, chan);
	return 0;
}

int lttng_syscalls_sync_locked(struct lttng_channel *chan)
{
	struct lttng_channel_syscalls *sc = chan->syscalls;
	bool want_entry = false, want_exit = false;
	struct lttng_event_recorder *ev;
	int ret;

	lockdep_assert_held(&lttng_sessions_lock);
	if (!sc)
		return 0;
	list_for_each_entry(ev, &chan->recorders, node) {
		if (!ev->enabled)
			continue;
		if (ev->desc->kind == LTTNG_EVENT_KIND_SYSCALL_ENTRY)
			want_entry = true;
		else if (ev->desc->kind == LTTNG_EVENT_KIND_SYSCALL_EXIT)
			want_exit = true;
	}
	ret = set_registered(&sc->entry_registered, want_entry, tp_sys_enter,
			     lttng_sc_entry_probe, chan);
	return set_registered(&sc->exit_registered, want_exit, tp_sys_exit,
			      lttng_sc_exit_probe, chan) ?: ret;
}

void lttng_syscalls_unregister_locked(struct lttng_channel *chan)
{
	struct lttng_channel_syscalls *sc = chan->syscalls;

	lockdep_assert_held(&lttng_sessions_lock);
	if (!sc)
		return;
	set_registered(&sc->entry_registered, false, tp_sys_enter,
		       lttng_sc_entry_probe, chan);
	set_registered(&sc->exit_registered, false, tp_sys_exit,
		       lttng_sc_exit_probe, chan);
}

void lttng_syscalls_free(struct lttng_channel *chan)
{
	if (chan->syscalls)
		WARN_ON_ONCE(chan->syscalls->entry_registered ||
			     chan->syscalls->exit_registered);
	kfree(chan->syscalls);
	chan->syscalls = NULL;
}

static bool recorded(const struct lttng_event_recorder *ev)
{
	return ev && READ_ONCE(ev->enabled);
}

long lttng_syscalls_mask(struct lttng_channel *chan,
			 struct lttng_abi_syscall_mask __user *umask)
{
	size_t bytes = DIV_ROUND_UP(lttng_sc_table_len, 8);
	struct lttng_channel_syscalls *sc;
	unsigned int nr;
	long ret = 0;
	u8 *bits;
	u32 len;

	if (get_user(len, &umask->len))
		return -EFAULT;
	if (len < lttng_sc_table_len)
		return put_user(lttng_sc_table_len, &umask->len);
	bits = kzalloc(bytes, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	mutex_lock(&lttng_sessions_lock);
	sc = chan->syscalls;
	for (nr = 0; sc && nr < lttng_sc_table_len; nr++)
		if (recorded(sc->entry[nr]) || recorded(sc->exit[nr]))
			bits[nr / 8] |= 0x80 >> (nr % 8);
	mutex_unlock(&lttng_sessions_lock);
	if (copy_to_user(umask->mask, bits, bytes))
		ret = -EFAULT;
	kfree(bits);
	return ret;
}
