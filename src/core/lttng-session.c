// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sessions: creation, naming, start, stop and destruction.
 */
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>
#include <linux/uuid.h>

#include <lttng/objects.h>
#include <lttng/syscalls.h>
#include <lttng/id-tracker.h>

#include "lib/ringbuffer/buffer.h"
#include "lttng-boot-id.h"

DEFINE_MUTEX(lttng_sessions_lock);
static LIST_HEAD(lttng_sessions);
static LIST_HEAD(lttng_session_observers);

struct list_head *lttng_session_list(void)
{
	lockdep_assert_held(&lttng_sessions_lock);
	return &lttng_sessions;
}

void lttng_session_observer_add(struct lttng_session_observer *observer)
{
	mutex_lock(&lttng_sessions_lock);
	WARN_ON_ONCE(!list_empty(&lttng_sessions));
	list_add_tail(&observer->node, &lttng_session_observers);
	mutex_unlock(&lttng_sessions_lock);
}

void lttng_session_observer_remove(struct lttng_session_observer *observer)
{
	mutex_lock(&lttng_sessions_lock);
	WARN_ON_ONCE(!list_empty(&lttng_sessions));
	list_del(&observer->node);
	mutex_unlock(&lttng_sessions_lock);
}

/* Tell the observers of a new session; on failure, undo those told. */
static int observers_created_locked(struct lttng_session *session)
{
	struct lttng_session_observer *o;
	int ret;

	list_for_each_entry(o, &lttng_session_observers, node) {
		ret = o->created(session);
		if (ret)
			goto undo;
	}
	return 0;
undo:
	list_for_each_entry_continue_reverse(o, &lttng_session_observers, node)
		o->destroyed(session);
	return ret;
}

static void observers_destroyed_locked(struct lttng_session *session)
{
	struct lttng_session_observer *o;

	list_for_each_entry_reverse(o, &lttng_session_observers, node)
		o->destroyed(session);
}

struct lttng_session *lttng_session_create(void)
{
	struct lttng_session *session;

	/* The metadata's clock UUID; it opens a file: before any lock. */
	lttng_boot_id_load();
	session = kzalloc(sizeof(*session), GFP_KERNEL);
	if (!session)
		return NULL;
	session->metadata = lttng_metadata_cache_create();
	if (!session->metadata)
		goto err_free;
	INIT_LIST_HEAD(&session->channels);
	generate_random_uuid(session->uuid);
	mutex_lock(&lttng_sessions_lock);
	if (observers_created_locked(session)) {
		mutex_unlock(&lttng_sessions_lock);
		goto err_metadata;
	}
	list_add_tail(&session->node, &lttng_sessions);
	mutex_unlock(&lttng_sessions_lock);
	return session;

err_metadata:
	lttng_metadata_cache_put(session->metadata);
err_free:
	kfree(session);
	return NULL;
}

/*
 * The last file referring to the session is gone. Stop recording, wait
 * until no probe can be running on its objects, then close the buffers:
 * readers still holding stream files drain them and see end of stream.
 */
void lttng_session_destroy(struct lttng_session *session)
{
	struct lttng_channel *chan, *tmp;

	mutex_lock(&lttng_sessions_lock);
	WRITE_ONCE(session->active, 0);
	list_for_each_entry(chan, &session->channels, node)
		lttng_channel_unregister_recorders_locked(chan);
	tracepoint_synchronize_unregister();
	list_for_each_entry_safe(chan, tmp, &session->channels, node)
		lttng_channel_destroy_locked(chan);
	list_del(&session->node);
	observers_destroyed_locked(session);
	lttng_metadata_cache_hangup(session->metadata);
	mutex_unlock(&lttng_sessions_lock);
	lttng_metadata_cache_put(session->metadata);
	lttng_trackers_free(session);
	kfree(session);
}

static void choose_event_headers_locked(struct lttng_session *session)
{
	struct lttng_channel *chan;

	/* Compact headers carry ids 0 to 30 without the extended form. */
	list_for_each_entry(chan, &session->channels, node)
		chan->large_header = chan->next_event_id >= 31;
}

int lttng_session_start(struct lttng_session *session)
{
	struct lttng_channel *chan;
	int ret = 0;

	mutex_lock(&lttng_sessions_lock);
	if (session->active) {
		ret = -EBUSY;
		goto out;
	}
	/*
	 * A recorder that cannot be made, described or registered fails the
	 * start, rather than leave an enabled event silently unrecorded; a
	 * start sent again tries what is missing.
	 */
	ret = lttng_session_sync_enablers_locked(session);
	if (ret)
		goto out;
	if (!session->been_active) {
		choose_event_headers_locked(session);
		ret = lttng_metadata_emit_session_locked(session);
		if (ret)
			goto out;
		session->been_active = true;
	}
	ret = lttng_session_register_recorders_locked(session);
	if (ret)
		goto out;
	list_for_each_entry(chan, &session->channels, node)
		if (chan->rb)
			lttng_rb_channel_start_timers(chan->rb);
	WRITE_ONCE(session->active, 1);
	ret = lttng_session_statedump_locked(session);
	if (ret)
		WRITE_ONCE(session->active, 0);
out:
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

/*
 * Stop recording and close the open packets, so that the consumer can
 * read everything recorded up to now (lttng stop waits for it).
 */
int lttng_session_stop(struct lttng_session *session)
{
	struct lttng_channel *chan;
	int ret = 0;

	mutex_lock(&lttng_sessions_lock);
	if (!session->active) {
		ret = -EBUSY;
		goto out;
	}
	WRITE_ONCE(session->active, 0);
	list_for_each_entry(chan, &session->channels, node) {
		/* Syscall tracepoints slow every syscall down: off at stop. */
		lttng_syscalls_unregister_locked(chan);
		if (chan->rb)
			lttng_rb_channel_flush(chan->rb, true);
	}
out:
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

static int copy_terminated_locked(char *dst, const char *src, size_t len)
{
	lockdep_assert_held(&lttng_sessions_lock);
	if (strnlen(src, len) == len)
		return -EINVAL;
	strscpy(dst, src, len);
	return 0;
}

/* Observers hear of the name: the gate finds sessions by it. */
int lttng_session_set_name(struct lttng_session *session, const char *name)
{
	struct lttng_session_observer *o;
	int ret;

	mutex_lock(&lttng_sessions_lock);
	ret = copy_terminated_locked(session->name, name, sizeof(session->name));
	if (!ret)
		list_for_each_entry(o, &lttng_session_observers, node)
			o->named(session);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

int lttng_session_set_creation_time(struct lttng_session *session,
				    const char *iso8601)
{
	int ret;

	mutex_lock(&lttng_sessions_lock);
	ret = copy_terminated_locked(session->creation_time, iso8601,
				     sizeof(session->creation_time));
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}
