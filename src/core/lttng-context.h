/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Contexts with state of their own, made for lttng-context.c: each fills
 * a channel's field (its description, ops and private data) or fails
 * with nothing left behind.
 */
#ifndef _LTTNG_CORE_CONTEXT_H
#define _LTTNG_CORE_CONTEXT_H

#include <lttng/abi.h>
#include <lttng/tracer.h>

int lttng_context_perf_create(struct lttng_ctx_field *f,
			      const struct lttng_abi_perf_counter_ctx *abi);
int lttng_context_callstack_create(struct lttng_ctx_field *f, bool user);

int lttng_context_perf_init(void);
void lttng_context_perf_exit(void);

#endif /* _LTTNG_CORE_CONTEXT_H */
