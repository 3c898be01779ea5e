// SPDX-License-Identifier: GPL-2.0-only
/*
 * User-space probes: `lttng enable-event -k --userspace-probe=elf:PATH:FUNC
 * NAME` (or sdt:...), the lttng-modules 2.13 event NAME with field ip (the
 * probed instruction's address in the process).
 *
 * The EVENT names the binary by a file descriptor of the caller (the
 * session daemon, which opened it); the tracer keeps the inode. The
 * daemon then adds each place to probe in that file (ADD_CALLSITE: a file
 * offset, one for a function, one per site for SDT probes). Like kprobes,
 * the recorder is made at EVENT time and enabled by its event file; the
 * uprobes stay until the session goes.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uprobes.h>

#include <lttng/objects.h>

#include "lttng-dyn-record.h"

struct lttng_uprobe_site {
	struct list_head node;		/* lttng_uprobe.sites */
	struct uprobe_consumer uc;
	loff_t offset;
	struct lttng_event_recorder *ev;
};

struct lttng_uprobe {
	struct inode *inode;
	struct list_head sites;
	bool registered;		/* sites are placed */
	struct lttng_event_desc desc;
	char name[LTTNG_ABI_SYM_NAME_LEN];
};

static const struct lttng_field_desc uprobe_fields[] = {
	LTTNG_DYN_HEX_ULONG("ip"),
};

/*
 * Called in the probed task, preemptible: the per-CPU buffers need
 * preemption off while recording.
 */
static int uprobe_hit(struct uprobe_consumer *uc, struct pt_regs *regs)
{
	struct lttng_uprobe_site *site = container_of(uc, struct lttng_uprobe_site, uc);
	unsigned long ip = instruction_pointer(regs);

	preempt_disable();
	lttng_dyn_record(site->ev, regs, &ip, 1);
	preempt_enable();
	return 0;
}

/* The inode of the caller's open file fd, with a reference. */
static struct inode *inode_of_fd(int fd)
{
	struct file *file = fget(fd);
	struct inode *inode;

	if (!file)
		return NULL;
	inode = igrab(file_inode(file));
	fput(file);
	return inode;
}

struct lttng_event_recorder *lttng_uprobe_create(struct lttng_channel *chan,
						 const struct lttng_abi_event *ev)
{
	struct lttng_event_recorder *rec;
	struct lttng_uprobe *u;
	int ret;

	if (chan->is_metadata)
		return ERR_PTR(-EPERM);
	if (strnlen(ev->name, sizeof(ev->name)) == sizeof(ev->name) || !ev->name[0])
		return ERR_PTR(-EINVAL);
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	ret = -ENOMEM;
	if (!u || !rec)
		goto err_free;
	ret = -EBADF;
	u->inode = inode_of_fd(ev->u.uprobe.fd);
	if (!u->inode)
		goto err_free;
	INIT_LIST_HEAD(&u->sites);
	strscpy(u->name, ev->name, sizeof(u->name));
	u->desc.name = u->name;
	u->desc.kind = LTTNG_EVENT_KIND_UPROBE;
	u->desc.fields = uprobe_fields;
	u->desc.nr_fields = ARRAY_SIZE(uprobe_fields);
	u->desc.owner = THIS_MODULE;
	u->registered = true;

	mutex_lock(&lttng_sessions_lock);
	if (lttng_channel_has_event_locked(chan, u->name)) {
		mutex_unlock(&lttng_sessions_lock);
		ret = -EEXIST;
		goto err_iput;
	}
	rec->chan = chan;
	rec->desc = &u->desc;
	rec->uprobe = u;
	rec->id = chan->next_event_id++;
	list_add_tail(&rec->node, &chan->recorders);
	mutex_unlock(&lttng_sessions_lock);
	return rec;

err_iput:
	iput(u->inode);
err_free:
	kfree(rec);
	kfree(u);
	return ERR_PTR(ret);
}

/* ADD_CALLSITE: probe one more file offset of the binary. */
int lttng_uprobe_add_callsite(struct lttng_event_recorder *ev, void __user *arg)
{
	struct lttng_uprobe *u = ev->uprobe;
	struct lttng_uprobe_site *site;
	struct lttng_abi_event_callsite cs;
	int ret;

	if (copy_from_user(&cs, arg, sizeof(cs)))
		return -EFAULT;
	if (cs.u.uprobe.offset > LLONG_MAX)
		return -EINVAL;
	site = kzalloc(sizeof(*site), GFP_KERNEL);
	if (!site)
		return -ENOMEM;
	site->offset = cs.u.uprobe.offset;
	site->ev = ev;
	site->uc.handler = uprobe_hit;

	mutex_lock(&lttng_sessions_lock);
	ret = -EBUSY;
	if (!u->registered)	/* the session is going */
		goto err_unlock;
	ret = uprobe_register(u->inode, site->offset, &site->uc);
	if (ret)
		goto err_unlock;
	list_add_tail(&site->node, &u->sites);
	mutex_unlock(&lttng_sessions_lock);
	return 0;

err_unlock:
	mutex_unlock(&lttng_sessions_lock);
	kfree(site);
	return ret;
}

/* ENABLE and DISABLE on the event file: -EEXIST when already so. */
int lttng_uprobe_set_enabled(struct lttng_event_recorder *ev, bool enabled)
{
	int ret = 0;

	mutex_lock(&lttng_sessions_lock);
	if (!!READ_ONCE(ev->enabled) == enabled)
		ret = -EEXIST;
	else if (enabled && !lttng_recorder_described_locked(ev))
		ret = -ENOMEM;	/* the metadata could not describe it */
	else
		WRITE_ONCE(ev->enabled, enabled);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

int lttng_uprobe_set_filter(struct lttng_event_recorder *ev, const void __user *arg)
{
	return lttng_filter_attach(&ev, 1, arg);
}

/*
 * Take every site out; uprobe_unregister() returns once no handler of the
 * consumer runs any more.
 */
void lttng_uprobe_unregister_locked(struct lttng_uprobe *u)
{
	struct lttng_uprobe_site *site, *tmp;

	list_for_each_entry_safe(site, tmp, &u->sites, node) {
		uprobe_unregister(u->inode, site->offset, &site->uc);
		list_del(&site->node);
		kfree(site);
	}
	u->registered = false;
}

void lttng_uprobe_free_recorder(struct lttng_event_recorder *ev)
{
	struct lttng_uprobe *u = ev->uprobe;

	WARN_ON_ONCE(!list_empty(&u->sites));
	iput(u->inode);
	kfree(u);
	kfree(ev);
}
