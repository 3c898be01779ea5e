/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's boot_id, the clock UUID of the metadata (lttng-boot-id.c).
 */
#ifndef _LTTNG_BOOT_ID_H
#define _LTTNG_BOOT_ID_H

/*
 * Reads the boot_id if it is not known yet: process context, no lock of
 * the tracer held (it opens a file). A failure is silent; the next call
 * tries again.
 */
void lttng_boot_id_load(void);

/* Its text (36 characters), or NULL while unknown. Any context. */
const char *lttng_boot_id(void);

#endif /* _LTTNG_BOOT_ID_H */
