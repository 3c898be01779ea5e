/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tracer object operations behind the ABI files. All of them take
 * lttng_sessions_lock themselves unless their name ends in _locked.
 */
#ifndef _LTTNG_OBJECTS_H
#define _LTTNG_OBJECTS_H

#include <linux/err.h>

#include <lttng/abi.h>
#include <lttng/tracer.h>

extern struct mutex lttng_sessions_lock;
/* All sessions, under lttng_sessions_lock. */
struct list_head *lttng_session_list(void);

/*
 * Parts that keep state per session (the distributed-trace gate) observe
 * sessions instead of the core calling them: created() runs before a new
 * session is listed (an error fails the creation), named() once sessiond
 * has named it (SESSION_SET_NAME), destroyed() once it is unlisted and no
 * probe can run on it any more. All run under lttng_sessions_lock. Observers are added before the first session
 * exists and removed after the last, at module start-up and exit.
 */
struct lttng_session_observer {
	struct list_head node;
	int (*created)(struct lttng_session *session);
	void (*named)(struct lttng_session *session);
	void (*destroyed)(struct lttng_session *session);
};
void lttng_session_observer_add(struct lttng_session_observer *observer);
void lttng_session_observer_remove(struct lttng_session_observer *observer);

/* Sessions (lttng-session.c). */
struct lttng_session *lttng_session_create(void);
void lttng_session_destroy(struct lttng_session *session);
int lttng_session_start(struct lttng_session *session);
int lttng_session_stop(struct lttng_session *session);
int lttng_session_set_name(struct lttng_session *session, const char *name);
int lttng_session_set_creation_time(struct lttng_session *session,
				    const char *iso8601);
/* The statedump of an active session (lttng-session-statedump.c). */
int lttng_session_statedump(struct lttng_session *session);
int lttng_session_statedump_locked(struct lttng_session *session);

/* Channels (lttng-channel.c). */
struct lttng_channel *lttng_channel_create(struct lttng_session *session,
					   const struct lttng_abi_channel *attr,
					   bool metadata);
void lttng_channel_destroy_locked(struct lttng_channel *chan);
int lttng_channel_set_enabled(struct lttng_channel *chan, bool enabled);

/* Enablers and recorders (lttng-enabler.c). */
struct lttng_enabler {
	struct list_head node;		/* chan->enablers */
	struct lttng_channel *chan;
	char name[LTTNG_ABI_SYM_NAME_LEN];	/* exact name or star-glob */
	enum lttng_event_kind kind;
	bool syscall_entry, syscall_exit;
	bool enabled;
	struct lttng_filter_bc *filter;	/* FILTER's bytecode, or NULL */
};

struct lttng_enabler *lttng_enabler_create(struct lttng_channel *chan,
					   const struct lttng_abi_event *ev);
int lttng_enabler_set_enabled(struct lttng_enabler *enabler, bool enabled);
int lttng_enabler_set_filter(struct lttng_enabler *enabler, const void __user *arg);
/* Make recorders follow the enablers and the registry (locked). */
int lttng_session_sync_enablers_locked(struct lttng_session *session);
int lttng_session_register_recorders_locked(struct lttng_session *session);
void lttng_channel_unregister_recorders_locked(struct lttng_channel *chan);

bool lttng_channel_has_event_locked(struct lttng_channel *chan, const char *name);

/* kprobe and kretprobe events (lttng-kprobes.c). */
#ifdef CONFIG_KRETPROBES
struct lttng_event_recorder *lttng_kprobe_create(struct lttng_channel *chan,
						 const struct lttng_abi_event *ev);
int lttng_kprobe_set_enabled(struct lttng_event_recorder *ev, bool enabled);
int lttng_kprobe_set_filter(struct lttng_event_recorder *ev, const void __user *arg);
void lttng_kprobe_unregister_locked(struct lttng_kprobe *k);
void lttng_kprobe_free_recorder(struct lttng_event_recorder *ev);
#else
/* A kernel without kprobes: the EVENT is refused, nothing else is reached. */
static inline struct lttng_event_recorder *
lttng_kprobe_create(struct lttng_channel *chan, const struct lttng_abi_event *ev)
{
	return ERR_PTR(-ENOSYS);
}
static inline int lttng_kprobe_set_enabled(struct lttng_event_recorder *ev,
					   bool enabled)
{
	return -ENOSYS;
}
static inline int lttng_kprobe_set_filter(struct lttng_event_recorder *ev,
					  const void __user *arg)
{
	return -ENOSYS;
}
static inline void lttng_kprobe_unregister_locked(struct lttng_kprobe *k)
{
}
static inline void lttng_kprobe_free_recorder(struct lttng_event_recorder *ev)
{
}
#endif

/* uprobe events (lttng-uprobes.c), where the kernel's uprobe API is known. */
#ifdef LTTNG_HAVE_UPROBE_REGISTER_INODE
struct lttng_event_recorder *lttng_uprobe_create(struct lttng_channel *chan,
						 const struct lttng_abi_event *ev);
int lttng_uprobe_add_callsite(struct lttng_event_recorder *ev, void __user *arg);
int lttng_uprobe_set_enabled(struct lttng_event_recorder *ev, bool enabled);
int lttng_uprobe_set_filter(struct lttng_event_recorder *ev, const void __user *arg);
void lttng_uprobe_unregister_locked(struct lttng_uprobe *u);
void lttng_uprobe_free_recorder(struct lttng_event_recorder *ev);
#else
static inline struct lttng_event_recorder *
lttng_uprobe_create(struct lttng_channel *chan, const struct lttng_abi_event *ev)
{
	return ERR_PTR(-ENOSYS);
}
static inline int lttng_uprobe_add_callsite(struct lttng_event_recorder *ev,
					    void __user *arg)
{
	return -ENOSYS;
}
static inline int lttng_uprobe_set_enabled(struct lttng_event_recorder *ev,
					   bool enabled)
{
	return -ENOSYS;
}
static inline int lttng_uprobe_set_filter(struct lttng_event_recorder *ev,
					  const void __user *arg)
{
	return -ENOSYS;
}
static inline void lttng_uprobe_unregister_locked(struct lttng_uprobe *u)
{
}
static inline void lttng_uprobe_free_recorder(struct lttng_event_recorder *ev)
{
}
#endif
void lttng_channel_free_recorders_locked(struct lttng_channel *chan);
/* A probe module came or is going (lttng-probes.c calls these). */
void lttng_sync_all_sessions(void);
void lttng_probe_going(const struct lttng_probe *probe);

/* Contexts (lttng-context.c). */
int lttng_context_add(struct lttng_ctx *ctx, const struct lttng_abi_context *abi);
int lttng_context_desc(unsigned int type, struct lttng_field_desc *desc);
void lttng_context_read(unsigned int type, char *dst);
void lttng_context_destroy(struct lttng_ctx *ctx);

/* Metadata (lttng-metadata.c). */
struct lttng_metadata_cache *lttng_metadata_cache_create(void);
void lttng_metadata_cache_put(struct lttng_metadata_cache *cache);
void lttng_metadata_cache_hangup(struct lttng_metadata_cache *cache);
int lttng_metadata_emit_session_locked(struct lttng_session *session);
int lttng_metadata_emit_event_locked(struct lttng_session *session,
				     struct lttng_event_recorder *ev);
/*
 * Whether ev may record: in a session that has run, only once the
 * metadata describes it (the emit is tried again here if it failed).
 */
static inline bool lttng_recorder_described_locked(struct lttng_event_recorder *ev)
{
	struct lttng_session *session = ev->chan->session;

	if (!session->been_active || ev->in_metadata)
		return true;
	return !lttng_metadata_emit_event_locked(session, ev);
}

int lttng_metadata_stream_fd(struct lttng_channel *chan);

#include <lttng/glob.h>
#define lttng_glob_match	lttng_glob_match_text

#endif /* _LTTNG_OBJECTS_H */
