/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RCU events, laid out as lttng-modules 2.13 records them. Read once per
 * generator pass: no include guard.
 *
 * Without CONFIG_RCU_TRACE (distribution kernels, Debian's included) the
 * kernel defines its other RCU tracepoints as no-ops and lttng-modules
 * only instruments rcu_utilization; so do we.
 */

/* s: "Start <activity>" or "End <activity>" marker. */
LTTNG_EVENT(rcu_utilization,
	LTTNG_PROTO(const char *s),
	LTTNG_FIELDS(f_string(s, s)))
