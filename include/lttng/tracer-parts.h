/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Start-up and tear-down of lttng-tracer's parts, which src/lttng-main.c
 * runs in order. The ring buffer's (lib/ringbuffer/buffer.h) and the
 * system calls' (lttng/syscalls.h) are declared with the rest of theirs.
 */
#ifndef _LTTNG_TRACER_PARTS_H
#define _LTTNG_TRACER_PARTS_H

/* The distributed-trace part (src/dt/lttng-dt-main.c). */
int lttng_dt_init(void);
void lttng_dt_exit(void);

/* /proc/lttng and the files it hands out (src/abi/): last up, first down. */
int lttng_abi_init(void);
void lttng_abi_exit(void);

#endif /* _LTTNG_TRACER_PARTS_H */
