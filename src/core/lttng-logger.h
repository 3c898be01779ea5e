/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc/lttng-logger and /dev/lttng-logger (lttng-logger.c). */
#ifndef _LTTNG_LOGGER_H
#define _LTTNG_LOGGER_H

int lttng_logger_init(void);
void lttng_logger_exit(void);

#endif /* _LTTNG_LOGGER_H */
