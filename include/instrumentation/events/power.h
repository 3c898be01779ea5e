/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power management events: CPU idle and frequency, wakeup sources,
 * clocks and power domains, with lttng-modules 2.13's names (power_
 * prefix). Read once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_POWER_HELPERS
#define _LTTNG_INSTRUMENTATION_POWER_HELPERS

#include <linux/types.h>

#endif /* _LTTNG_INSTRUMENTATION_POWER_HELPERS */

/* state: the idle state entered, PWR_EVENT_EXIT (-1 as u32) on exit. */
LTTNG_EVENT_MAP(cpu_idle, power_cpu_idle,
	LTTNG_PROTO(unsigned int state, unsigned int cpu_id),
	LTTNG_FIELDS(
		f_int(u32, state, state)
		f_int(u32, cpu_id, cpu_id)
	))

/* lttng-modules names the new frequency (kHz) "state", as cpu_idle does. */
LTTNG_EVENT_MAP(cpu_frequency, power_cpu_frequency,
	LTTNG_PROTO(unsigned int frequency, unsigned int cpu_id),
	LTTNG_FIELDS(
		f_int(u32, state, frequency)
		f_int(u32, cpu_id, cpu_id)
	))

/*
 * Only older kernels have machine_suspend (current ones trace suspend
 * with suspend_resume, which lttng-modules 2.13 does not instrument).
 */
#ifdef LTTNG_HAVE_POWER_MACHINE_SUSPEND
LTTNG_EVENT_MAP(machine_suspend, power_machine_suspend,
	LTTNG_PROTO(unsigned int state),
	LTTNG_FIELDS(f_int(u32, state, state)))
#endif

#define LTTNG_POWER_WAKEUP_FIELDS					\
	f_string(name, name)						\
	f_int(u64, state, state)

LTTNG_EVENT_MAP(wakeup_source_activate, power_wakeup_source_activate,
	LTTNG_PROTO(const char *name, unsigned int state),
	LTTNG_FIELDS(LTTNG_POWER_WAKEUP_FIELDS))

LTTNG_EVENT_MAP(wakeup_source_deactivate, power_wakeup_source_deactivate,
	LTTNG_PROTO(const char *name, unsigned int state),
	LTTNG_FIELDS(LTTNG_POWER_WAKEUP_FIELDS))

/* Clock and power domain events: a name, a state (or rate) and a CPU. */
#define LTTNG_POWER_NAMED_FIELDS					\
	f_string(name, name)						\
	f_int(u64, state, state)					\
	f_int(u64, cpu_id, cpu_id)

LTTNG_EVENT_MAP(clock_enable, power_clock_enable,
	LTTNG_PROTO(const char *name, unsigned int state, unsigned int cpu_id),
	LTTNG_FIELDS(LTTNG_POWER_NAMED_FIELDS))

LTTNG_EVENT_MAP(clock_disable, power_clock_disable,
	LTTNG_PROTO(const char *name, unsigned int state, unsigned int cpu_id),
	LTTNG_FIELDS(LTTNG_POWER_NAMED_FIELDS))

LTTNG_EVENT_MAP(clock_set_rate, power_clock_set_rate,
	LTTNG_PROTO(const char *name, unsigned int state, unsigned int cpu_id),
	LTTNG_FIELDS(LTTNG_POWER_NAMED_FIELDS))

LTTNG_EVENT(power_domain_target,
	LTTNG_PROTO(const char *name, unsigned int state, unsigned int cpu_id),
	LTTNG_FIELDS(LTTNG_POWER_NAMED_FIELDS))
