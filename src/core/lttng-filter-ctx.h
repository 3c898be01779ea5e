/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LTTNG_FILTER_CTX_H
#define _LTTNG_FILTER_CTX_H

#include <lttng/filter.h>

/* The contexts filters read as $ctx.NAME, whatever the channel records. */
extern struct lttng_filter_env lttng_filter_kernel_env;
void lttng_filter_ctx_init(void);

#endif /* _LTTNG_FILTER_CTX_H */
