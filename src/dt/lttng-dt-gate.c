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

static void gate_session_destroyed(struct lttng_session *session)
{
	free_percpu(session->dt_counters);
}

static struct lttng_session_observer gate_observer = {
	.created = gate_session_created,
	.destroyed = gate_session_destroyed,
};

void lttng_dt_gate_init(void)
{
	lttng_session_observer_add(&gate_observer);
}

void lttng_dt_gate_exit(void)
{
	lttng_session_observer_remove(&gate_observer);
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
 * Calls visit on each session named name, under the sessions lock, until
 * it returns true (done). -ENOENT if no session has that name.
 */
static int for_sessions_named(const char *name,
			      bool (*visit)(struct lttng_session *session, void *arg),
			      void *arg)
{
	struct lttng_session *session;
	int ret = -ENOENT;

	mutex_lock(&lttng_sessions_lock);
	list_for_each_entry(session, lttng_session_list(), node) {
		if (strcmp(session->name, name))
			continue;
		ret = 0;
		if (visit(session, arg))
			break;
	}
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

static bool set_gated(struct lttng_session *session, void *gated)
{
	WRITE_ONCE(session->dt_gated, *(bool *)gated);
	return false;
}

/* Every session of that name; -ENOENT if none. */
int lttng_dt_gate_set(const char *name, bool gated)
{
	return for_sessions_named(name, set_gated, &gated);
}

static bool get_gate(struct lttng_session *session, void *arg)
{
	struct lttng_dt_abi_gate *out = arg;

	out->gated = READ_ONCE(session->dt_gated);
	sum_counters(session, &out->gated_out, &out->passed);
	return true;
}

/* The first session of that name; -ENOENT if none. */
int lttng_dt_gate_get(const char *name, struct lttng_dt_abi_gate *out)
{
	return for_sessions_named(name, get_gate, out);
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
