// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dynamic kernel probes: `lttng enable-event -k --probe SYM+OFF NAME` (a
 * kprobe, event NAME with field ip) and `--function SYM NAME` (a
 * kretprobe, events NAME_entry and NAME_exit with fields ip and
 * parent_ip), the lttng-modules 2.13 events.
 *
 * Unlike tracepoint enablers, each EVENT makes its recorders at once, with
 * their event ids, and places the probe: a symbol that cannot be probed
 * fails the EVENT. The recorders start disabled; the event file enables
 * them. The probe stays placed until the session goes, so its handlers
 * check the recorder and session state like every probe callback.
 */
#include <linux/kprobes.h>
#include <linux/ptrace.h>
#include <linux/slab.h>

#include <lttng/objects.h>

#include "lttng-dyn-record.h"

#define KRETPROBE_MAX_ACTIVE	64	/* concurrent calls followed */

struct lttng_kprobe {
	bool is_ret;
	bool registered;
	unsigned int nr_recorders;	/* the last one to go frees this */
	struct kprobe kp;
	struct kretprobe krp;
	struct lttng_event_recorder *rec[2];	/* kprobe: [0]; entry, exit */
	struct lttng_event_desc desc[2];
	char symbol[LTTNG_ABI_SYM_NAME_LEN];
	char name[2][LTTNG_ABI_SYM_NAME_LEN + sizeof("_entry")];
};

static const struct lttng_field_desc kprobe_fields[] = {
	LTTNG_DYN_HEX_ULONG("ip"),
};

static const struct lttng_field_desc kretprobe_fields[] = {
	LTTNG_DYN_HEX_ULONG("ip"),
	LTTNG_DYN_HEX_ULONG("parent_ip"),
};

static int kprobe_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct lttng_kprobe *k = container_of(p, struct lttng_kprobe, kp);
	unsigned long ip = (unsigned long)p->addr;

	lttng_dyn_record(k->rec[0], regs, &ip, 1);
	return 0;
}

/* A kretprobe's entry (which 0) or exit (1) record. */
static void kretprobe_hit(struct kretprobe_instance *ri, int which,
			  struct pt_regs *regs, unsigned long parent_ip)
{
	struct kretprobe *rp = get_kretprobe(ri);
	struct lttng_kprobe *k;
	unsigned long v[2];

	if (!rp)
		return;
	k = container_of(rp, struct lttng_kprobe, krp);
	v[0] = (unsigned long)rp->kp.addr;
	v[1] = parent_ip;
	lttng_dyn_record(k->rec[which], regs, v, 2);
}

/*
 * At the probed function's first instruction the return address is the
 * word on top of the stack (the kretprobe has not taken it over yet).
 */
static int kretprobe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	kretprobe_hit(ri, 0, regs, regs_get_kernel_stack_nth(regs, 0));
	return 0;
}

static int kretprobe_exit(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	kretprobe_hit(ri, 1, regs, get_kretprobe_retaddr(ri));
	return 0;
}

/* Fill k's symbol and place from the ABI's kprobe or kretprobe part. */
static int parse_location(struct lttng_kprobe *k, const struct lttng_abi_event *ev,
			  struct kprobe *kp)
{
	const char *sym = k->is_ret ? ev->u.kretprobe.symbol_name :
				      ev->u.kprobe.symbol_name;
	u64 addr = k->is_ret ? ev->u.kretprobe.addr : ev->u.kprobe.addr;
	u64 offset = k->is_ret ? ev->u.kretprobe.offset : ev->u.kprobe.offset;

	if (strnlen(sym, LTTNG_ABI_SYM_NAME_LEN) == LTTNG_ABI_SYM_NAME_LEN)
		return -EINVAL;
	if (!sym[0] && !addr)
		return -EINVAL;
	/*
	 * lttng 2.13 sends a probe given by address ("--probe 0xADDR") with
	 * the address in offset too: it is not an offset from itself.
	 */
	if (!sym[0] && offset == addr)
		offset = 0;
	if (offset > UINT_MAX)
		return -EINVAL;
	strscpy(k->symbol, sym, sizeof(k->symbol));
	kp->symbol_name = k->symbol[0] ? k->symbol : NULL;
	kp->addr = k->symbol[0] ? NULL : (kprobe_opcode_t *)(unsigned long)addr;
	kp->offset = offset;
	return 0;
}

static void set_desc(struct lttng_kprobe *k, int i, const char *name,
		     const char *suffix)
{
	struct lttng_event_desc *d = &k->desc[i];

	snprintf(k->name[i], sizeof(k->name[i]), "%s%s", name, suffix);
	d->name = k->name[i];
	d->kind = LTTNG_EVENT_KIND_KPROBE;
	d->fields = k->is_ret ? kretprobe_fields : kprobe_fields;
	d->nr_fields = k->is_ret ? ARRAY_SIZE(kretprobe_fields) :
				   ARRAY_SIZE(kprobe_fields);
	d->owner = THIS_MODULE;
}

static int place_probe(struct lttng_kprobe *k)
{
	if (!k->is_ret) {
		k->kp.pre_handler = kprobe_pre;
		return register_kprobe(&k->kp);
	}
	k->krp.entry_handler = kretprobe_entry;
	k->krp.handler = kretprobe_exit;
	k->krp.maxactive = KRETPROBE_MAX_ACTIVE;
	return register_kretprobe(&k->krp);
}

/* A recorder for k's event i, disabled and not yet on chan's list. */
static struct lttng_event_recorder *new_recorder_locked(struct lttng_channel *chan,
							struct lttng_kprobe *k, int i)
{
	struct lttng_event_recorder *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return NULL;
	ev->chan = chan;
	ev->desc = &k->desc[i];
	ev->kprobe = k;
	ev->id = chan->next_event_id++;
	k->nr_recorders++;
	return ev;
}

/* The probe is in place: the recorder joins its channel. */
static void publish_recorder_locked(struct lttng_channel *chan,
				    struct lttng_event_recorder *ev)
{
	list_add_tail(&ev->node, &chan->recorders);
}

/*
 * A kprobe or kretprobe EVENT on chan: its recorder (the entry one for a
 * kretprobe), disabled, or an error: -EINVAL for a bad location, -EEXIST
 * for a name the channel records already, register_k*probe()'s error for a
 * place that cannot be probed (-ENOENT: no such symbol).
 */
struct lttng_event_recorder *lttng_kprobe_create(struct lttng_channel *chan,
						 const struct lttng_abi_event *ev)
{
	struct lttng_kprobe *k;
	int nr, i, ret;

	if (chan->is_metadata)
		return ERR_PTR(-EPERM);
	if (strnlen(ev->name, sizeof(ev->name)) == sizeof(ev->name) || !ev->name[0])
		return ERR_PTR(-EINVAL);
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	k->is_ret = ev->instrumentation == LTTNG_ABI_KRETPROBE;
	ret = parse_location(k, ev, k->is_ret ? &k->krp.kp : &k->kp);
	if (ret)
		goto err_free;
	nr = k->is_ret ? 2 : 1;
	for (i = 0; i < nr; i++)
		set_desc(k, i, ev->name, !k->is_ret ? "" : i ? "_exit" : "_entry");

	mutex_lock(&lttng_sessions_lock);
	ret = -EEXIST;
	for (i = 0; i < nr; i++)
		if (lttng_channel_has_event_locked(chan, k->name[i]))
			goto err_unlock;
	/*
	 * Every recorder a handler can reach is complete before the probe
	 * is placed: a CPU may hit it as soon as register_k*probe() writes
	 * the breakpoint. They start disabled, so such a hit records nothing.
	 */
	ret = -ENOMEM;
	for (i = 0; i < nr; i++) {
		k->rec[i] = new_recorder_locked(chan, k, i);
		if (!k->rec[i])
			goto err_free_recorders;
	}
	ret = place_probe(k);
	if (ret)
		goto err_free_recorders;
	k->registered = true;
	for (i = 0; i < nr; i++)
		publish_recorder_locked(chan, k->rec[i]);
	mutex_unlock(&lttng_sessions_lock);
	return k->rec[0];

err_free_recorders:
	for (i = 0; i < nr; i++)
		kfree(k->rec[i]);
err_unlock:
	mutex_unlock(&lttng_sessions_lock);
err_free:
	kfree(k);
	return ERR_PTR(ret);
}

/* ENABLE and DISABLE on the event file: -EEXIST when already so. */
int lttng_kprobe_set_enabled(struct lttng_event_recorder *ev, bool enabled)
{
	struct lttng_kprobe *k = ev->kprobe;
	int i, ret = 0;

	mutex_lock(&lttng_sessions_lock);
	if (!!READ_ONCE(k->rec[0]->enabled) == enabled)
		ret = -EEXIST;
	for (i = 0; !ret && enabled && i < ARRAY_SIZE(k->rec) && k->rec[i]; i++)
		if (!lttng_recorder_described_locked(k->rec[i]))
			ret = -ENOMEM;
	for (i = 0; !ret && i < ARRAY_SIZE(k->rec) && k->rec[i]; i++)
		WRITE_ONCE(k->rec[i]->enabled, enabled);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

int lttng_kprobe_set_filter(struct lttng_event_recorder *ev, const void __user *arg)
{
	struct lttng_kprobe *k = ev->kprobe;

	return lttng_filter_attach(k->rec, k->rec[1] ? 2 : 1, arg);
}

/* Take the probe out; returns once no handler of it runs any more. */
void lttng_kprobe_unregister_locked(struct lttng_kprobe *k)
{
	if (!k->registered)
		return;
	if (k->is_ret)
		unregister_kretprobe(&k->krp);
	else
		unregister_kprobe(&k->kp);
	k->registered = false;
}

/* A recorder goes, after the probe was taken out; the last frees it. */
void lttng_kprobe_free_recorder(struct lttng_event_recorder *ev)
{
	struct lttng_kprobe *k = ev->kprobe;

	kfree(ev);
	if (--k->nr_recorders)
		return;
	WARN_ON_ONCE(k->registered);
	kfree(k);
}
