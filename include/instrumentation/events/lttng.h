/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lttng_logger: a line written by any process to /proc/lttng-logger or
 * /dev/lttng-logger, as lttng-modules 2.13 records it. Read once per
 * generator pass: no include guard.
 */

/* msg: the bytes written (at most LTTNG_LOGGER_MAX), as they are. */
LTTNG_EVENT_LOCAL(lttng_logger,
	LTTNG_PROTO(const char *text, size_t len),
	LTTNG_FIELDS(f_seq_text(msg, text, size_t, len)))
