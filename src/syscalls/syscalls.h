/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * System-call events, inside the syscalls/ part of lttng-tracer.
 *
 * table.c turns the generated table (gen/, run at build time on the
 * kernel's own headers) into one entry and one exit event per described
 * syscall, plus syscall_entry_unknown and syscall_exit_unknown, and
 * registers them as the "syscalls" probe. Each event says, field by
 * field, where its value comes from (struct lttng_sc_op); record.c
 * follows that from the raw_syscalls tracepoints; channel.c keeps each
 * channel's table of recorders by syscall number and its callbacks.
 */
#ifndef _LTTNG_SYSCALLS_INTERNAL_H
#define _LTTNG_SYSCALLS_INTERNAL_H

#include <linux/rcupdate.h>
#include <linux/types.h>

#include <lttng/events.h>

#define LTTNG_SC_NR_ARGS	6

/* Where a field's value comes from. */
enum lttng_sc_op_kind {
	LTTNG_SC_OP_ARG,	/* argument arg, its low size bytes */
	LTTNG_SC_OP_RET,	/* the return value */
	LTTNG_SC_OP_STRING,	/* the user string argument arg points to */
	LTTNG_SC_OP_DEREF,	/* the size-byte integer argument arg points to */
	LTTNG_SC_OP_UARRAY,	/* the count size-byte integers arg points to */
	LTTNG_SC_OP_ID,		/* the syscall number (unknown events) */
	LTTNG_SC_OP_ARGS,	/* the six arguments (unknown events) */
	/*
	 * The socket address argument arg points to, its length in argument
	 * len_arg (or where len_arg points, if len_deref): family, port,
	 * IPv4 address, IPv6 address (sequences, empty if not that family).
	 */
	LTTNG_SC_OP_SA_FAMILY,
	LTTNG_SC_OP_SA_PORT,
	LTTNG_SC_OP_SA_V4,
	LTTNG_SC_OP_SA_V6,
};

struct lttng_sc_op {
	u8 kind;		/* enum lttng_sc_op_kind */
	u8 arg;
	u8 size;		/* bytes, integers */
	u8 len_arg;
	bool len_deref;
	u8 count;		/* elements, LTTNG_SC_OP_UARRAY */
};

/* The most bytes a LTTNG_SC_OP_UARRAY reads (the generator's limit). */
#define LTTNG_SC_UARRAY_MAX	64

/*
 * A syscall event: its description in the registry, its recipe, and the
 * length of its records when every field has a fixed size (integers:
 * known at build time, so these records are not sized per call), else
 * LTTNG_SC_SIZED or more (strings, socket addresses).
 */
struct lttng_sc_event {
	struct lttng_event_desc desc;
	const struct lttng_sc_op *ops;	/* one per field of desc */
	unsigned int len;
};
#define LTTNG_SC_SIZED		0x10000

/* Syscall numbers below this may be described (table.c). */
extern const unsigned int lttng_sc_table_len;

/* The entry event of each described syscall number, else NULL. */
extern const struct lttng_sc_event *const lttng_sc_entries[];

static inline bool lttng_sc_described(long nr)
{
	return nr >= 0 && nr < lttng_sc_table_len && lttng_sc_entries[nr];
}

/* A channel's syscall recorders (channel.c); chan->syscalls. */
struct lttng_channel_syscalls {
	struct lttng_event_recorder *entry_unknown, *exit_unknown;
	bool entry_registered, exit_registered;
	struct lttng_event_recorder **entry, **exit;	/* by number */
	struct lttng_event_recorder *by_nr[];		/* entry, then exit */
};

/* Look the raw_syscalls tracepoints up; false if absent (channel.c). */
bool lttng_sc_find_tracepoints(void);

/* The raw_syscalls tracepoints' callbacks, data = the channel (record.c). */
struct pt_regs;
void lttng_sc_entry_probe(void *data, struct pt_regs *regs, long id);
void lttng_sc_exit_probe(void *data, struct pt_regs *regs, long ret);

/*
 * Whether the recorder's filters, if any, admit this syscall event
 * (filter.c); one test of a pointer when it has none.
 */
struct lttng_event_recorder;
bool __lttng_sc_filter_admits(struct lttng_event_recorder *ev,
			      struct pt_regs *regs, long id, long ret);
#define lttng_sc_filter_admits(ev, regs, id, ret)			\
	(likely(!rcu_access_pointer((ev)->filter)) ||			\
	 __lttng_sc_filter_admits(ev, regs, id, ret))

#endif /* _LTTNG_SYSCALLS_INTERNAL_H */
