/* SPDX-License-Identifier: (GPL-2.0-only OR MIT) */
/*
 * lttng-dt kernel ABI: the 0xF6 ioctl commands and the packed argument
 * structures exchanged through /proc/lttng and the file descriptors it
 * hands out.
 *
 * The numbers and layouts are those of lttng-modules 2.13 (ABI 2.6), so
 * that the stock lttng-tools drive this tracer unchanged. This header is
 * shared by the kernel modules and by the userspace tools and tests; it
 * only depends on <linux/ioctl.h> and <linux/types.h>.
 *
 * Object model: every tracer object (session, channel, stream, event) is
 * an anonymous file descriptor returned as the positive result of the
 * ioctl that creates it. Commands are grouped below by the descriptor
 * they are issued on.
 */
#ifndef _LTTNG_ABI_H
#define _LTTNG_ABI_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define LTTNG_ABI_IOC			0xF6

/* Version reported by TRACER_ABI_VERSION. */
#define LTTNG_ABI_MAJOR_VERSION		2
#define LTTNG_ABI_MINOR_VERSION		6

/* Version reported by TRACER_VERSION: the lttng-modules release we match. */
#define LTTNG_TRACER_MAJOR		2
#define LTTNG_TRACER_MINOR		13
#define LTTNG_TRACER_PATCHLEVEL		9

#define LTTNG_ABI_SYM_NAME_LEN			256
#define LTTNG_ABI_SESSION_NAME_LEN		256
#define LTTNG_ABI_SESSION_CREATION_TIME_LEN	26

#define LTTNG_ABI_CHANNEL_PADDING	(LTTNG_ABI_SYM_NAME_LEN + 32)
#define LTTNG_ABI_EVENT_PADDING1	8
#define LTTNG_ABI_EVENT_PADDING2	(LTTNG_ABI_SYM_NAME_LEN + 32)
#define LTTNG_ABI_CONTEXT_PADDING1	16
#define LTTNG_ABI_CONTEXT_PADDING2	(LTTNG_ABI_SYM_NAME_LEN + 32)

#define LTTNG_ABI_PACKED		__attribute__((packed))

/* Values of lttng_abi_event.instrumentation. */
enum lttng_abi_instrumentation {
	LTTNG_ABI_TRACEPOINT	= 0,
	LTTNG_ABI_KPROBE	= 1,
	LTTNG_ABI_FUNCTION	= 2,
	LTTNG_ABI_KRETPROBE	= 3,
	LTTNG_ABI_NOOP		= 4,
	LTTNG_ABI_SYSCALL	= 5,
	LTTNG_ABI_UPROBE	= 6,
};

/* Values of lttng_abi_channel.output. */
enum lttng_abi_output {
	LTTNG_ABI_OUTPUT_SPLICE	= 0,
	LTTNG_ABI_OUTPUT_MMAP	= 1,
};

/* Values of lttng_abi_tracker_args.type: which id of a process is tracked. */
enum lttng_abi_tracker_type {
	LTTNG_ABI_TRACKER_PID	= 0,	/* process id (thread group) */
	LTTNG_ABI_TRACKER_VPID	= 1,	/* process id in its pid namespace */
	LTTNG_ABI_TRACKER_UID	= 2,	/* real user id, initial namespace */
	LTTNG_ABI_TRACKER_VUID	= 3,	/* real user id, its user namespace */
	LTTNG_ABI_TRACKER_GID	= 4,	/* real group id, initial namespace */
	LTTNG_ABI_TRACKER_VGID	= 5,	/* real group id, its user namespace */
};

/* Values of lttng_abi_calibrate.type. */
enum lttng_abi_calibrate_type {
	LTTNG_ABI_CALIBRATE_KRETPROBE = 0,
};

struct lttng_abi_tracer_version {
	__u32 major;
	__u32 minor;
	__u32 patchlevel;
} LTTNG_ABI_PACKED;

struct lttng_abi_tracer_abi_version {
	__u32 major;
	__u32 minor;
} LTTNG_ABI_PACKED;

struct lttng_abi_calibrate {
	__u32 type;		/* enum lttng_abi_calibrate_type */
} LTTNG_ABI_PACKED;

struct lttng_abi_session_name {
	char name[LTTNG_ABI_SESSION_NAME_LEN];	/* NUL-terminated */
} LTTNG_ABI_PACKED;

struct lttng_abi_session_creation_time {
	char iso8601[LTTNG_ABI_SESSION_CREATION_TIME_LEN]; /* NUL-terminated */
} LTTNG_ABI_PACKED;

struct lttng_abi_channel {
	__u64 subbuf_size;		/* bytes, power of two */
	__u64 num_subbuf;		/* power of two */
	__u32 switch_timer_interval;	/* us, 0 = off */
	__u32 read_timer_interval;	/* us */
	__u32 output;			/* enum lttng_abi_output */
	__s32 overwrite;		/* 1: overwrite, 0: discard */
	char padding[LTTNG_ABI_CHANNEL_PADDING];
} LTTNG_ABI_PACKED;

struct lttng_abi_kprobe {
	__u64 addr;
	__u64 offset;
	char symbol_name[LTTNG_ABI_SYM_NAME_LEN];
} LTTNG_ABI_PACKED;

struct lttng_abi_kretprobe {
	__u64 addr;
	__u64 offset;
	char symbol_name[LTTNG_ABI_SYM_NAME_LEN];
	__u8 entryexit;
} LTTNG_ABI_PACKED;

struct lttng_abi_function_tracer {
	char symbol_name[LTTNG_ABI_SYM_NAME_LEN];
} LTTNG_ABI_PACKED;

struct lttng_abi_uprobe {
	__s32 fd;	/* a descriptor of the caller on the probed binary */
} LTTNG_ABI_PACKED;

struct lttng_abi_syscall {
	__u8 entryexit;
	__u8 abi;
	__u8 match;
	__u8 padding;
	__u32 nr;
} LTTNG_ABI_PACKED;

struct lttng_abi_event {
	char name[LTTNG_ABI_SYM_NAME_LEN];
	__u32 instrumentation;		/* enum lttng_abi_instrumentation */
	__u64 token;
	char padding[LTTNG_ABI_EVENT_PADDING1];
	union {
		struct lttng_abi_kretprobe kretprobe;
		struct lttng_abi_kprobe kprobe;
		struct lttng_abi_function_tracer ftrace;
		struct lttng_abi_uprobe uprobe;
		struct lttng_abi_syscall syscall;
		char padding[LTTNG_ABI_EVENT_PADDING2];
	} u;
} LTTNG_ABI_PACKED;

/*
 * SYSCALL_MASK: len is in bits. Called with len smaller than the table,
 * the tracer writes the table's length into len; with enough room it
 * writes one bit per syscall number, set if the channel records its
 * entry or exit, most significant bit of each byte first.
 */
/* ADD_CALLSITE on a uprobe event: one more place to probe in its binary. */
struct lttng_abi_event_callsite {
	union {
		struct {
			__u64 offset;	/* in the file */
		} LTTNG_ABI_PACKED uprobe;
	} u;
} LTTNG_ABI_PACKED;

struct lttng_abi_syscall_mask {
	__u32 len;
	char mask[];
} LTTNG_ABI_PACKED;

struct lttng_abi_perf_counter_ctx {
	__u32 type;
	__u64 config;
	char name[LTTNG_ABI_SYM_NAME_LEN];
} LTTNG_ABI_PACKED;

struct lttng_abi_context {
	__u32 ctx;			/* context type */
	char padding[LTTNG_ABI_CONTEXT_PADDING1];
	union {
		struct lttng_abi_perf_counter_ctx perf_counter;
		char padding[LTTNG_ABI_CONTEXT_PADDING2];
	} u;
} LTTNG_ABI_PACKED;

/* TRACK_ID, UNTRACK_ID, LIST_TRACKER_IDS; id -1: every id. */
struct lttng_abi_tracker_args {
	__u32 type;			/* enum lttng_abi_tracker_type */
	__s32 id;
};

/* Commands on the /proc/lttng descriptor. */
#define LTTNG_ABI_SESSION			_IO(LTTNG_ABI_IOC, 0x45)
#define LTTNG_ABI_TRACER_VERSION		\
	_IOR(LTTNG_ABI_IOC, 0x46, struct lttng_abi_tracer_version)
#define LTTNG_ABI_TRACEPOINT_LIST		_IO(LTTNG_ABI_IOC, 0x47)
#define LTTNG_ABI_WAIT_QUIESCENT		_IO(LTTNG_ABI_IOC, 0x48)
#define LTTNG_ABI_CALIBRATE			\
	_IOWR(LTTNG_ABI_IOC, 0x49, struct lttng_abi_calibrate)
#define LTTNG_ABI_SYSCALL_LIST			_IO(LTTNG_ABI_IOC, 0x4A)
#define LTTNG_ABI_TRACER_ABI_VERSION		\
	_IOR(LTTNG_ABI_IOC, 0x4B, struct lttng_abi_tracer_abi_version)
#define LTTNG_ABI_EVENT_NOTIFIER_GROUP_CREATE	_IO(LTTNG_ABI_IOC, 0x4C)

/* Commands on a session descriptor. */
#define LTTNG_ABI_METADATA			\
	_IOW(LTTNG_ABI_IOC, 0x54, struct lttng_abi_channel)
#define LTTNG_ABI_CHANNEL			\
	_IOW(LTTNG_ABI_IOC, 0x55, struct lttng_abi_channel)
#define LTTNG_ABI_SESSION_START			_IO(LTTNG_ABI_IOC, 0x56)
#define LTTNG_ABI_SESSION_STOP			_IO(LTTNG_ABI_IOC, 0x57)
#define LTTNG_ABI_SESSION_TRACK_PID		_IOW(LTTNG_ABI_IOC, 0x58, __s32)
#define LTTNG_ABI_SESSION_UNTRACK_PID		_IOW(LTTNG_ABI_IOC, 0x59, __s32)
#define LTTNG_ABI_SESSION_LIST_TRACKER_PIDS	_IO(LTTNG_ABI_IOC, 0x58)
#define LTTNG_ABI_SESSION_METADATA_REGEN	_IO(LTTNG_ABI_IOC, 0x59)
#define LTTNG_ABI_SESSION_STATEDUMP		_IO(LTTNG_ABI_IOC, 0x5C)
#define LTTNG_ABI_SESSION_SET_NAME		\
	_IOW(LTTNG_ABI_IOC, 0x5D, struct lttng_abi_session_name)
#define LTTNG_ABI_SESSION_SET_CREATION_TIME	\
	_IOW(LTTNG_ABI_IOC, 0x5E, struct lttng_abi_session_creation_time)
#define LTTNG_ABI_SESSION_LIST_TRACKER_IDS	\
	_IOW(LTTNG_ABI_IOC, 0xA0, struct lttng_abi_tracker_args)
#define LTTNG_ABI_SESSION_TRACK_ID		\
	_IOW(LTTNG_ABI_IOC, 0xA1, struct lttng_abi_tracker_args)
#define LTTNG_ABI_SESSION_UNTRACK_ID		\
	_IOW(LTTNG_ABI_IOC, 0xA2, struct lttng_abi_tracker_args)
/* lttng-modules' first numbers of the tracker commands (_IOR by mistake). */
#define LTTNG_ABI_OLD_SESSION_TRACK_PID		_IOR(LTTNG_ABI_IOC, 0x58, __s32)
#define LTTNG_ABI_OLD_SESSION_UNTRACK_PID	_IOR(LTTNG_ABI_IOC, 0x59, __s32)
#define LTTNG_ABI_OLD_SESSION_LIST_TRACKER_IDS	\
	_IOR(LTTNG_ABI_IOC, 0xA0, struct lttng_abi_tracker_args)
#define LTTNG_ABI_OLD_SESSION_TRACK_ID		\
	_IOR(LTTNG_ABI_IOC, 0xA1, struct lttng_abi_tracker_args)
#define LTTNG_ABI_OLD_SESSION_UNTRACK_ID	\
	_IOR(LTTNG_ABI_IOC, 0xA2, struct lttng_abi_tracker_args)

/* Commands on a channel descriptor. */
#define LTTNG_ABI_STREAM			_IO(LTTNG_ABI_IOC, 0x62)
#define LTTNG_ABI_EVENT				\
	_IOW(LTTNG_ABI_IOC, 0x63, struct lttng_abi_event)
#define LTTNG_ABI_SYSCALL_MASK			_IOWR(LTTNG_ABI_IOC, 0x64, __u32)
#define LTTNG_ABI_CONTEXT			\
	_IOW(LTTNG_ABI_IOC, 0x71, struct lttng_abi_context)

/* Commands on session, channel and event descriptors. */
#define LTTNG_ABI_ENABLE			_IO(LTTNG_ABI_IOC, 0x82)
#define LTTNG_ABI_DISABLE			_IO(LTTNG_ABI_IOC, 0x83)

/* Commands on an event (enabler) descriptor; the argument is a pointer. */
#define LTTNG_ABI_FILTER			_IO(LTTNG_ABI_IOC, 0x90)
#define LTTNG_ABI_ADD_CALLSITE			_IO(LTTNG_ABI_IOC, 0x91)

/* Commands on a ring-buffer stream descriptor. */
#define LTTNG_ABI_RB_SNAPSHOT			_IO(LTTNG_ABI_IOC, 0x00)
#define LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED	\
	_IOR(LTTNG_ABI_IOC, 0x01, unsigned long)
#define LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED	\
	_IOR(LTTNG_ABI_IOC, 0x02, unsigned long)
#define LTTNG_ABI_RB_GET_SUBBUF			\
	_IOW(LTTNG_ABI_IOC, 0x03, unsigned long)
#define LTTNG_ABI_RB_PUT_SUBBUF			_IO(LTTNG_ABI_IOC, 0x04)
#define LTTNG_ABI_RB_GET_NEXT_SUBBUF		_IO(LTTNG_ABI_IOC, 0x05)
#define LTTNG_ABI_RB_PUT_NEXT_SUBBUF		_IO(LTTNG_ABI_IOC, 0x06)
#define LTTNG_ABI_RB_GET_SUBBUF_SIZE		\
	_IOR(LTTNG_ABI_IOC, 0x07, unsigned long)
#define LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE	\
	_IOR(LTTNG_ABI_IOC, 0x08, unsigned long)
#define LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE	\
	_IOR(LTTNG_ABI_IOC, 0x09, unsigned long)
#define LTTNG_ABI_RB_GET_MMAP_LEN		\
	_IOR(LTTNG_ABI_IOC, 0x0A, unsigned long)
#define LTTNG_ABI_RB_GET_MMAP_READ_OFFSET	\
	_IOR(LTTNG_ABI_IOC, 0x0B, unsigned long)
#define LTTNG_ABI_RB_FLUSH			_IO(LTTNG_ABI_IOC, 0x0C)
#define LTTNG_ABI_RB_GET_METADATA_VERSION	_IOR(LTTNG_ABI_IOC, 0x0D, __u64)
#define LTTNG_ABI_RB_SNAPSHOT_SAMPLE_POSITIONS	_IO(LTTNG_ABI_IOC, 0x0E)
#define LTTNG_ABI_RB_FLUSH_EMPTY		_IO(LTTNG_ABI_IOC, 0x0F)
#define LTTNG_ABI_RB_METADATA_CACHE_DUMP	_IO(LTTNG_ABI_IOC, 0x10)
#define LTTNG_ABI_RB_CLEAR			_IO(LTTNG_ABI_IOC, 0x11)
#define LTTNG_ABI_RB_GET_NEXT_SUBBUF_METADATA_CHECK \
	_IOR(LTTNG_ABI_IOC, 0x12, __u32)
#define LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN	_IOR(LTTNG_ABI_IOC, 0x20, __u64)
#define LTTNG_ABI_RB_GET_TIMESTAMP_END		_IOR(LTTNG_ABI_IOC, 0x21, __u64)
#define LTTNG_ABI_RB_GET_EVENTS_DISCARDED	_IOR(LTTNG_ABI_IOC, 0x22, __u64)
#define LTTNG_ABI_RB_GET_CONTENT_SIZE		_IOR(LTTNG_ABI_IOC, 0x23, __u64)
#define LTTNG_ABI_RB_GET_PACKET_SIZE		_IOR(LTTNG_ABI_IOC, 0x24, __u64)
#define LTTNG_ABI_RB_GET_STREAM_ID		_IOR(LTTNG_ABI_IOC, 0x25, __u64)
#define LTTNG_ABI_RB_GET_CURRENT_TIMESTAMP	_IOR(LTTNG_ABI_IOC, 0x26, __u64)
#define LTTNG_ABI_RB_GET_SEQ_NUM		_IOR(LTTNG_ABI_IOC, 0x27, __u64)
#define LTTNG_ABI_RB_INSTANCE_ID		_IOR(LTTNG_ABI_IOC, 0x28, __u64)

/*
 * The stream commands whose argument is an unsigned long, as a 32-bit
 * caller numbers them (a 4-byte size). A 64-bit kernel answers them for
 * 32-bit processes; compiled for a 32-bit program, the names above are
 * these numbers. The others have the same number for both.
 */
#define LTTNG_ABI_RB_COMPAT_SNAPSHOT_GET_CONSUMED	_IOR(LTTNG_ABI_IOC, 0x01, __u32)
#define LTTNG_ABI_RB_COMPAT_SNAPSHOT_GET_PRODUCED	_IOR(LTTNG_ABI_IOC, 0x02, __u32)
#define LTTNG_ABI_RB_COMPAT_GET_SUBBUF			_IOW(LTTNG_ABI_IOC, 0x03, __u32)
#define LTTNG_ABI_RB_COMPAT_GET_SUBBUF_SIZE		_IOR(LTTNG_ABI_IOC, 0x07, __u32)
#define LTTNG_ABI_RB_COMPAT_GET_PADDED_SUBBUF_SIZE	_IOR(LTTNG_ABI_IOC, 0x08, __u32)
#define LTTNG_ABI_RB_COMPAT_GET_MAX_SUBBUF_SIZE		_IOR(LTTNG_ABI_IOC, 0x09, __u32)
#define LTTNG_ABI_RB_COMPAT_GET_MMAP_LEN		_IOR(LTTNG_ABI_IOC, 0x0A, __u32)
#define LTTNG_ABI_RB_COMPAT_GET_MMAP_READ_OFFSET	_IOR(LTTNG_ABI_IOC, 0x0B, __u32)

/*
 * Distributed-trace (dt) extension: commands on /proc/lttng, root only.
 * Their numbers (0xD0-0xDF) are unused by every lttng-modules ABI, so the
 * stock tools can never issue one by mistake. Times are CLOCK_MONOTONIC
 * nanoseconds, the clock of the traces.
 */
#define LTTNG_DT_ABI_MAJOR_VERSION	1
#define LTTNG_DT_ABI_MINOR_VERSION	0

/* Why a thread is flagged: a bit each, several may be set at once. */
enum lttng_dt_reason {
	LTTNG_DT_REASON_MANUAL		= 0,	/* dt-track named it */
	LTTNG_DT_REASON_INHERITED	= 1,	/* forked by a tracked thread */
	LTTNG_DT_REASON_NETWORK		= 2,	/* read a marked TCP segment */
	LTTNG_DT_NR_REASONS		= 3,
};
#define LTTNG_DT_REASON_BIT(r)		(1U << (r))

/* lttng_dt_abi_track.flags */
#define LTTNG_DT_TRACK_NO_INHERIT	(1U << 0)	/* children stay unflagged */

struct lttng_dt_abi_version {
	__u32 major;
	__u32 minor;
} LTTNG_ABI_PACKED;

/* TRACK_PID / TRACK_TID / UNTRACK_PID / UNTRACK_TID. */
struct lttng_dt_abi_track {
	__s32 id;			/* pid (every thread of it) or tid */
	__u32 flags;			/* LTTNG_DT_TRACK_*; 0 for untrack */
	char padding[24];		/* zero */
} LTTNG_ABI_PACKED;

/* One flagged thread, as LIST_THREADS reports it. */
struct lttng_dt_abi_thread {
	__s32 tid;
	__s32 pid;
	__u32 reasons;			/* LTTNG_DT_REASON_BIT() mask */
	__u32 flags;			/* LTTNG_DT_TRACK_* of the manual flag */
	__u64 since[LTTNG_DT_NR_REASONS];	/* per reason; 0 if not set */
	char comm[16];
} LTTNG_ABI_PACKED;

/*
 * LIST_THREADS: in, count is the capacity of the array at threads (a user
 * pointer); out, count is the number of flagged threads, of which
 * min(in, out) were written. Returns 0.
 */
struct lttng_dt_abi_thread_list {
	__u32 count;
	__u32 padding;
	__u64 threads;
} LTTNG_ABI_PACKED;

/*
 * GATE_SET / GATE_GET, by session name (SESSION_SET_NAME's). Every session
 * of that name is set; GATE_GET reads the first. -ENOENT when none has it
 * and no state is kept for the name.
 *
 * SET with GATE_KEEP also keeps the state for the name: a session that
 * takes the name later (sessiond makes the kernel session at the first
 * kernel channel) starts with it, until the last session of that name is
 * destroyed. SET with GATE_FORGET drops a kept state (gated is ignored).
 * GET sets GATE_KEPT in flags when it answers from a kept state, no
 * session having the name yet (counters 0).
 */
#define LTTNG_DT_ABI_GATE_KEEP		(1U << 0)	/* in, SET */
#define LTTNG_DT_ABI_GATE_FORGET	(1U << 1)	/* in, SET */
#define LTTNG_DT_ABI_GATE_KEPT		(1U << 2)	/* out, GET */
/* How many names can have a kept state at once. */
#define LTTNG_DT_ABI_GATE_KEPT_MAX	64

struct lttng_dt_abi_gate {
	char session_name[LTTNG_ABI_SESSION_NAME_LEN];
	__u32 gated;			/* in for SET, out for GET: 0 or 1 */
	__u32 flags;			/* LTTNG_DT_ABI_GATE_*; 0 in for GET */
	__u64 gated_out;		/* out: events the gate refused */
	__u64 passed;			/* out: events the gate let through */
	char reserved[32];		/* zero */
} LTTNG_ABI_PACKED;

/* STATS: counters of the whole extension since it was loaded. */
struct lttng_dt_abi_stats {
	__u64 flagged_threads;		/* now */
	__u64 flags_set[LTTNG_DT_NR_REASONS];
	__u64 flags_cleared;		/* by untrack, exit or expiry */
	/* The TCP mark (module lttng-dt-tcp); all 0 while it never loaded. */
	__u64 marks_sent;		/* data segments sent marked */
	__u64 marks_received;		/* marked data segments received */
	__u64 marks_untrusted;		/* ignored: source not in the trust list */
	__u64 marks_ratelimited;	/* ignored: over the network flag rate */
	__u64 net_cleared_response;	/* network reasons cleared by a send */
	__u64 net_expired;		/* network reasons cleared by idleness */
	__u64 reserved[21];		/* zero */
} LTTNG_ABI_PACKED;

/*
 * TRUST_ADD / TRUST_REMOVE: one source network of the TCP mark's trust
 * list (module lttng-dt-tcp; -ENODEV while it is not loaded). Marks from
 * other sources are ignored, unless the list is empty.
 */
struct lttng_dt_abi_trust_net {
	__u32 family;			/* 2 (AF_INET) or 10 (AF_INET6) */
	__u32 prefix;			/* bits: 0-32 or 0-128 */
	__u8 addr[16];			/* network order; IPv4 in addr[0-3] */
	char padding[8];		/* zero */
} LTTNG_ABI_PACKED;

/* TRUST_LIST: as LIST_THREADS, of lttng_dt_abi_trust_net at nets. */
struct lttng_dt_abi_trust_list {
	__u32 count;
	__u32 padding;
	__u64 nets;
} LTTNG_ABI_PACKED;

#define LTTNG_DT_ABI_VERSION		\
	_IOR(LTTNG_ABI_IOC, 0xD0, struct lttng_dt_abi_version)
#define LTTNG_DT_ABI_TRACK_PID		\
	_IOW(LTTNG_ABI_IOC, 0xD1, struct lttng_dt_abi_track)
#define LTTNG_DT_ABI_TRACK_TID		\
	_IOW(LTTNG_ABI_IOC, 0xD2, struct lttng_dt_abi_track)
#define LTTNG_DT_ABI_UNTRACK_PID	\
	_IOW(LTTNG_ABI_IOC, 0xD3, struct lttng_dt_abi_track)
#define LTTNG_DT_ABI_UNTRACK_TID	\
	_IOW(LTTNG_ABI_IOC, 0xD4, struct lttng_dt_abi_track)
#define LTTNG_DT_ABI_UNTRACK_ALL	_IO(LTTNG_ABI_IOC, 0xD5)
#define LTTNG_DT_ABI_LIST_THREADS	\
	_IOWR(LTTNG_ABI_IOC, 0xD6, struct lttng_dt_abi_thread_list)
#define LTTNG_DT_ABI_GATE_SET		\
	_IOW(LTTNG_ABI_IOC, 0xD7, struct lttng_dt_abi_gate)
#define LTTNG_DT_ABI_GATE_GET		\
	_IOWR(LTTNG_ABI_IOC, 0xD8, struct lttng_dt_abi_gate)
#define LTTNG_DT_ABI_STATS		\
	_IOR(LTTNG_ABI_IOC, 0xD9, struct lttng_dt_abi_stats)
#define LTTNG_DT_ABI_TRUST_ADD		\
	_IOW(LTTNG_ABI_IOC, 0xDA, struct lttng_dt_abi_trust_net)
#define LTTNG_DT_ABI_TRUST_REMOVE	\
	_IOW(LTTNG_ABI_IOC, 0xDB, struct lttng_dt_abi_trust_net)
#define LTTNG_DT_ABI_TRUST_LIST		\
	_IOWR(LTTNG_ABI_IOC, 0xDC, struct lttng_dt_abi_trust_list)

#endif /* _LTTNG_ABI_H */
