/* SPDX-License-Identifier: GPL-2.0-only */
/* The tracer's control interface: /proc/lttng and the files it hands out. */
#ifndef _LTTNG_ABI_INTERNAL_H
#define _LTTNG_ABI_INTERNAL_H

#include <lttng/events.h>

int lttng_abi_init(void);
void lttng_abi_exit(void);

/* New read-only file listing the registered events of one kind; an fd. */
int lttng_abi_list_fd(enum lttng_event_kind kind);

#endif /* _LTTNG_ABI_INTERNAL_H */
