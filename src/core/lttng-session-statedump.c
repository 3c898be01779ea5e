// SPDX-License-Identifier: GPL-2.0-only
/*
 * Running the statedump for a session. The walk itself is in the module
 * lttng-statedump, which offers it here when it loads: it comes with
 * lttng-probe-statedump (its tracepoints' only user), so a system where
 * nothing can record statedump events never pays for the walk.
 */
#include <linux/string.h>

#include <lttng/statedump.h>
#include <lttng/objects.h>

/* Under lttng_sessions_lock, like every session operation that runs it. */
static lttng_statedump_fn statedump_provider;

int lttng_statedump_provider_register(lttng_statedump_fn dump)
{
	int ret = 0;

	mutex_lock(&lttng_sessions_lock);
	if (statedump_provider)
		ret = -EBUSY;
	else
		statedump_provider = dump;
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_statedump_provider_register);

/* Once this returns, no session is running the walk of the caller. */
void lttng_statedump_provider_unregister(lttng_statedump_fn dump)
{
	mutex_lock(&lttng_sessions_lock);
	if (statedump_provider == dump)
		statedump_provider = NULL;
	mutex_unlock(&lttng_sessions_lock);
}
EXPORT_SYMBOL_GPL(lttng_statedump_provider_unregister);

static bool is_statedump_event(const struct lttng_event_desc *desc)
{
	static const char prefix[] = "lttng_statedump_";

	return !strncmp(desc->name, prefix, sizeof(prefix) - 1);
}

/* Walking every thread is not free: only for a session that records some of it. */
static bool session_records_statedump_locked(struct lttng_session *session)
{
	struct lttng_event_recorder *ev;
	struct lttng_channel *chan;

	list_for_each_entry(chan, &session->channels, node)
		list_for_each_entry(ev, &chan->recorders, node)
			if (ev->registered && is_statedump_event(ev->desc))
				return true;
	return false;
}

/*
 * The session must be active already: a thread that forks or opens a
 * file while the walk runs is then either seen by the walk or recorded
 * by the session's own events, never missed by both.
 */
int lttng_session_statedump_locked(struct lttng_session *session)
{
	lockdep_assert_held(&lttng_sessions_lock);
	if (!READ_ONCE(session->active) || !statedump_provider ||
	    !session_records_statedump_locked(session))
		return 0;
	return statedump_provider(session);
}

int lttng_session_statedump(struct lttng_session *session)
{
	int ret;

	mutex_lock(&lttng_sessions_lock);
	ret = lttng_session_statedump_locked(session);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}
