/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Everything lttng-dt prints goes through here: messages in lttng's
 * manner ("Error: ..." on stderr, silenced by -q, debug lines with -v) and
 * the human-readable rendering of what the kernel reports.
 */
#ifndef _DT_OUTPUT_H
#define _DT_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <lttng/abi.h>

extern int dt_opt_quiet;
extern int dt_opt_verbose;

void dt_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void dt_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void dt_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void dt_dbg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* dt-list: the flagged threads, "now" on CLOCK_MONOTONIC. */
void dt_out_threads(const struct lttng_dt_abi_thread *threads, size_t count,
		    uint64_t now);
/* dt-gate SESSION: one session's gate. */
void dt_out_gate(const struct lttng_dt_abi_gate *gate);
/*
 * dt-status: the extension, the TCP mark (trusted: how many networks the
 * trust list holds besides loopback, always trusted; DT_MARK_TRUST_ALL
 * when one of them is ::/0, every address; DT_MARK_NOT_LOADED or
 * DT_MARK_UNKNOWN), then one line per session.
 */
#define DT_MARK_NOT_LOADED	(-1L)
#define DT_MARK_UNKNOWN		(-2L)
#define DT_MARK_TRUST_ALL	(-3L)
void dt_out_status(const struct lttng_dt_abi_version *version,
		   const struct lttng_dt_abi_stats *stats, long trusted);
void dt_out_status_session(const char *name,
			   const struct lttng_dt_abi_gate *gate);
/* dt-trust list: one network a line, or that loopback only is trusted. */
void dt_out_trust(const struct lttng_dt_abi_trust_net *nets, size_t count);

#endif /* _DT_OUTPUT_H */
