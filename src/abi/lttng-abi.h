/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tracer's control interface: /proc/lttng and the files it hands
 * out, one source file per kind of object.
 */
#ifndef _LTTNG_ABI_INTERNAL_H
#define _LTTNG_ABI_INTERNAL_H

#include <lttng/abi.h>
#include <lttng/events.h>

struct file;
struct lttng_channel;
struct lttng_session;

/* New read-only file listing the registered events of one kind; an fd. */
int lttng_abi_list_fd(enum lttng_event_kind kind);

/* New session file (lttng-abi-session.c). */
int lttng_abi_session_fd(void);

/*
 * The tracker commands of a session file (lttng-abi-tracker.c);
 * -ENOIOCTLCMD for any other command.
 */
long lttng_abi_tracker_ioctl(struct lttng_session *session, unsigned int cmd,
			     unsigned long arg);

/* New channel or metadata-channel file of a session (lttng-abi-channel.c). */
int lttng_abi_channel_fd(struct file *session_file,
			 const struct lttng_abi_channel *attr, bool metadata);
struct lttng_channel *lttng_abi_file_channel(struct file *chan_file);

/* New event (enabler) file of a channel (lttng-abi-event.c). */
int lttng_abi_event_fd(struct file *chan_file, const struct lttng_abi_event *ev);

#endif /* _LTTNG_ABI_INTERNAL_H */
