/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel messages as they are written to the consoles, with lttng-modules
 * 2.13's name (printk_console). Read once per generator pass: no include
 * guard.
 */

/* msg: the formatted message, not NUL-terminated, as the console gets it. */
LTTNG_EVENT_MAP(console, printk_console,
	LTTNG_PROTO(const char *text, size_t len),
	LTTNG_FIELDS(f_seq_text(msg, text, size_t, len)))
