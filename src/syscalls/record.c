// SPDX-License-Identifier: GPL-2.0-only
/*
 * Recording syscall events from the raw_syscalls tracepoints.
 *
 * One callback per direction and channel; it finds the recorder by
 * syscall number in the channel's table (a number without description
 * goes to the channel's unknown recorder), asks the session's trackers
 * and gate, then records the fields its event's recipe names: events of
 * integers only with the length the table computed at build time, the
 * others in two passes like every probe: measure, reserve, write. User
 * memory is read with page faults disabled: a string that
 * cannot be read is recorded as "(fault)" (a NULL pointer as "(null)"),
 * an integer or an array as zeros, and the record keeps the length it reserved whatever
 * the memory holds by the second pass. 32-bit (ia32, x32) syscalls are
 * not recorded.
 */
#include <linux/compat.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/limits.h>
#include <linux/socket.h>
#include <linux/uaccess.h>
#include <asm/syscall.h>
#include <trace/events/syscalls.h>

#include <lttng/admit.h>
#include <lttng/tracer.h>
#include <lttng/objects.h>

#include "compat/syscall.h"
#include "syscalls/syscalls.h"

/* Longer user strings are cut to this, NUL included. */
#define SC_STRING_MAX	PATH_MAX

static const char sc_fault[] = "(fault)";
static const char sc_null[] = "(null)";

struct sc_string {
	size_t len;		/* bytes in the record, NUL included */
	const char *subst;	/* recorded instead of the user's, or NULL */
};

/* A decoded socket address; ports and addresses in network order. */
struct sc_sockaddr {
	u16 family;
	__be16 port;
	unsigned int v4_len;	/* bytes: 0 or 4 */
	unsigned int v6_len;	/* 16-bit words: 0 or 8 */
	u8 v4[4];
	__be16 v6[8];
};

/* Everything one event may record, gathered once. */
struct sc_values {
	unsigned long args[LTTNG_SC_NR_ARGS];
	long id, ret;
	bool exit;
	bool sa_done;
	struct sc_sockaddr sa;
	struct sc_string str[LTTNG_SC_NR_ARGS];
};

static const void __user *uptr(const struct sc_values *v, unsigned int arg)
{
	return (const void __user *)v->args[arg];
}

static void measure_string(const struct sc_values *v, unsigned int arg,
			   struct sc_string *s)
{
	const char __user *p = uptr(v, arg);
	long n;

	s->subst = NULL;
	if (!p) {
		s->subst = sc_null;
		s->len = sizeof(sc_null);
		return;
	}
	pagefault_disable();
	n = strnlen_user(p, SC_STRING_MAX);
	pagefault_enable();
	if (n <= 0) {
		s->subst = sc_fault;
		s->len = sizeof(sc_fault);
		return;
	}
	s->len = min_t(long, n, SC_STRING_MAX);
}

/*
 * Copy what the string holds now, within the length measured: if it got
 * shorter or unreadable meanwhile, '#' fills the rest, so that the record
 * keeps its layout.
 */
static void write_string(struct lttng_record *rec, const struct sc_values *v,
			 unsigned int arg, const struct sc_string *s)
{
	char *dst = rec->p;
	long n = 0;

	rec->p += s->len;
	if (s->subst) {
		memcpy(dst, s->subst, s->len);
		return;
	}
	if (s->len > 1) {
		pagefault_disable();
		n = strncpy_from_user(dst, uptr(v, arg), s->len - 1);
		pagefault_enable();
		if (n < 0)
			n = 0;
	}
	memset(dst + n, '#', s->len - 1 - n);
	dst[s->len - 1] = '\0';
}

static u64 read_user_int(unsigned long uaddr, unsigned int size)
{
	u64 val = 0;

	/* Little-endian: the first bytes are the low ones. */
	if (size > sizeof(val) ||
	    copy_from_user_nofault(&val, (const void __user *)uaddr, size))
		return 0;
	return val;
}

/* The count integers an array argument points to; zeros if unreadable. */
static void write_uarray(struct lttng_record *rec, unsigned long uaddr,
			 const struct lttng_sc_op *op)
{
	u8 buf[LTTNG_SC_UARRAY_MAX];
	size_t len = min_t(size_t, (size_t)op->size * op->count, sizeof(buf));

	if (copy_from_user_nofault(buf, (const void __user *)uaddr, len))
		memset(buf, 0, len);
	lttng_record_write(rec, buf, len);
}

static void decode_sockaddr(struct sc_values *v, const struct lttng_sc_op *op)
{
	union {
		struct sockaddr sa;
		struct sockaddr_in in;
		struct sockaddr_in6 in6;
	} u;
	struct sc_sockaddr *sa = &v->sa;
	long len;

	memset(sa, 0, sizeof(*sa));
	v->sa_done = true;
	/* After a failed call the kernel wrote no address. */
	if (v->exit && v->ret < 0)
		return;
	if (op->len_deref)
		len = (int)read_user_int(v->args[op->len_arg], sizeof(int));
	else
		len = (int)v->args[op->len_arg];
	len = min_t(long, len, sizeof(u));
	if (len < (long)sizeof(u.sa.sa_family) ||
	    copy_from_user_nofault(&u, uptr(v, op->arg), len))
		return;
	sa->family = u.sa.sa_family;
	if (sa->family == AF_INET && len >= (long)sizeof(u.in)) {
		sa->port = u.in.sin_port;
		memcpy(sa->v4, &u.in.sin_addr, sizeof(sa->v4));
		sa->v4_len = sizeof(sa->v4);
	} else if (sa->family == AF_INET6 && len >= (long)sizeof(u.in6)) {
		sa->port = u.in6.sin6_port;
		memcpy(sa->v6, &u.in6.sin6_addr, sizeof(sa->v6));
		sa->v6_len = ARRAY_SIZE(sa->v6);
	}
}

static size_t field_size(const struct lttng_sc_op *op, struct sc_values *v,
			 unsigned int *str_i)
{
	switch (op->kind) {
	case LTTNG_SC_OP_STRING:
		measure_string(v, op->arg, &v->str[*str_i]);
		return v->str[(*str_i)++].len;
	case LTTNG_SC_OP_ARGS:
		return sizeof(v->args);
	case LTTNG_SC_OP_UARRAY:
		return (size_t)op->size * op->count;
	case LTTNG_SC_OP_SA_FAMILY:
		if (!v->sa_done)
			decode_sockaddr(v, op);
		return sizeof(v->sa.family);
	case LTTNG_SC_OP_SA_PORT:
		return sizeof(v->sa.port);
	case LTTNG_SC_OP_SA_V4:
		return sizeof(unsigned int) + v->sa.v4_len;
	case LTTNG_SC_OP_SA_V6:
		return sizeof(unsigned int) + v->sa.v6_len * sizeof(v->sa.v6[0]);
	default:
		return op->size;
	}
}

static void write_int(struct lttng_record *rec, u64 val, unsigned int size)
{
	u8 v8 = val;
	u16 v16 = val;
	u32 v32 = val;

	switch (size) {
	case 1:
		lttng_record_write(rec, &v8, 1);
		break;
	case 2:
		lttng_record_write(rec, &v16, 2);
		break;
	case 4:
		lttng_record_write(rec, &v32, 4);
		break;
	default:
		lttng_record_write(rec, &val, 8);
		break;
	}
}

static void write_seq(struct lttng_record *rec, const void *src,
		      unsigned int nr, size_t elem)
{
	lttng_record_write(rec, &nr, sizeof(nr));
	lttng_record_write(rec, src, nr * elem);
}

/* The fields of fixed size: integers. */
static void write_fixed(struct lttng_record *rec, const struct lttng_sc_op *op,
			const unsigned long *args, long id, long ret)
{
	switch (op->kind) {
	case LTTNG_SC_OP_ARG:
		write_int(rec, args[op->arg], op->size);
		break;
	case LTTNG_SC_OP_RET:
		write_int(rec, ret, op->size);
		break;
	case LTTNG_SC_OP_ID:
		write_int(rec, id, op->size);
		break;
	case LTTNG_SC_OP_DEREF:
		write_int(rec, read_user_int(args[op->arg], op->size), op->size);
		break;
	case LTTNG_SC_OP_ARGS:
		lttng_record_write(rec, args, LTTNG_SC_NR_ARGS * sizeof(*args));
		break;
	case LTTNG_SC_OP_UARRAY:
		write_uarray(rec, args[op->arg], op);
		break;
	}
}

static void write_field(struct lttng_record *rec, const struct lttng_sc_op *op,
			const struct sc_values *v, unsigned int *str_i)
{
	switch (op->kind) {
	case LTTNG_SC_OP_STRING:
		write_string(rec, v, op->arg, &v->str[(*str_i)++]);
		break;
	case LTTNG_SC_OP_SA_FAMILY:
		lttng_record_write(rec, &v->sa.family, sizeof(v->sa.family));
		break;
	case LTTNG_SC_OP_SA_PORT:
		lttng_record_write(rec, &v->sa.port, sizeof(v->sa.port));
		break;
	case LTTNG_SC_OP_SA_V4:
		write_seq(rec, v->sa.v4, v->sa.v4_len, sizeof(v->sa.v4[0]));
		break;
	case LTTNG_SC_OP_SA_V6:
		write_seq(rec, v->sa.v6, v->sa.v6_len, sizeof(v->sa.v6[0]));
		break;
	default:
		write_fixed(rec, op, v->args, v->id, v->ret);
		break;
	}
}

/*
 * The two ways of recording an admitted event. Out of line: their
 * locals, zeroed where they are declared on kernels built with
 * INIT_STACK_ALL_ZERO (Debian's), must cost nothing to refused events.
 */

/* Integers only: the length is known, one pass. */
static noinline void record_fixed(struct lttng_event_recorder *ev,
				  const struct lttng_sc_event *sce,
				  struct pt_regs *regs, long id, long ret)
{
	unsigned int i, nr = ev->desc->nr_fields;
	unsigned long args[LTTNG_SC_NR_ARGS];
	struct lttng_record rec;

	lttng_syscall_get_arguments(regs, args);
	if (ev->chan->ops->event_reserve(&rec, ev, sce->len))
		return;
	for (i = 0; i < nr; i++)
		write_fixed(&rec, &sce->ops[i], args, id, ret);
	ev->chan->ops->event_commit(&rec);
}

/* With strings or socket addresses: measure, reserve, write. */
static noinline void record_sized(struct lttng_event_recorder *ev,
				  const struct lttng_sc_event *sce,
				  struct pt_regs *regs, long id, long ret,
				  bool exit)
{
	unsigned int i, nr = ev->desc->nr_fields, str_i = 0;
	struct lttng_record rec;
	struct sc_values v;
	size_t len = 0;

	lttng_syscall_get_arguments(regs, v.args);
	v.id = id;
	v.ret = ret;
	v.exit = exit;
	v.sa_done = false;
	for (i = 0; i < nr; i++)
		len += field_size(&sce->ops[i], &v, &str_i);
	if (ev->chan->ops->event_reserve(&rec, ev, len))
		return;
	str_i = 0;
	for (i = 0; i < nr; i++)
		write_field(&rec, &sce->ops[i], &v, &str_i);
	ev->chan->ops->event_commit(&rec);
}

/*
 * Whether the event is recorded is decided here, before any record is
 * sized or any local of the writers exists: enabled, then the session's
 * trackers and gate (lttng/admit.h), then the event's filter.
 */
static void record(struct lttng_event_recorder *ev, struct pt_regs *regs,
		   long id, long ret, bool exit)
{
	const struct lttng_sc_event *sce;

	if (!lttng_event_should_record(ev))
		return;
	if (!lttng_event_admitted(ev->chan->session, NULL, false))
		return;
	if (!lttng_sc_filter_admits(ev, regs, id, ret))
		return;
	sce = container_of(ev->desc, struct lttng_sc_event, desc);
	if (sce->len < LTTNG_SC_SIZED)
		record_fixed(ev, sce, regs, id, ret);
	else
		record_sized(ev, sce, regs, id, ret, exit);
}

static struct lttng_event_recorder *recorder(struct lttng_event_recorder **by_nr,
					     struct lttng_event_recorder **unknown,
					     long nr)
{
	if (lttng_sc_described(nr))
		return READ_ONCE(by_nr[nr]);
	return READ_ONCE(*unknown);
}

/*
 * Records on this CPU's buffer. Kernels that call syscall tracepoints
 * preemptible (faultable tracepoints) need the tracer to disable
 * preemption; the others have done it already, and doing it twice would
 * make the preemptible context read 0 in every syscall event.
 */
static void record_pinned(struct lttng_event_recorder *ev, struct pt_regs *regs,
			  long id, long ret, bool exit)
{
	bool pin = !preempt_count();

	if (pin)
		preempt_disable_notrace();
	record(ev, regs, id, ret, exit);
	if (pin)
		preempt_enable_notrace();
}

void lttng_sc_entry_probe(void *data, struct pt_regs *regs, long id)
{
	struct lttng_channel *chan = data;
	struct lttng_event_recorder *ev;

	if (in_compat_syscall())
		return;
	ev = recorder(chan->syscalls->entry, &chan->syscalls->entry_unknown, id);
	if (!ev)
		return;
	record_pinned(ev, regs, id, 0, false);
}

void lttng_sc_exit_probe(void *data, struct pt_regs *regs, long ret)
{
	struct lttng_channel *chan = data;
	struct lttng_event_recorder *ev;
	long id;

	if (in_compat_syscall())
		return;
	id = syscall_get_nr(current, regs);
	ev = recorder(chan->syscalls->exit, &chan->syscalls->exit_unknown, id);
	if (!ev)
		return;
	record_pinned(ev, regs, id, ret, true);
}

/* The callbacks' prototypes are the tracepoints', checked at build time. */
static inline void __maybe_unused lttng_sc_check_prototypes(void)
{
	check_trace_callback_type_sys_enter(lttng_sc_entry_probe);
	check_trace_callback_type_sys_exit(lttng_sc_exit_probe);
}
