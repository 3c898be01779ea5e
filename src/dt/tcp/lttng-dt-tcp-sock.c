// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-socket state of the TCP mark, keyed by the struct sock pointer.
 *
 * An entry is added when a flagged thread sends on a connected socket or
 * a trusted marked segment arrives, and removed when the socket enters
 * TCP_CLOSE (inet_sock_set_state) or, at the latest, when it is destroyed
 * (inet_sock_destruct, for IPv4 and IPv6): a later socket at the same
 * address never finds a stale entry. Only connected sockets get one: a
 * write after a reset (already TCP_CLOSE, no state change will come)
 * would otherwise leave an entry behind. The pointer is only a key, never
 * dereferenced from the table. Lookups
 * run under RCU from the packet path; insert and remove take a spinlock
 * with interrupts off, as they come from process, softirq and kprobe
 * context alike.
 */
#include <linux/hashtable.h>
#include <linux/in6.h>
#include <linux/kprobes.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include <net/tcp_states.h>

#include <lttng/dt-mark.h>

#include "lttng-dt-tcp.h"

#define DT_SOCK_BITS	10

static DEFINE_HASHTABLE(dt_socks, DT_SOCK_BITS);
static DEFINE_SPINLOCK(dt_socks_lock);
/* Entries in the table: every hook returns at once while it is 0. */
atomic_t dt_tcp_nr_socks = ATOMIC_INIT(0);

struct dt_sock *dt_sock_find(const struct sock *sk)
{
	struct dt_sock *ds;

	hash_for_each_possible_rcu(dt_socks, ds, node, (unsigned long)sk)
		if (ds->sk == sk)
			return ds;
	return NULL;
}

/* States in which the socket can still send or receive data. */
#define DT_SOCK_CONNECTED	(TCPF_ESTABLISHED | TCPF_SYN_SENT | TCPF_SYN_RECV | \
				 TCPF_CLOSE_WAIT)

/*
 * Under RCU; NULL if the socket is not connected, or if memory is short
 * (the socket then goes unmarked).
 */
struct dt_sock *dt_sock_get(const struct sock *sk)
{
	struct dt_sock *ds = dt_sock_find(sk), *new;
	unsigned long flags;

	if (ds)
		return ds;
	if (!((1 << READ_ONCE(sk->sk_state)) & DT_SOCK_CONNECTED))
		return NULL;
	new = kzalloc(sizeof(*new), GFP_ATOMIC | __GFP_NOWARN);
	if (!new)
		return NULL;
	new->sk = sk;
	spin_lock_irqsave(&dt_socks_lock, flags);
	ds = dt_sock_find(sk);
	if (!ds) {
		hash_add_rcu(dt_socks, &new->node, (unsigned long)sk);
		atomic_inc(&dt_tcp_nr_socks);
		ds = new;
		new = NULL;
	}
	spin_unlock_irqrestore(&dt_socks_lock, flags);
	kfree(new);
	return ds;
}

static void remove_locked(struct dt_sock *ds)
{
	lockdep_assert_held(&dt_socks_lock);
	hash_del_rcu(&ds->node);
	atomic_dec(&dt_tcp_nr_socks);
	kfree_rcu(ds, rcu);
}

void dt_sock_forget(const struct sock *sk)
{
	struct dt_sock *ds;
	unsigned long flags;

	spin_lock_irqsave(&dt_socks_lock, flags);
	ds = dt_sock_find(sk);
	if (ds)
		remove_locked(ds);
	spin_unlock_irqrestore(&dt_socks_lock, flags);
}

/* Any inet socket's destructor: the entry goes with its socket. */
static int destruct_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sock *sk = (const struct sock *)regs_get_kernel_argument(regs, 0);

	if (atomic_read(&dt_tcp_nr_socks))
		dt_sock_forget(sk);
	return 0;
}

static struct kprobe destruct_kp = {
	.symbol_name = "inet_sock_destruct",
	.pre_handler = destruct_pre,
};

int dt_sock_start(void)
{
	return register_kprobe(&destruct_kp);
}

void dt_sock_stop(void)
{
	unregister_kprobe(&destruct_kp);
}

/* Module exit, after every hook is gone. */
void dt_sock_forget_all(void)
{
	struct hlist_node *tmp;
	struct dt_sock *ds;
	unsigned long flags;
	int bkt;

	spin_lock_irqsave(&dt_socks_lock, flags);
	hash_for_each_safe(dt_socks, bkt, tmp, ds, node)
		remove_locked(ds);
	spin_unlock_irqrestore(&dt_socks_lock, flags);
}

static void v4_mapped(u8 *v6, __be32 a)
{
	ipv6_addr_set_v4mapped(a, (struct in6_addr *)v6);
}

/*
 * The event's view of a segment on sk (a full socket, locked by the
 * caller): sent, its source is the local end; received, the peer.
 */
void dt_sock_fill_mark(struct lttng_dt_mark *m, const struct sock *sk,
		       bool send, u32 seq, u32 len)
{
	const struct inet_sock *inet = inet_sk(sk);
	__be32 local = inet->inet_saddr, peer = inet->inet_daddr;
	u16 lport = ntohs(inet->inet_sport), pport = ntohs(inet->inet_dport);

	memset(m, 0, sizeof(*m));
	m->family = sk->sk_family;
	m->seq = seq;
	m->len = len;
	m->sport = send ? lport : pport;
	m->dport = send ? pport : lport;
	memcpy(m->saddr, send ? &local : &peer, 4);
	memcpy(m->daddr, send ? &peer : &local, 4);
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6) {
		memcpy(m->saddr_v6, send ? &sk->sk_v6_rcv_saddr : &sk->sk_v6_daddr, 16);
		memcpy(m->daddr_v6, send ? &sk->sk_v6_daddr : &sk->sk_v6_rcv_saddr, 16);
		return;
	}
#endif
	v4_mapped(m->saddr_v6, send ? local : peer);
	v4_mapped(m->daddr_v6, send ? peer : local);
}
