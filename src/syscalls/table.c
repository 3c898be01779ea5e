// SPDX-License-Identifier: GPL-2.0-only
/*
 * The syscall events, from the table sc-gen wrote for this kernel
 * (table-gen.h, one LTTNG_SC(nr, name, entry fields, exit fields) per
 * described syscall, read once per pass below), and their registration
 * as the "syscalls" probe of lttng-tracer.
 *
 * Field forms: sc_int/sc_hex(type, name, arg), sc_string(name, arg),
 * sc_deref/sc_deref_hex(type, name, arg), sc_uarray(type, name, arg,
 * count), sc_ret(), sc_ret_type(type, base),
 * sc_sockaddr(port, arg, len_arg, len_deref). Types are the kernel's own
 * (include/linux/syscalls.h), so sizes and signedness are the compiler's.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/syscalls.h>

#include <lttng/syscalls.h>
#include "syscalls/syscalls.h"

/* sparse will not compare __bitwise types (rwf_t); it need not know. */
#ifdef __CHECKER__
#define __SC_SIGNED(t)	false
#else
#define __SC_SIGNED(t)	is_signed_type(t)
#endif
#define __SC_INT(t, b)							\
	{ .size = sizeof(t) * 8, .is_signed = __SC_SIGNED(t), .base = (b) }
#define __SC_NET16	{ .size = 16, .big_endian = true, .base = 10 }
#define __SC_NET8	{ .size = 8, .big_endian = true, .base = 10 }
#define __SC_CHAR	{ .size = 8, .is_signed = true, .text = true, .base = 10 }

#define LTTNG_SC_FIELDS(fields...)	fields

/* ---- Pass 1: the table's length ------------------------------------------ */
#define LTTNG_SC_TABLE_LEN(n)	enum { __sc_table_len = (n) };
#define LTTNG_SC(nr, _sc, _in, _out)
#include "syscalls/table-gen.h"
#undef LTTNG_SC_TABLE_LEN
#undef LTTNG_SC
#define LTTNG_SC_TABLE_LEN(n)

/* ---- Pass 2: field descriptions, for the metadata ----------------------- */
#define sc_int(t, n, i)							\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(t, 10) },
#define sc_hex(t, n, i)							\
	{ .name = #n, .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(t, 16) },
#define sc_deref(t, n, i)	sc_int(t, n, i)
#define sc_deref_hex(t, n, i)	sc_hex(t, n, i)
#define sc_string(n, i)							\
	{ .name = #n, .kind = LTTNG_FIELD_STRING, .type = __SC_CHAR },
#define sc_uarray(t, n, i, c)						\
	{ .name = #n, .kind = LTTNG_FIELD_ARRAY, .type = __SC_INT(t, 10),	\
	  .length = (c) },
#define sc_ret()							\
	{ .name = "ret", .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(long, 10) },
#define sc_ret_type(t, b)						\
	{ .name = "ret", .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(t, b) },
#define sc_sockaddr(port, i, li, d)					\
	{ .name = "family", .kind = LTTNG_FIELD_INTEGER,		\
	  .type = __SC_INT(unsigned short, 10) },			\
	{ .name = #port, .kind = LTTNG_FIELD_INTEGER, .type = __SC_NET16 }, \
	{ .name = "v4addr", .kind = LTTNG_FIELD_SEQUENCE, .type = __SC_NET8, \
	  .length_type = __SC_INT(unsigned int, 10) },			\
	{ .name = "v6addr", .kind = LTTNG_FIELD_SEQUENCE, .type = __SC_NET16, \
	  .length_type = __SC_INT(unsigned int, 10) },
/* Each list ends with an empty entry, so that none is empty. */
#define LTTNG_SC(nr, _sc, _in, _out)					\
	static const struct lttng_field_desc __sc_in_fields_##_sc[] = { _in {} }; \
	static const struct lttng_field_desc __sc_out_fields_##_sc[] = { _out {} };
#include "syscalls/table-gen.h"
#undef sc_int
#undef sc_hex
#undef sc_deref
#undef sc_deref_hex
#undef sc_string
#undef sc_uarray
#undef sc_ret
#undef sc_ret_type
#undef sc_sockaddr
#undef LTTNG_SC

/* ---- Pass 3: where each field's value comes from ------------------------ */
#define sc_int(t, n, i)	{ .kind = LTTNG_SC_OP_ARG, .arg = (i), .size = sizeof(t) },
#define sc_hex(t, n, i)	sc_int(t, n, i)
#define sc_deref(t, n, i)						\
	{ .kind = LTTNG_SC_OP_DEREF, .arg = (i), .size = sizeof(t) },
#define sc_string(n, i)	{ .kind = LTTNG_SC_OP_STRING, .arg = (i) },
#define sc_uarray(t, n, i, c)						\
	{ .kind = LTTNG_SC_OP_UARRAY, .arg = (i), .size = sizeof(t),	\
	  .count = (c) + BUILD_BUG_ON_ZERO(sizeof(t) * (c) > LTTNG_SC_UARRAY_MAX) },
#define sc_ret()	{ .kind = LTTNG_SC_OP_RET, .size = sizeof(long) },
#define sc_ret_type(t, b)	{ .kind = LTTNG_SC_OP_RET, .size = sizeof(t) },
#define __SC_SA(k, i, li, d)						\
	{ .kind = (k), .arg = (i), .len_arg = (li), .len_deref = (d) },
#define sc_sockaddr(port, i, li, d)					\
	__SC_SA(LTTNG_SC_OP_SA_FAMILY, i, li, d)			\
	__SC_SA(LTTNG_SC_OP_SA_PORT, i, li, d)				\
	__SC_SA(LTTNG_SC_OP_SA_V4, i, li, d)				\
	__SC_SA(LTTNG_SC_OP_SA_V6, i, li, d)
#define LTTNG_SC(nr, _sc, _in, _out)					\
	static const struct lttng_sc_op __sc_in_ops_##_sc[] = { _in {} };	\
	static const struct lttng_sc_op __sc_out_ops_##_sc[] = { _out {} };
#include "syscalls/table-gen.h"
#undef sc_int
#undef sc_hex
#undef sc_deref
#undef sc_deref_hex
#undef sc_string
#undef sc_uarray
#undef sc_ret
#undef sc_ret_type
#undef sc_sockaddr
#undef LTTNG_SC

/* ---- Pass 4: the length of records whose fields are all integers -------- */
#define sc_int(t, n, i)		+ sizeof(t)
#define sc_hex(t, n, i)		+ sizeof(t)
#define sc_deref(t, n, i)	+ sizeof(t)
#define sc_deref_hex(t, n, i)	+ sizeof(t)
#define sc_string(n, i)		+ LTTNG_SC_SIZED
#define sc_uarray(t, n, i, c)	+ sizeof(t) * (c)
#define sc_ret()		+ sizeof(long)
#define sc_ret_type(t, b)	+ sizeof(t)
#define sc_sockaddr(port, i, li, d)	+ LTTNG_SC_SIZED
#define LTTNG_SC(nr, _sc, _in, _out)					\
	enum { __sc_in_len_##_sc = 0 _in, __sc_out_len_##_sc = 0 _out };
#include "syscalls/table-gen.h"
#undef sc_int
#undef sc_hex
#undef sc_deref
#undef sc_deref_hex
#undef sc_string
#undef sc_uarray
#undef sc_ret
#undef sc_ret_type
#undef sc_sockaddr
#undef LTTNG_SC

/* ---- Pass 5: the events ----------------------------------------------------- */
#define __SC_EVENT(_sc, nr, ev, prefix, k, tp, dir)			\
	static const struct lttng_sc_event __sc_##ev##_##_sc = {		\
		.desc = {						\
			.name = prefix #_sc,				\
			.kind = (k),					\
			.syscall_nr = (nr),				\
			.tp_name = tp,					\
			.fields = __sc_##dir##_fields_##_sc,		\
			.nr_fields = ARRAY_SIZE(__sc_##dir##_fields_##_sc) - 1, \
			.owner = THIS_MODULE,				\
		},							\
		.ops = __sc_##dir##_ops_##_sc,				\
		.len = __sc_##dir##_len_##_sc,				\
	};
#define LTTNG_SC(nr, _sc, _in, _out)					\
	__SC_EVENT(_sc, nr, entry, "syscall_entry_",			\
		   LTTNG_EVENT_KIND_SYSCALL_ENTRY, "sys_enter", in)	\
	__SC_EVENT(_sc, nr, exit, "syscall_exit_",			\
		   LTTNG_EVENT_KIND_SYSCALL_EXIT, "sys_exit", out)
#include "syscalls/table-gen.h"
#undef LTTNG_SC

/* The syscalls the table does not describe, as lttng-modules names them. */
static const struct lttng_field_desc sc_unknown_entry_fields[] = {
	{ .name = "id", .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(int, 10) },
	{ .name = "args", .kind = LTTNG_FIELD_ARRAY,
	  .type = __SC_INT(unsigned long, 10), .length = LTTNG_SC_NR_ARGS },
};

static const struct lttng_field_desc sc_unknown_exit_fields[] = {
	{ .name = "id", .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(int, 10) },
	{ .name = "ret", .kind = LTTNG_FIELD_INTEGER, .type = __SC_INT(long, 10) },
	{ .name = "args", .kind = LTTNG_FIELD_ARRAY,
	  .type = __SC_INT(unsigned long, 10), .length = LTTNG_SC_NR_ARGS },
};

static const struct lttng_sc_op sc_unknown_entry_ops[] = {
	{ .kind = LTTNG_SC_OP_ID, .size = sizeof(int) },
	{ .kind = LTTNG_SC_OP_ARGS },
};

static const struct lttng_sc_op sc_unknown_exit_ops[] = {
	{ .kind = LTTNG_SC_OP_ID, .size = sizeof(int) },
	{ .kind = LTTNG_SC_OP_RET, .size = sizeof(long) },
	{ .kind = LTTNG_SC_OP_ARGS },
};

static const struct lttng_sc_event sc_unknown_entry = {
	.desc = {
		.name = "syscall_entry_unknown",
		.kind = LTTNG_EVENT_KIND_SYSCALL_ENTRY,
		.syscall_nr = LTTNG_SYSCALL_NR_UNKNOWN,
		.tp_name = "sys_enter",
		.fields = sc_unknown_entry_fields,
		.nr_fields = ARRAY_SIZE(sc_unknown_entry_fields),
		.owner = THIS_MODULE,
	},
	.ops = sc_unknown_entry_ops,
	.len = sizeof(int) + LTTNG_SC_NR_ARGS * sizeof(unsigned long),
};

static const struct lttng_sc_event sc_unknown_exit = {
	.desc = {
		.name = "syscall_exit_unknown",
		.kind = LTTNG_EVENT_KIND_SYSCALL_EXIT,
		.syscall_nr = LTTNG_SYSCALL_NR_UNKNOWN,
		.tp_name = "sys_exit",
		.fields = sc_unknown_exit_fields,
		.nr_fields = ARRAY_SIZE(sc_unknown_exit_fields),
		.owner = THIS_MODULE,
	},
	.ops = sc_unknown_exit_ops,
	.len = sizeof(int) + sizeof(long) + LTTNG_SC_NR_ARGS * sizeof(unsigned long),
};

/* ---- Pass 6: by number, and the registry's list -------------------------- */
const unsigned int lttng_sc_table_len = __sc_table_len;

#define LTTNG_SC(nr, _sc, _in, _out)	[nr] = &__sc_entry_##_sc,
const struct lttng_sc_event *const lttng_sc_entries[__sc_table_len] = {
#include "syscalls/table-gen.h"
};
#undef LTTNG_SC

#define LTTNG_SC(nr, _sc, _in, _out)					\
	&__sc_entry_##_sc.desc, &__sc_exit_##_sc.desc,
static const struct lttng_event_desc *const sc_descs[] = {
#include "syscalls/table-gen.h"
	&sc_unknown_entry.desc,
	&sc_unknown_exit.desc,
};
#undef LTTNG_SC

static struct lttng_probe sc_probe = {
	.subsystem = "syscalls",
	.owner = THIS_MODULE,
	.events = sc_descs,
	.nr_events = ARRAY_SIZE(sc_descs),
};

static bool sc_probe_registered;

int lttng_syscalls_init(void)
{
	int ret;

	if (!lttng_sc_find_tracepoints())
		return 0;	/* no raw_syscalls tracepoints: nothing to offer */
	ret = lttng_probe_register(&sc_probe);
	sc_probe_registered = !ret;
	return ret;
}

void lttng_syscalls_exit(void)
{
	if (sc_probe_registered)
		lttng_probe_unregister(&sc_probe);
}
