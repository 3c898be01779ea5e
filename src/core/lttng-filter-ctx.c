// SPDX-License-Identifier: GPL-2.0-only
/*
 * $ctx.NAME in filters: every context the tracer can record (as
 * lttng-modules, not only those added to the channel), read about the
 * current task when the filter asks. Integers come from the context's
 * own recorder (lttng-context.c); the two text contexts are read in
 * place, bounded by their length, so no copy is made in the probe.
 */
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/utsname.h>

#include <lttng/objects.h>

#include "core/lttng-filter-ctx.h"

#define CTX_PROCNAME	2
#define CTX_HOSTNAME	10
#define CTX_MAX		64

static struct lttng_filter_ctx_desc ctx_descs[CTX_MAX];
static struct lttng_field_desc ctx_fields[CTX_MAX];

static void read_text(unsigned int type, struct lttng_filter_arg *out)
{
	struct nsproxy *ns = current->nsproxy;

	if (type == CTX_PROCNAME) {
		out->p = current->comm;
		out->len = sizeof(current->comm);
	} else if (ns) {
		out->p = ns->uts_ns->name.nodename;
		out->len = sizeof(ns->uts_ns->name.nodename);
	} else {
		out->p = "";
		out->len = 1;
	}
}

static void ctx_get(unsigned int type, struct lttng_filter_arg *out)
{
	const struct lttng_integer_type *t = &ctx_fields[type].type;
	u64 v = 0;

	if (type == CTX_PROCNAME || type == CTX_HOSTNAME) {
		read_text(type, out);
		return;
	}
	lttng_context_read(type, (char *)&v);
	/* Little-endian: the low bytes came first; sign-extend those. */
	if (t->is_signed && t->size < 64 && (v >> (t->size - 1)) & 1)
		v |= ~0ULL << t->size;
	out->v = (s64)v;
}

struct lttng_filter_env lttng_filter_kernel_env = {
	.ctx = ctx_descs,
	.ctx_get = ctx_get,
};

/* The table of names, from the contexts this kernel provides. */
void lttng_filter_ctx_init(void)
{
	unsigned int type, nr = 0;

	for (type = 0; type < CTX_MAX; type++) {
		struct lttng_field_desc *d = &ctx_fields[type];

		if (lttng_context_desc(type, d))
			continue;
		/* Integers and the two text contexts; nothing else exists. */
		if (d->kind != LTTNG_FIELD_INTEGER &&
		    type != CTX_PROCNAME && type != CTX_HOSTNAME)
			continue;
		ctx_descs[nr].name = d->name;
		ctx_descs[nr].id = type;
		ctx_descs[nr].is_string = d->kind != LTTNG_FIELD_INTEGER;
		nr++;
	}
	lttng_filter_kernel_env.nr_ctx = nr;
}
