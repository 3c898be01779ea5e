// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session gates: whether a session records only flagged threads' events,
 * set by session name (sessiond names every kernel session with
 * SESSION_SET_NAME), and the per-CPU counters the probes keep for it.
 */
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/string.h>

#include <lttng/objects.h>

#include "lttng-dt.h"

static bool dt_gate_default;
module_param(dt_gate_default, bool, 0644);
MODULE_PARM_DESC(dt_gate_default,
		 "New sessions start gated: they record flagged threads only (default: no)");

/* A new session gets its counters and the default gate. */
static int gate_session_created(struct lttng_session *session)
{
	session->dt_counters = alloc_percpu(struct lttng_dt_gate_counters);
	if (!session->dt_counters)
		return -ENOMEM;
	session->dt_gated = READ_ONCE(dt_gate_default);
	return 0;
}

/* A session named like a kept state starts with it. */
static void gate_session_named(struct lttng_session *session)
{
	bool gated;

	if (lttng_dt_gate_kept_locked(session->name, &gated))
		WRITE_ONCE(session->dt_gated, gated);
}

static bool name_in_use_locked(const char *name)
{
	struct lttng_session *session;

	list_for_each_entry(session, lttng_session_list(), node)
		if (!strcmp(session->name, name))
			return true;
	return false;
}

/* The last session of a name takes its kept state along. */
static void gate_session_destroyed(struct lttng_session *session)
{
	free_percpu(session->dt_counters);
	if (session->name[0] && !name_in_use_locked(session->name))
		lttng_dt_gate_forget_locked(session->name);
}

static struct lttng_session_observer gate_observer = {
	.created = gate_session_created,
	.named = gate_session_named,
	.destroyed = gate_session_destroyed,
};

void lttng_dt_gate_init(void)
{
	lttng_session_observer_add(&gate_observer);
}

void lttng_dt_gate_exit(void)
{
	lttng_session_observer_remove(&gate_observer);
	lttng_dt_gate_forget_all();
}

static void sum_counters(const struct lttng_session *session,
			 u64 *gated_out, u64 *passed)
{
	int cpu;

	*gated_out = 0;
	*passed = 0;
	for_each_possible_cpu(cpu) {
		const struct lttng_dt_gate_counters *c =
			per_cpu_ptr(session->dt_counters, cpu);

		*gated_out += READ_ONCE(c->gated_out);
		*passed += READ_ONCE(c->passed);
	}
}

/*
 * Calls visit on each session named name until it returns true (done);
 * -ENOENT if no session has that name.
 */
static int for_sessions_named_locked(const char *name,
				     bool (*visit)(struct lttng_session *session, void *arg),
				     void *arg)
{
	struct lttng_session *session;
	int ret = -ENOENT;

	lockdep_assert_held(&lttng_sessions_lock);
	list_for_each_entry(session, lttng_session_list(), node) {
		if (strcmp(session->name, name))
			continue;
		ret = 0;
		if (visit(session, arg))
			break;
	}
	return ret;
}

static bool set_gated(struct lttng_session *session, void *gated)
{
	WRITE_ONCE(session->dt_gated, *(bool *)gated);
	return false;
}

/*
 * Every session of that name, and the kept state (LTTNG_DT_ABI_GATE_*
 * flags); -ENOENT if no session has the name and no state is kept.
 */
int lttng_dt_gate_set(const char *name, bool gated, u32 flags)
{
	bool kept;
	int ret;

	mutex_lock(&lttng_sessions_lock);
	if (flags & LTTNG_DT_ABI_GATE_FORGET) {
		kept = lttng_dt_gate_kept_locked(name, &gated);
		lttng_dt_gate_forget_locked(name);
		ret = kept ? 0 : -ENOENT;
		goto out;
	}
	ret = for_sessions_named_locked(name, set_gated, &gated);
	if (lttng_dt_gate_update_kept_locked(name, gated)) {
		ret = 0;
	} else if (flags & LTTNG_DT_ABI_GATE_KEEP) {
		/* Sessions of that name have their state: keeping can fail. */
		int kept = lttng_dt_gate_keep_locked(name, gated);

		if (ret)
			ret = kept;
	}
out:
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

static bool get_gate(struct lttng_session *session, void *arg)
{
	struct lttng_dt_abi_gate *out = arg;

	out->gated = READ_ONCE(session->dt_gated);
	sum_counters(session, &out->gated_out, &out->passed);
	return true;
}

/*
 * The first session of that name, else the kept state (with
 * LTTNG_DT_ABI_GATE_KEPT); -ENOENT if neither.
 */
int lttng_dt_gate_get(const char *name, struct lttng_dt_abi_gate *out)
{
	bool gated;
	int ret;

	mutex_lock(&lttng_sessions_lock);
	ret = for_sessions_named_locked(name, get_gate, out);
	if (ret && lttng_dt_gate_kept_locked(name, &gated)) {
		out->gated = gated;
		out->flags = LTTNG_DT_ABI_GATE_KEPT;
		out->gated_out = 0;
		out->passed = 0;
		ret = 0;
	}
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

/* /proc/lttng-dt/sessions: "NAME GATED GATED_OUT PASSED" per named session. */
void lttng_dt_gate_show(struct seq_file *m)
{
	struct lttng_session *session;
	u64 gated_out, passed;

	mutex_lock(&lttng_sessions_lock);
	list_for_each_entry(session, lttng_session_list(), node) {
		if (!session->name[0])
			continue;
		sum_counters(session, &gated_out, &passed);
		seq_printf(m, "%s %d %llu %llu\n", session->name,
			   READ_ONCE(session->dt_gated), gated_out, passed);
	}
	mutex_unlock(&lttng_sessions_lock);
}
