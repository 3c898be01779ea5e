// SPDX-License-Identifier: GPL-2.0-only
/*
 * Messages and human-readable output (see output.h). -q silences
 * everything, as it does in lttng: the exit status still tells.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "cidr.h"
#include "mark-module.h"
#include "output.h"

int dt_opt_quiet;
int dt_opt_verbose;

static void dt_vprint(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	fputs(prefix, f);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
}

void dt_msg(const char *fmt, ...)
{
	va_list ap;

	if (dt_opt_quiet)
		return;
	va_start(ap, fmt);
	dt_vprint(stdout, "", fmt, ap);
	va_end(ap);
}

void dt_err(const char *fmt, ...)
{
	va_list ap;

	if (dt_opt_quiet)
		return;
	va_start(ap, fmt);
	dt_vprint(stderr, "Error: ", fmt, ap);
	va_end(ap);
}

void dt_warn(const char *fmt, ...)
{
	va_list ap;

	if (dt_opt_quiet)
		return;
	va_start(ap, fmt);
	dt_vprint(stderr, "Warning: ", fmt, ap);
	va_end(ap);
}

void dt_dbg(const char *fmt, ...)
{
	va_list ap;

	if (dt_opt_quiet || !dt_opt_verbose)
		return;
	va_start(ap, fmt);
	dt_vprint(stderr, "DBG1 - ", fmt, ap);
	va_end(ap);
}

static const char *const dt_reason_names[LTTNG_DT_NR_REASONS] = {
	[LTTNG_DT_REASON_MANUAL]	= "manual",
	[LTTNG_DT_REASON_INHERITED]	= "inherited",
	[LTTNG_DT_REASON_NETWORK]	= "network",
};

/* "manual since 12.000000001 (3.2 s ago)", on the trace's clock. */
static void dt_out_reason(const struct lttng_dt_abi_thread *t, int r,
			  uint64_t now)
{
	uint64_t since = t->since[r];

	printf("%s", dt_reason_names[r]);
	if (r == LTTNG_DT_REASON_MANUAL && (t->flags & LTTNG_DT_TRACK_NO_INHERIT))
		printf(", no inherit,");
	printf(" since %" PRIu64 ".%09" PRIu64, since / 1000000000,
	       since % 1000000000);
	if (since && now >= since)
		printf(" (%.1f s ago)", (double)(now - since) / 1e9);
	putchar('\n');
}

static void dt_out_thread(const struct lttng_dt_abi_thread *t, uint64_t now)
{
	char comm[sizeof(t->comm) + 1];
	int r, first = 1;

	/* The kernel's comm may fill its 16 bytes with no NUL. */
	snprintf(comm, sizeof(comm), "%.*s", (int)sizeof(t->comm), t->comm);
	printf("  %-8d %-8d %-16s ", t->tid, t->pid, comm);
	for (r = 0; r < LTTNG_DT_NR_REASONS; r++) {
		if (!(t->reasons & LTTNG_DT_REASON_BIT(r)))
			continue;
		if (!first)
			printf("  %-8s %-8s %-16s ", "", "", "");
		dt_out_reason(t, r, now);
		first = 0;
	}
	if (first)
		printf("(no reason reported: 0x%x)\n", t->reasons);
}

void dt_out_threads(const struct lttng_dt_abi_thread *threads, size_t count,
		    uint64_t now)
{
	size_t i;

	if (dt_opt_quiet)
		return;
	if (!count) {
		printf("No flagged threads.\n");
		return;
	}
	printf("Flagged threads: %zu\n\n", count);
	printf("  %-8s %-8s %-16s %s\n", "TID", "PID", "COMMAND", "REASONS");
	for (i = 0; i < count; i++)
		dt_out_thread(&threads[i], now);
}

void dt_out_gate(const struct lttng_dt_abi_gate *gate)
{
	if (dt_opt_quiet)
		return;
	if (gate->flags & LTTNG_DT_ABI_GATE_KEPT) {
		printf("Session %s: gate %s (from its first kernel channel, which it does not have yet)\n",
		       gate->session_name, gate->gated ? "on" : "off");
		return;
	}
	printf("Session %s: gate %s (gated out: %" PRIu64 " events, passed: %"
	       PRIu64 ")\n", gate->session_name, gate->gated ? "on" : "off",
	       (uint64_t)gate->gated_out, (uint64_t)gate->passed);
}

/* The TCP mark: whether it runs, whom it trusts, what it did. */
static void dt_out_status_mark(const struct lttng_dt_abi_stats *stats,
			       long trusted)
{
	if (trusted == DT_MARK_NOT_LOADED)
		printf("TCP mark (lttng-dt-tcp): not loaded; marking is %s\n",
		       dt_mark_state_str(dt_mark_state_now()));
	else if (trusted == 0)
		printf("TCP mark (lttng-dt-tcp): loaded, trusted peers: loopback only (default); add networks with lttng dt-trust add\n");
	else if (trusted == DT_MARK_TRUST_ALL)
		printf("TCP mark (lttng-dt-tcp): loaded, trusted peers: every address (::/0 is in the trust list)\n");
	else if (trusted > 0)
		printf("TCP mark (lttng-dt-tcp): loaded, trusted peers: loopback and %ld network%s (lttng dt-trust list)\n",
		       trusted, trusted == 1 ? "" : "s");
	printf("Marks since load: %" PRIu64 " sent, %" PRIu64 " received\n",
	       (uint64_t)stats->marks_sent, (uint64_t)stats->marks_received);
	printf("Marks ignored since load: %" PRIu64 " untrusted source, %" PRIu64
	       " over the rate limit\n", (uint64_t)stats->marks_untrusted,
	       (uint64_t)stats->marks_ratelimited);
	printf("Network flags cleared since load: %" PRIu64 " by a response, %"
	       PRIu64 " expired\n", (uint64_t)stats->net_cleared_response,
	       (uint64_t)stats->net_expired);
}

void dt_out_status(const struct lttng_dt_abi_version *version,
		   const struct lttng_dt_abi_stats *stats, long trusted)
{
	if (dt_opt_quiet)
		return;
	printf("lttng-dt extension: ABI %u.%u (tools %s, ABI %d.%d)\n",
	       version->major, version->minor, PACKAGE_VERSION,
	       LTTNG_DT_ABI_MAJOR_VERSION, LTTNG_DT_ABI_MINOR_VERSION);
	printf("Flagged threads: %" PRIu64 "\n", (uint64_t)stats->flagged_threads);
	printf("Flags set since load: %" PRIu64 " manual, %" PRIu64
	       " inherited, %" PRIu64 " network\n",
	       (uint64_t)stats->flags_set[LTTNG_DT_REASON_MANUAL],
	       (uint64_t)stats->flags_set[LTTNG_DT_REASON_INHERITED],
	       (uint64_t)stats->flags_set[LTTNG_DT_REASON_NETWORK]);
	printf("Flags cleared since load: %" PRIu64 "\n",
	       (uint64_t)stats->flags_cleared);
	dt_out_status_mark(stats, trusted);
}

void dt_out_status_session(const char *name,
			   const struct lttng_dt_abi_gate *gate)
{
	if (dt_opt_quiet)
		return;
	if (!gate) {
		printf("  %-24s (no kernel tracing session of that name)\n", name);
		return;
	}
	printf("  %-24s gate %-3s  gated out: %-12" PRIu64 " passed: %" PRIu64 "\n",
	       name, gate->gated ? "on" : "off", (uint64_t)gate->gated_out,
	       (uint64_t)gate->passed);
}

void dt_out_trust(const struct lttng_dt_abi_trust_net *nets, size_t count)
{
	char buf[DT_CIDR_LEN];
	size_t i;

	if (dt_opt_quiet)
		return;
	if (!count) {
		printf("The trust list is empty: marks from loopback only are honoured (the default)\n");
		return;
	}
	for (i = 0; i < count; i++) {
		dt_cidr_format(&nets[i], buf, sizeof(buf));
		printf("%s\n", buf);
	}
}
