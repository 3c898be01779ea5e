/* SPDX-License-Identifier: GPL-2.0-only */
/* The parts of the walk of lttng-statedump, each about one kind of state. */
#ifndef _LTTNG_STATEDUMP_INTERNAL_H
#define _LTTNG_STATEDUMP_INTERNAL_H

struct lttng_session;

/* tasks.c: every thread, its namespaces and its open files. */
int lttng_statedump_tasks(struct lttng_session *session);
/* devices.c */
void lttng_statedump_interrupts(struct lttng_session *session);
void lttng_statedump_network(struct lttng_session *session);
void lttng_statedump_block_devices(struct lttng_session *session);
void lttng_statedump_cpus(struct lttng_session *session);

#endif /* _LTTNG_STATEDUMP_INTERNAL_H */
