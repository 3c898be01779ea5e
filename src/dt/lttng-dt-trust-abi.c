// SPDX-License-Identifier: GPL-2.0-only
/*
 * The TRUST_* ioctls: lttng-tracer owns /proc/lttng, lttng-dt-tcp owns
 * the trust list. The module registers its operations at load; the
 * ioctls call them under trust_lock, which unregistering also takes, so
 * no call is in flight once the module has unregistered. Arguments are
 * checked here, the list's own rules (duplicates, room) there.
 */
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "lttng-dt.h"

static DEFINE_MUTEX(trust_lock);
static const struct lttng_dt_trust_ops *trust_ops;	/* trust_lock */

int lttng_dt_trust_register(const struct lttng_dt_trust_ops *ops)
{
	int ret = 0;

	mutex_lock(&trust_lock);
	if (trust_ops)
		ret = -EBUSY;
	else
		trust_ops = ops;
	mutex_unlock(&trust_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_dt_trust_register);

void lttng_dt_trust_unregister(void)
{
	mutex_lock(&trust_lock);
	trust_ops = NULL;
	mutex_unlock(&trust_lock);
}
EXPORT_SYMBOL_GPL(lttng_dt_trust_unregister);

static int get_net(struct lttng_dt_abi_trust_net *net, void __user *uarg)
{
	unsigned int i;

	if (copy_from_user(net, uarg, sizeof(*net)))
		return -EFAULT;
	for (i = 0; i < sizeof(net->padding); i++)
		if (net->padding[i])
			return -EINVAL;
	if (net->family == AF_INET)
		return net->prefix <= 32 && !memchr_inv(net->addr + 4, 0, 12) ?
		       0 : -EINVAL;
	if (net->family == AF_INET6)
		return net->prefix <= 128 ? 0 : -EINVAL;
	return -EINVAL;
}

static long list_nets(const struct lttng_dt_trust_ops *ops, void __user *uarg)
{
	struct lttng_dt_abi_trust_list list;
	struct lttng_dt_abi_trust_net *buf;
	long ret = 0;
	u32 n, total;

	if (copy_from_user(&list, uarg, sizeof(list)))
		return -EFAULT;
	if (list.padding || (list.count && !list.nets))
		return -EINVAL;
	buf = kcalloc(ops->max, sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	total = ops->list(buf, ops->max);
	n = min(total, list.count);
	if (n && copy_to_user(u64_to_user_ptr(list.nets), buf,
			      (size_t)n * sizeof(*buf)))
		ret = -EFAULT;
	list.count = total;
	if (!ret && copy_to_user(uarg, &list, sizeof(list)))
		ret = -EFAULT;
	kfree(buf);
	return ret;
}

long lttng_dt_trust_ioctl(unsigned int cmd, void __user *uarg)
{
	struct lttng_dt_abi_trust_net net;
	long ret;

	if (cmd != LTTNG_DT_ABI_TRUST_LIST) {
		ret = get_net(&net, uarg);
		if (ret)
			return ret;
	}
	mutex_lock(&trust_lock);
	if (!trust_ops)
		ret = -ENODEV;
	else if (cmd == LTTNG_DT_ABI_TRUST_ADD)
		ret = trust_ops->add(&net);
	else if (cmd == LTTNG_DT_ABI_TRUST_REMOVE)
		ret = trust_ops->remove(&net);
	else
		ret = list_nets(trust_ops, uarg);
	mutex_unlock(&trust_lock);
	return ret;
}
