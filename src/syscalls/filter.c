// SPDX-License-Identifier: GPL-2.0-only
/*
 * Filters on syscall events (lttng enable-event -k --syscall NAME
 * --filter EXPR): their fields are the syscall's arguments, as
 * recorded, and the return value on exit. They are captured only when
 * the recorder has a filter, once the gate has admitted the event.
 *
 * A user string is copied with page faults disabled into this CPU's
 * buffer (the caller has preemption disabled, and syscall tracepoints
 * do not nest), and the filter reads its first SC_FILTER_STRING_MAX - 1
 * bytes; one that cannot be read reads "(fault)", a NULL one "(null)",
 * as recorded. An array argument (pipe's fds) is copied into the same
 * buffers, zeros if it cannot be read. Socket-address fields read 0
 * (family, port) or empty (addresses): they are decoded for recording
 * only.
 */
#include <linux/percpu.h>
#include <linux/uaccess.h>
#include <asm/syscall.h>

#include <lttng/filter-objects.h>
#include <lttng/tracer.h>

#include "compat/syscall.h"
#include "syscalls/syscalls.h"

#define SC_FILTER_STRING_MAX	256
/* More than any syscall event has: six arguments, ret, one address. */
#define SC_FILTER_MAX_FIELDS	16

static DEFINE_PER_CPU(char [LTTNG_SC_NR_ARGS][SC_FILTER_STRING_MAX], sc_filter_strings);

/* The low size bytes of raw, sign-extended if the field is signed. */
static s64 int_value(u64 raw, unsigned int size, bool is_signed)
{
	unsigned int shift = 64 - 8 * size;

	if (!size || size >= 8)
		return (s64)raw;
	return is_signed ? (s64)(raw << shift) >> shift : (s64)(raw << shift >> shift);
}

static const char *user_string(const unsigned long *args, unsigned int arg,
			       unsigned int *str_i)
{
	const char __user *p = (const char __user *)args[arg];
	char *dst = (*this_cpu_ptr(&sc_filter_strings))[(*str_i)++];
	long n;

	if (!p)
		return "(null)";
	pagefault_disable();
	n = strncpy_from_user(dst, p, SC_FILTER_STRING_MAX - 1);
	pagefault_enable();
	if (n < 0)
		return "(fault)";
	dst[n] = '\0';
	return dst;
}

static const void *user_array(const unsigned long *args,
			      const struct lttng_sc_op *op, unsigned int *str_i)
{
	char *dst = (*this_cpu_ptr(&sc_filter_strings))[(*str_i)++];
	size_t len = min_t(size_t, (size_t)op->size * op->count,
			   SC_FILTER_STRING_MAX);

	if (copy_from_user_nofault(dst, (const void __user *)args[op->arg], len))
		memset(dst, 0, len);
	return dst;
}

static u64 user_int(const unsigned long *args, unsigned int arg, unsigned int size)
{
	u64 val = 0;

	if (size > sizeof(val) ||
	    copy_from_user_nofault(&val, (const void __user *)args[arg], size))
		return 0;
	return val;
}

static void capture(const struct lttng_sc_event *sce, const unsigned long *args,
		    long id, long ret, struct lttng_filter_arg *fa)
{
	unsigned int i, str_i = 0;

	for (i = 0; i < sce->desc.nr_fields; i++) {
		const struct lttng_sc_op *op = &sce->ops[i];
		bool sgn = sce->desc.fields[i].type.is_signed;

		fa[i].v = 0;
		fa[i].len = 0;
		switch (op->kind) {
		case LTTNG_SC_OP_ARG:
			fa[i].v = int_value(args[op->arg], op->size, sgn);
			break;
		case LTTNG_SC_OP_RET:
			fa[i].v = int_value(ret, op->size, sgn);
			break;
		case LTTNG_SC_OP_ID:
			fa[i].v = int_value(id, op->size, sgn);
			break;
		case LTTNG_SC_OP_DEREF:
			fa[i].v = int_value(user_int(args, op->arg, op->size), op->size, sgn);
			break;
		case LTTNG_SC_OP_STRING:
			fa[i].p = user_string(args, op->arg, &str_i);
			fa[i].len = LTTNG_FILTER_LEN_NUL;
			break;
		case LTTNG_SC_OP_ARGS:
			fa[i].p = args;
			fa[i].len = LTTNG_SC_NR_ARGS;
			break;
		case LTTNG_SC_OP_UARRAY:
			fa[i].p = user_array(args, op, &str_i);
			fa[i].len = op->count;
			break;
		}
	}
}

bool __lttng_sc_filter_admits(struct lttng_event_recorder *ev,
			      struct pt_regs *regs, long id, long ret)
{
	const struct lttng_filter_set *set = rcu_dereference_sched(ev->filter);
	const struct lttng_sc_event *sce =
		container_of(ev->desc, struct lttng_sc_event, desc);
	struct lttng_filter_arg fa[SC_FILTER_MAX_FIELDS] lttng_filter_scratch;
	unsigned long args[LTTNG_SC_NR_ARGS];

	if (!set)
		return true;
	if (sce->desc.nr_fields > ARRAY_SIZE(fa))
		return false;
	lttng_syscall_get_arguments(regs, args);
	capture(sce, args, id, ret, fa);
	return lttng_filter_set_admits(set, fa);
}
