/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Probe generator: turns declarative event definitions into what the
 * tracer needs, a field description and a recording callback per event,
 * and the probe registration of the module.
 *
 * A probe module includes the kernel header declaring the tracepoints,
 * then names its subsystem and definition header and includes this file:
 *
 *	#include <trace/events/sched.h>
 *	#define LTTNG_PROBE_SUBSYSTEM	sched
 *	#define LTTNG_PROBE_EVENTS	<instrumentation/events/sched.h>
 *	#include <lttng/tracepoint-event.h>
 *
 * The definition header (no include guard: it is read once per pass)
 * holds, for each event:
 *
 *	LTTNG_EVENT(name, LTTNG_PROTO(tracepoint prototype),
 *		LTTNG_FIELDS(field field ...))
 *	LTTNG_EVENT_MAP(tracepoint, name, LTTNG_PROTO(...), LTTNG_FIELDS(...))
 *	LTTNG_EVENT_LOCAL(name, ...)	tracepoint defined by the module itself
 *	LTTNG_EVENT_CODE(tracepoint, name, LTTNG_PROTO(...),
 *		LTTNG_LOCALS(declarations), LTTNG_CODE(statements),
 *		LTTNG_FIELDS(...))	fields may use tp_locvar->..., which
 *					the statements fill before recording
 *	LTTNG_EVENT_PEER(name, LTTNG_PROTO(...), peer, LTTNG_FIELDS(...))
 *	LTTNG_EVENT_CODE_PEER(tracepoint, name, LTTNG_PROTO(...),
 *		LTTNG_LOCALS(...), LTTNG_CODE(...), peer, LTTNG_FIELDS(...))
 *					events that name a second thread
 *					(peer, a struct task_struct *): a
 *					gated session keeps them if either
 *					the current thread or peer is flagged
 *	LTTNG_ENUM(enum_name, LTTNG_ENUM_VALUES(e_value(...) e_range(...)))
 *
 * and these fields, recorded in order, packed:
 *
 *	f_int(type, name, expr)		f_hex(type, name, expr)
 *	f_oct(type, name, expr)		shown in octal (open flags)
 *	f_int_net(type, name, expr)	expr is in network byte order (as in
 *					packet headers): copied as it is and
 *					described as big-endian
 *	f_hex_net(type, name, expr)
 *	f_enum(enum_name, type, name, expr)
 *	f_text(name, src, len)		len chars copied as they are
 *	f_array(type, name, src, len)	f_array_hex(type, name, src, len)
 *	f_seq(type, name, src, len_type, len)
 *	f_seq_hex(type, name, src, len_type, len)
 *	f_seq_text(name, src, len_type, len)
 *	f_array_net(type, name, src, len)	f_seq_net(type, name, src, len_type, len)
 *	f_array_bits(type, name, src, len)	f_seq_bits(type, name, src, len_type, len)
 *					the bits of the values, one field per bit
 *	f_string(name, src)		NUL-terminated; NULL reads "(null)"
 *	f_struct(members, name, src, len)
 *	f_variant(choices, name, src, len)
 *					a struct or variant described by the
 *					array of struct lttng_field_desc
 *					members or choices (lttng/event-types.h);
 *					the event's code lays out its len
 *					bytes at src, packed as described, and
 *					for a variant sets the enumeration field
 *					just before it to the tag of the choice
 *					it laid out. len is read once, for both
 *					the size and the copy. Filters cannot
 *					read these fields.
 *
 * A module whose events describe one session (the statedump) defines
 * LTTNG_PROBE_SESSION_CHECK: the first tracepoint argument of each of its
 * events must then be "struct lttng_session *session", and a recorder
 * records only the events fired for its own session.
 *
 * A module defining LTTNG_PROBE_UNGATED before including this file has
 * events that neither the session's trackers nor its distributed-trace
 * gate refuse (lttng_dt_flag: the gate's own record of why threads are
 * traced; the statedump: the state a viewer needs to name the threads of
 * a gated or tracked trace). See lttng/admit.h.
 *
 * The callback's prototype is checked against the kernel's declaration
 * of the tracepoint at compile time, so a kernel that changes a
 * tracepoint's arguments fails the build instead of corrupting records.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/stringify.h>
#include <linux/tracepoint.h>

#include <lttng/admit.h>
#include <lttng/filter-objects.h>
#include <lttng/tracer.h>

#define LTTNG_PROTO(args...)		args
#define LTTNG_FIELDS(fields...)		fields
#define LTTNG_LOCALS(decls...)		decls
#define LTTNG_CODE(stmts...)		stmts
#define LTTNG_ENUM_VALUES(values...)	values

/*
 * A module defining LTTNG_PROBE_TP_CHECKED has its events compiled only
 * where the build found their tracepoint in the kernel's headers: Kbuild
 * passes -DLTTNG_TP_<tracepoint> for each one it found (probes/Kbuild),
 * and an event whose tracepoint was not found expands to nothing in every
 * pass, so one definition header serves kernels that lack some of them.
 */
#define __LTTNG_IF_0(x...)
#define __LTTNG_IF_1(x...)		x
#ifdef LTTNG_PROBE_TP_CHECKED
#define __LTTNG_IF_(d)			__LTTNG_IF_##d
#define __LTTNG_IF(d)			__LTTNG_IF_(d)
#define __LTTNG_IF_TP(tp)		__LTTNG_IF(__is_defined(LTTNG_TP_##tp))
#else
#define __LTTNG_IF_TP(tp)		__LTTNG_IF_1
#endif

/* Every event form is one expansion of __LTTNG_EV, redefined by each pass. */
#define LTTNG_EVENT(name, proto, fields)				\
	__LTTNG_IF_TP(name)(__LTTNG_EV(name, name, NULL, LTTNG_PROTO(proto), \
		   , , NULL, LTTNG_FIELDS(fields)))
#define LTTNG_EVENT_MAP(tp, name, proto, fields)			\
	__LTTNG_IF_TP(tp)(__LTTNG_EV(tp, name, NULL, LTTNG_PROTO(proto), \
		   , , NULL, LTTNG_FIELDS(fields)))
#define LTTNG_EVENT_LOCAL(name, proto, fields)				\
	__LTTNG_EV(name, name, &__tracepoint_##name, LTTNG_PROTO(proto), , , \
		   NULL, LTTNG_FIELDS(fields))
#define LTTNG_EVENT_CODE(tp, name, proto, locals, code, fields)	\
	__LTTNG_IF_TP(tp)(__LTTNG_EV(tp, name, NULL, LTTNG_PROTO(proto), \
		   LTTNG_LOCALS(locals), LTTNG_CODE(code), NULL,	\
		   LTTNG_FIELDS(fields)))
#define LTTNG_EVENT_PEER(name, proto, peer, fields)			\
	__LTTNG_IF_TP(name)(__LTTNG_EV(name, name, NULL, LTTNG_PROTO(proto), \
		   , , (peer), LTTNG_FIELDS(fields)))
#define LTTNG_EVENT_CODE_PEER(tp, name, proto, locals, code, peer, fields) \
	__LTTNG_IF_TP(tp)(__LTTNG_EV(tp, name, NULL, LTTNG_PROTO(proto), \
		   LTTNG_LOCALS(locals), LTTNG_CODE(code), (peer),	\
		   LTTNG_FIELDS(fields)))

/* At most this many strings and sequences per event. */
#define LTTNG_MAX_DYNAMIC_FIELDS	8

#define __LTTNG_INT(t, b, be)						\
	{ .size = sizeof(t) * 8, .is_signed = is_signed_type(t),	\
	  .base = (b), .big_endian = (be) }
#define __LTTNG_CHAR	{ .size = 8, .is_signed = true, .text = true, .base = 10 }
#define __LTTNG_BIT	{ .size = 1, .is_signed = false, .base = 10 }

/* ---- Pass 1: enumerations ---------------------------------------------- */
#define e_value(_label, v)	{ .start = (v), .end = (v), .label = (_label) },
#define e_range(_label, a, b)	{ .start = (a), .end = (b), .label = (_label) },
#define LTTNG_ENUM(_name, values)						\
	static const struct lttng_enum_entry __lttng_enum_entries_##_name[] = { values }; \
	static const struct lttng_enum_desc __lttng_enum_##_name = {		\
		.name = #_name,							\
		.entries = __lttng_enum_entries_##_name,			\
		.nr_entries = ARRAY_SIZE(__lttng_enum_entries_##_name),		\
	};
#define __LTTNG_EV(tp, name, tp_ptr, proto, locals, code, _peer, fields)
#include LTTNG_PROBE_EVENTS
#undef LTTNG_ENUM
#undef __LTTNG_EV
#undef e_value
#undef e_range

/* ---- Pass 2: field descriptions ---------------------------------------- */
#define LTTNG_ENUM(name, values)
#define f_int(t, n, e)							\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __LTTNG_INT(t, 10, false) },
#define f_hex(t, n, e)							\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __LTTNG_INT(t, 16, false) },
#define f_oct(t, n, e)							\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __LTTNG_INT(t, 8, false) },
#define f_int_net(t, n, e)						\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __LTTNG_INT(t, 10, true) },
#define f_hex_net(t, n, e)						\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __LTTNG_INT(t, 16, true) },
#define f_array_net(t, n, src, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_ARRAY, .type = __LTTNG_INT(t, 10, true), \
	  .length = (len) },
#define f_seq_net(t, n, src, lt, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_SEQUENCE, .type = __LTTNG_INT(t, 10, true), \
	  .length_type = __LTTNG_INT(lt, 10, false) },
#define f_array_bits(t, n, src, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_ARRAY, .type = __LTTNG_BIT,	\
	  .length = (len) * sizeof(t) * 8 },
#define f_seq_bits(t, n, src, lt, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_SEQUENCE, .type = __LTTNG_BIT,	\
	  .length_type = __LTTNG_INT(lt, 10, false) },
#define f_enum(en, t, n, e)						\
	{ .name = #n, .kind = LTTNG_FIELD_ENUM, .type = __LTTNG_INT(t, 10, false), \
	  .enum_desc = &__lttng_enum_##en },
#define f_text(n, src, len)						\
	{ .name = #n, .kind = LTTNG_FIELD_ARRAY, .type = __LTTNG_CHAR, .length = (len) },
#define f_array(t, n, src, len)						\
	{ .name = #n, .kind = LTTNG_FIELD_ARRAY, .type = __LTTNG_INT(t, 10, false), \
	  .length = (len) },
#define f_array_hex(t, n, src, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_ARRAY, .type = __LTTNG_INT(t, 16, false), \
	  .length = (len) },
#define f_seq(t, n, src, lt, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_SEQUENCE, .type = __LTTNG_INT(t, 10, false), \
	  .length_type = __LTTNG_INT(lt, 10, false) },
#define f_seq_hex(t, n, src, lt, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_SEQUENCE, .type = __LTTNG_INT(t, 16, false), \
	  .length_type = __LTTNG_INT(lt, 10, false) },
#define f_seq_text(n, src, lt, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_SEQUENCE, .type = __LTTNG_CHAR,	\
	  .length_type = __LTTNG_INT(lt, 10, false) },
#define f_string(n, src)						\
	{ .name = #n, .kind = LTTNG_FIELD_STRING, .type = __LTTNG_CHAR },
#define f_struct(members, n, src, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_STRUCT, .fields = (members),	\
	  .nr_fields = ARRAY_SIZE(members) },
#define f_variant(choices, n, src, len)					\
	{ .name = #n, .kind = LTTNG_FIELD_VARIANT, .fields = (choices),	\
	  .nr_fields = ARRAY_SIZE(choices) },
#define __LTTNG_EV(tp, name, tp_ptr, proto, locals, code, _peer, fields)	\
	static const struct lttng_field_desc __lttng_fields_##name[] = { fields };
#include LTTNG_PROBE_EVENTS
#undef f_int
#undef f_hex
#undef f_oct
#undef f_int_net
#undef f_hex_net
#undef f_array_net
#undef f_seq_net
#undef f_array_bits
#undef f_seq_bits
#undef f_enum
#undef f_text
#undef f_array
#undef f_array_hex
#undef f_seq
#undef f_seq_hex
#undef f_seq_text
#undef f_string
#undef f_struct
#undef f_variant
#undef __LTTNG_EV

#ifndef LTTNG_PROBE_UNGATED
#define LTTNG_PROBE_DT_UNGATED	false
#else
#define LTTNG_PROBE_DT_UNGATED	true
#endif

/*
 * The filter, after the gate and before the reserve: only when the
 * recorder has one (one test of a pointer otherwise) are the fields
 * captured, by a third expansion of the field list (__pass -1), into an
 * array declared here so that its zeroing is paid only then.
 */
#define __LTTNG_FILTER(name, fields)					\
	{								\
	const struct lttng_filter_set *__fs =				\
		rcu_dereference_sched(__ev->filter);			\
									\
	if (unlikely(__fs)) {						\
		struct lttng_filter_arg lttng_filter_scratch		\
			__fa_buf[ARRAY_SIZE(__lttng_fields_##name) ?: 1]; \
									\
		__fa = __fa_buf;					\
		for (__pass = -1; __pass < 0; __pass++) {		\
			__dyn_i = 0;					\
			fields						\
		}							\
		if (!lttng_filter_set_admits(__fs, __fa))		\
			return;						\
	}								\
	}

/*
 * ---- Pass 3: recording callbacks -----------------------------------------
 * The trackers and the distributed-trace gate come first, before the
 * sizing pass (lttng/admit.h): a session that tracks everything and is
 * not gated pays two session-field tests; a tracked one refuses other
 * processes' events for one set lookup (lttng/id-tracker.h), a gated one
 * unflagged threads' events for a per-CPU load (lttng/dt.h).
 * The field list is expanded once in a two-iteration loop: the first
 * iteration sizes the record (measuring strings and sequences into
 * __dyn[]), the second writes it into the reserved space. The compiler
 * unrolls the loop and drops the untaken branches.
 */
#define __LTTNG_FIXED(capture, size, write)				\
	do {								\
		if (__pass < 0) {					\
			capture;					\
		} else if (!__pass)					\
			__len += (size);				\
		else {							\
			write;						\
		}							\
	} while (0);
/* What the filter reads of a field (lttng/filter.h): its value, or where. */
#define __LTTNG_CAP_INT(t, e)	(__fa[__fi++].v = (s64)(t)(e))
#define __LTTNG_CAP_NET(t, e)	(__fa[__fi++].v = __lttng_net_value(t, e))
/* A network-order field is compared in host order, as the viewer shows it. */
#define __lttng_net_value(t, e)						\
	({								\
		t __nv = (e);						\
		sizeof(t) == 2 ? (s64)(t)be16_to_cpu((__force __be16)(u16)__nv) : \
		sizeof(t) == 4 ? (s64)(t)be32_to_cpu((__force __be32)(u32)__nv) : \
		sizeof(t) == 8 ? (s64)(t)be64_to_cpu((__force __be64)(u64)__nv) : \
		(s64)__nv;						\
	})
#define __LTTNG_CAP_PTR(_src, _nr)					\
	do {								\
		__fa[__fi].p = (_src);					\
		__fa[__fi++].len = (_nr);				\
	} while (0)
#define f_int(t, n, e)							\
	__LTTNG_FIXED(__LTTNG_CAP_INT(t, e), sizeof(t), t __v = (e);	\
		      lttng_record_write(&__rec, &__v, sizeof(__v)))
#define f_hex(t, n, e)		f_int(t, n, e)
#define f_oct(t, n, e)		f_int(t, n, e)
#define f_enum(en, t, n, e)	f_int(t, n, e)
#define f_int_net(t, n, e)						\
	__LTTNG_FIXED(__LTTNG_CAP_NET(t, e), sizeof(t), t __v = (e);	\
		      lttng_record_write(&__rec, &__v, sizeof(__v)))
#define f_hex_net(t, n, e)	f_int_net(t, n, e)
#define f_text(n, src, len)						\
	__LTTNG_FIXED(__LTTNG_CAP_PTR(src, len), len,			\
		      lttng_record_write(&__rec, (src), (len)))
#define f_array(t, n, src, len)						\
	__LTTNG_FIXED(__LTTNG_CAP_PTR(src, len), sizeof(t) * (len),	\
		      lttng_record_write(&__rec, (src), sizeof(t) * (len)))
#define f_array_hex(t, n, src, len)	f_array(t, n, src, len)
#define f_array_net(t, n, src, len)	f_array(t, n, src, len)
#define f_array_bits(t, n, src, len)	f_array(t, n, src, len)
#define f_seq(t, n, src, lt, len)					\
	do {								\
		if (__pass < 0) {					\
			__LTTNG_CAP_PTR(src, len);			\
		} else if (!__pass) {					\
			__dyn[__dyn_i] = (len);				\
			__len += sizeof(lt) + sizeof(t) * __dyn[__dyn_i]; \
		} else {						\
			lt __l = __dyn[__dyn_i];			\
									\
			lttng_record_write(&__rec, &__l, sizeof(__l));	\
			lttng_record_write(&__rec, (src), sizeof(t) * __l); \
		}							\
		__dyn_i++;						\
	} while (0);
#define f_seq_hex(t, n, src, lt, len)	f_seq(t, n, src, lt, len)
#define f_seq_net(t, n, src, lt, len)	f_seq(t, n, src, lt, len)
/* The length counts bits; little-endian memory is already in CTF bit order. */
#define f_seq_bits(t, n, src, lt, len)					\
	do {								\
		if (__pass < 0) {					\
			__LTTNG_CAP_PTR(src, len);			\
		} else if (!__pass) {					\
			__dyn[__dyn_i] = (len);				\
			__len += sizeof(lt) + sizeof(t) * __dyn[__dyn_i]; \
		} else {						\
			lt __l = __dyn[__dyn_i] * sizeof(t) * 8;	\
									\
			lttng_record_write(&__rec, &__l, sizeof(__l));	\
			lttng_record_write(&__rec, (src),		\
					   sizeof(t) * __dyn[__dyn_i]);	\
		}							\
		__dyn_i++;						\
	} while (0);
#define f_seq_text(n, src, lt, len)	f_seq(char, n, src, lt, len)
#define f_string(n, src)						\
	do {								\
		const char *__s = (src) ? (const char *)(src) : "(null)"; \
									\
		if (__pass < 0) {					\
			__LTTNG_CAP_PTR(__s, LTTNG_FILTER_LEN_NUL);	\
		} else if (!__pass) {					\
			__dyn[__dyn_i] = strlen(__s) + 1;		\
			__len += __dyn[__dyn_i];			\
		} else {						\
			lttng_record_string(&__rec, __s, __dyn[__dyn_i]); \
		}							\
		__dyn_i++;						\
	} while (0);
/*
 * A struct or variant: bytes the event's code laid out. The sizing pass
 * keeps len in __dyn[] and the write pass copies exactly that much, so
 * the two agree whichever choice was made. The filter's capture only
 * keeps its slot numbering (the linker refuses these fields).
 */
#define f_struct(members, n, src, len)					\
	do {								\
		if (__pass < 0) {					\
			__fi++;						\
		} else if (!__pass) {					\
			__dyn[__dyn_i] = (len);				\
			__len += __dyn[__dyn_i];			\
		} else {						\
			lttng_record_write(&__rec, (src), __dyn[__dyn_i]); \
		}							\
		__dyn_i++;						\
	} while (0);
#define f_variant(choices, n, src, len)	f_struct(choices, n, src, len)
#ifdef LTTNG_PROBE_SESSION_CHECK
#define __LTTNG_SESSION_CHECK(ev)					\
	do {								\
		if (session != (ev)->chan->session)			\
			return;						\
	} while (0)
#else
#define __LTTNG_SESSION_CHECK(ev)	do { } while (0)
#endif
#define __LTTNG_EV(tp, name, tp_ptr, proto, locals, code, _peer, fields)	\
static void __lttng_probe_##name(void *__data, proto)			\
{									\
	struct lttng_event_recorder *__ev = __data;			\
									\
	if (!lttng_event_should_record(__ev))				\
		return;							\
	__LTTNG_SESSION_CHECK(__ev);					\
	if (!lttng_event_admitted(__ev->chan->session, (_peer),	\
				  LTTNG_PROBE_DT_UNGATED))		\
		return;							\
	/* Not before: kernels zero locals where they are declared. */	\
	{								\
	struct { char __lttng_pad; locals } __locals __maybe_unused;	\
	typeof(__locals) *tp_locvar __maybe_unused = &__locals;		\
	size_t __dyn[LTTNG_MAX_DYNAMIC_FIELDS] __maybe_unused;		\
	/* Filter capture: only the filter's expansion touches these. */ \
	struct lttng_filter_arg *__fa __maybe_unused = NULL;		\
	unsigned int __fi __maybe_unused = 0;				\
	unsigned int __dyn_i __maybe_unused;				\
	struct lttng_record __rec;					\
	size_t __len = 0;						\
	int __pass;							\
									\
	{ code }							\
	__LTTNG_FILTER(name, fields)					\
	for (__pass = 0; __pass < 2; __pass++) {			\
		__dyn_i = 0;						\
		if (__pass &&						\
		    __ev->chan->ops->event_reserve(&__rec, __ev, __len)) \
			return;						\
		fields							\
	}								\
	__ev->chan->ops->event_commit(&__rec);				\
	}								\
}									\
static inline void __lttng_check_##name(void)				\
{									\
	check_trace_callback_type_##tp(__lttng_probe_##name);		\
}
#include LTTNG_PROBE_EVENTS
#undef __LTTNG_EV

/* ---- Pass 4: event descriptions ---------------------------------------- */
#define __LTTNG_DESC(_tp, _name, _tp_ptr)				\
	static const struct lttng_event_desc __lttng_desc_##_name = {	\
		.name = #_name,						\
		.kind = LTTNG_EVENT_KIND_TRACEPOINT,			\
		.tp_name = #_tp,					\
		.tp = _tp_ptr,						\
		.probe = (void *)__lttng_probe_##_name,			\
		.fields = __lttng_fields_##_name,			\
		.nr_fields = ARRAY_SIZE(__lttng_fields_##_name),	\
		.owner = THIS_MODULE,					\
	};
#define __LTTNG_EV(tp, name, tp_ptr, proto, locals, code, _peer, fields)	\
	__LTTNG_DESC(tp, name, tp_ptr)
#include LTTNG_PROBE_EVENTS
#undef __LTTNG_EV

/* ---- Pass 5: the module's probe ----------------------------------------- */
#define __LTTNG_EV(tp, name, tp_ptr, proto, locals, code, _peer, fields)	\
	&__lttng_desc_##name,
static const struct lttng_event_desc * const __lttng_probe_events[] = {
#include LTTNG_PROBE_EVENTS
};
#undef __LTTNG_EV

static struct lttng_probe lttng_probe_of_module = {
	.subsystem = __stringify(LTTNG_PROBE_SUBSYSTEM),
	.owner = THIS_MODULE,
	.events = __lttng_probe_events,
	.nr_events = ARRAY_SIZE(__lttng_probe_events),
};

/* Modules with more to do at load define LTTNG_PROBE_CUSTOM_INIT. */
#ifndef LTTNG_PROBE_CUSTOM_INIT
static int __init lttng_probe_module_init(void)
{
	return lttng_probe_register(&lttng_probe_of_module);
}
module_init(lttng_probe_module_init);

static void __exit lttng_probe_module_exit(void)
{
	lttng_probe_unregister(&lttng_probe_of_module);
}
module_exit(lttng_probe_module_exit);
#endif

#undef LTTNG_EVENT
#undef LTTNG_EVENT_MAP
#undef LTTNG_EVENT_LOCAL
#undef LTTNG_EVENT_CODE
#undef LTTNG_EVENT_PEER
#undef LTTNG_EVENT_CODE_PEER
#undef __LTTNG_IF_TP
#undef __LTTNG_IF
#undef __LTTNG_IF_
#undef __LTTNG_IF_0
#undef __LTTNG_IF_1
#undef LTTNG_PROBE_DT_UNGATED
#undef LTTNG_ENUM
#undef LTTNG_PROTO
#undef LTTNG_FIELDS
#undef LTTNG_LOCALS
#undef LTTNG_CODE
#undef LTTNG_ENUM_VALUES
