// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which marks are honoured: those from loopback, always, and those from
 * the networks of the trust list, empty by default. A mark from any other
 * source is counted (marks_untrusted) and ignored, so that an outsider
 * setting the bit cannot make a server trace everything; a cross-host
 * set-up names its peers' networks (lttng dt-trust add), or every
 * address with 0.0.0.0/0 and ::/0.
 *
 * The list is the module parameter trust ("CIDR[,CIDR...]", IPv4 or
 * IPv6, e.g. 10.0.0.0/8,fd00::/8; writable at run time in
 * /sys/module/lttng_dt_tcp/parameters/trust; "" empties it), and what the
 * TRUST_ADD / TRUST_REMOVE / TRUST_LIST ioctls of lttng-tracer change
 * (lttng dt-trust). It is replaced as a whole under RCU: the packet path
 * reads it lock-free. The rate limit is lttng-dt-tcp-ratelimit.c's.
 */
#include <linux/inet.h>
#include <linux/in6.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <lttng/dt-mark.h>

#include "lttng-dt-tcp.h"

#define DT_TRUST_MAX	64

struct dt_net {
	struct in6_addr addr;		/* IPv4 as v4-mapped */
	unsigned int prefix;		/* of the 128 bits */
};

struct dt_trust {
	unsigned int n;
	struct rcu_head rcu;
	struct dt_net nets[];
};

static struct dt_trust __rcu *dt_trust;
static DEFINE_MUTEX(dt_trust_lock);
/*
 * Set once the module exits: the parameter's sysfs file outlives exit
 * until the module is freed, and a write in between must not install a
 * list nobody frees.
 */
static bool dt_trust_closed;

/* "A.B.C.D[/N]" or "X:...[/N]" into a v4-mapped or v6 prefix. */
static int parse_net(const char *s, size_t len, struct dt_net *net)
{
	const char *slash = strnchr(s, len, '/'), *end;
	size_t alen = slash ? slash - s : len;
	unsigned int prefix, max;
	struct in6_addr full;
	char num[4] = "";
	__be32 a4;

	memset(net, 0, sizeof(*net));
	if (in4_pton(s, alen, (u8 *)&a4, -1, &end) && end == s + alen) {
		ipv6_addr_set_v4mapped(a4, &full);
		max = 32;
	} else if (in6_pton(s, alen, full.s6_addr, -1, &end) &&
		   end == s + alen) {
		max = 128;
	} else {
		return -EINVAL;
	}
	prefix = max;
	if (slash) {
		if (len - alen - 1 == 0 || len - alen - 1 >= sizeof(num))
			return -EINVAL;
		memcpy(num, slash + 1, len - alen - 1);
		if (kstrtouint(num, 10, &prefix) || prefix > max)
			return -EINVAL;
	}
	net->prefix = prefix + 128 - max;
	/* Not in place: ipv6_addr_prefix() clears its destination first. */
	ipv6_addr_prefix(&net->addr, &full, net->prefix);
	return 0;
}

static struct dt_trust *parse_list(const char *val)
{
	struct dt_trust *t = kzalloc(struct_size(t, nets, DT_TRUST_MAX), GFP_KERNEL);
	const char *p = val;

	if (!t)
		return ERR_PTR(-ENOMEM);
	while (*p && *p != '\n') {
		size_t len = strcspn(p, ",\n");

		if (t->n == DT_TRUST_MAX || parse_net(p, len, &t->nets[t->n])) {
			kfree(t);
			return ERR_PTR(-EINVAL);
		}
		t->n++;
		p += len;
		if (*p == ',')
			p++;
	}
	return t;
}

static void replace_locked(struct dt_trust *new)
{
	struct dt_trust *old;

	old = rcu_replace_pointer(dt_trust, new, lockdep_is_held(&dt_trust_lock));
	if (old)
		kfree_rcu(old, rcu);
}

static int trust_set(const char *val, const struct kernel_param *kp)
{
	struct dt_trust *new = parse_list(val);

	if (IS_ERR(new))
		return PTR_ERR(new);
	mutex_lock(&dt_trust_lock);
	if (dt_trust_closed) {
		mutex_unlock(&dt_trust_lock);
		kfree(new);
		return -ENODEV;
	}
	replace_locked(new);
	mutex_unlock(&dt_trust_lock);
	return 0;
}

static int trust_get(char *buf, const struct kernel_param *kp)
{
	struct dt_trust *t;
	unsigned int i;
	int n = 0;

	mutex_lock(&dt_trust_lock);
	t = rcu_dereference_protected(dt_trust, lockdep_is_held(&dt_trust_lock));
	for (i = 0; t && i < t->n; i++) {
		const struct dt_net *net = &t->nets[i];
		const char *sep = i ? "," : "";

		if (ipv6_addr_v4mapped(&net->addr))
			n += scnprintf(buf + n, PAGE_SIZE - n, "%s%pI4/%u", sep,
				       &net->addr.s6_addr32[3], net->prefix - 96);
		else
			n += scnprintf(buf + n, PAGE_SIZE - n, "%s%pI6c/%u", sep,
				       &net->addr, net->prefix);
	}
	mutex_unlock(&dt_trust_lock);
	n += scnprintf(buf + n, PAGE_SIZE - n, "\n");
	return n;
}

static const struct kernel_param_ops trust_ops = {
	.set = trust_set,
	.get = trust_get,
};
module_param_cb(trust, &trust_ops, NULL, 0644);
MODULE_PARM_DESC(trust, "Networks whose marks are honoured besides loopback, CIDR[,CIDR...]; empty: loopback only");

/* The peer of sk (the marked segment's source) as a v4-mapped or v6 address. */
void dt_peer_addr(const struct sock *sk, struct in6_addr *a)
{
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6) {
		*a = sk->sk_v6_daddr;
		return;
	}
#endif
	ipv6_addr_set_v4mapped(inet_sk(sk)->inet_daddr, a);
}

/* 127.0.0.0/8 (v4-mapped, so also an IPv6 socket's IPv4 peer) or ::1. */
static bool peer_is_loopback(const struct in6_addr *a)
{
	if (ipv6_addr_v4mapped(a))
		return ipv4_is_loopback(a->s6_addr32[3]);
	return ipv6_addr_loopback(a);
}

bool dt_trust_allows(const struct sock *sk)
{
	struct in6_addr peer;
	struct dt_trust *t;
	bool ok = false;
	unsigned int i;

	dt_peer_addr(sk, &peer);
	if (peer_is_loopback(&peer))
		return true;
	rcu_read_lock();
	t = rcu_dereference(dt_trust);
	for (i = 0; t && i < t->n && !ok; i++)
		ok = ipv6_prefix_equal(&peer, &t->nets[i].addr,
				       t->nets[i].prefix);
	rcu_read_unlock();
	return ok;
}

/* The ioctls' form: IPv4 as itself, not v4-mapped. */
static void from_abi(const struct lttng_dt_abi_trust_net *a, struct dt_net *net)
{
	struct in6_addr full;
	__be32 a4;

	if (a->family == AF_INET) {
		memcpy(&a4, a->addr, 4);
		ipv6_addr_set_v4mapped(a4, &full);
		net->prefix = a->prefix + 96;
	} else {
		memcpy(full.s6_addr, a->addr, 16);
		net->prefix = a->prefix;
	}
	ipv6_addr_prefix(&net->addr, &full, net->prefix);
}

static void to_abi(const struct dt_net *net, struct lttng_dt_abi_trust_net *a)
{
	memset(a, 0, sizeof(*a));
	if (ipv6_addr_v4mapped(&net->addr) && net->prefix >= 96) {
		a->family = AF_INET;
		a->prefix = net->prefix - 96;
		memcpy(a->addr, &net->addr.s6_addr32[3], 4);
	} else {
		a->family = AF_INET6;
		a->prefix = net->prefix;
		memcpy(a->addr, net->addr.s6_addr, 16);
	}
}

static int find_locked(const struct dt_trust *t, const struct dt_net *net)
{
	unsigned int i;

	for (i = 0; t && i < t->n; i++)
		if (t->nets[i].prefix == net->prefix &&
		    ipv6_addr_equal(&t->nets[i].addr, &net->addr))
			return i;
	return -1;
}

/* A copy of the list without entry skip (-1: none), room for one more. */
static struct dt_trust *copy_locked(const struct dt_trust *t, int skip)
{
	struct dt_trust *new = kzalloc(struct_size(new, nets, DT_TRUST_MAX), GFP_KERNEL);
	unsigned int i;

	if (!new)
		return NULL;
	for (i = 0; t && i < t->n; i++)
		if ((int)i != skip)
			new->nets[new->n++] = t->nets[i];
	return new;
}

static int trust_add(const struct lttng_dt_abi_trust_net *a)
{
	struct dt_trust *t, *new;
	struct dt_net net;
	int ret = 0;

	from_abi(a, &net);
	mutex_lock(&dt_trust_lock);
	t = rcu_dereference_protected(dt_trust, lockdep_is_held(&dt_trust_lock));
	if (find_locked(t, &net) >= 0) {
		ret = -EEXIST;
		goto out;
	}
	if (t && t->n == DT_TRUST_MAX) {
		ret = -ENOSPC;
		goto out;
	}
	new = copy_locked(t, -1);
	if (!new) {
		ret = -ENOMEM;
		goto out;
	}
	new->nets[new->n++] = net;
	replace_locked(new);
out:
	mutex_unlock(&dt_trust_lock);
	return ret;
}

static int trust_remove(const struct lttng_dt_abi_trust_net *a)
{
	struct dt_trust *t, *new;
	struct dt_net net;
	int i, ret = 0;

	from_abi(a, &net);
	mutex_lock(&dt_trust_lock);
	t = rcu_dereference_protected(dt_trust, lockdep_is_held(&dt_trust_lock));
	i = find_locked(t, &net);
	if (i < 0) {
		ret = -ENOENT;
		goto out;
	}
	new = copy_locked(t, i);
	if (!new) {
		ret = -ENOMEM;
		goto out;
	}
	replace_locked(new);
out:
	mutex_unlock(&dt_trust_lock);
	return ret;
}

static u32 trust_list(struct lttng_dt_abi_trust_net *out, u32 max)
{
	struct dt_trust *t;
	u32 i, n;

	mutex_lock(&dt_trust_lock);
	t = rcu_dereference_protected(dt_trust, lockdep_is_held(&dt_trust_lock));
	n = t ? t->n : 0;
	for (i = 0; i < n && i < max; i++)
		to_abi(&t->nets[i], &out[i]);
	mutex_unlock(&dt_trust_lock);
	return n;
}

static const struct lttng_dt_trust_ops trust_ioctl_ops = {
	.add = trust_add,
	.remove = trust_remove,
	.list = trust_list,
	.max = DT_TRUST_MAX,
};

int dt_trust_init(void)
{
	return lttng_dt_trust_register(&trust_ioctl_ops);
}

/* After the hooks are gone. */
void dt_trust_exit(void)
{
	struct dt_trust *t;

	lttng_dt_trust_unregister();
	/* A concurrent parameter write replaces the list under the lock. */
	mutex_lock(&dt_trust_lock);
	dt_trust_closed = true;
	t = rcu_replace_pointer(dt_trust, NULL, lockdep_is_held(&dt_trust_lock));
	mutex_unlock(&dt_trust_lock);
	kfree(t);
}
