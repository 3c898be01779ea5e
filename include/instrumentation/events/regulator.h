/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Voltage and current regulators: enabling, disabling, voltage changes,
 * laid out as lttng-modules 2.13 records them (of the kernel's
 * regulator tracepoints, the ones it instruments). Read once per
 * generator pass: no include guard.
 */

#define LTTNG_REGULATOR_EVENT(_name)					\
	LTTNG_EVENT(_name,						\
		LTTNG_PROTO(const char *name),				\
		LTTNG_FIELDS(f_string(name, name)))

LTTNG_REGULATOR_EVENT(regulator_enable)
LTTNG_REGULATOR_EVENT(regulator_enable_delay)
LTTNG_REGULATOR_EVENT(regulator_enable_complete)
LTTNG_REGULATOR_EVENT(regulator_disable)
LTTNG_REGULATOR_EVENT(regulator_disable_complete)

/* The range asked for, in microvolts. */
LTTNG_EVENT(regulator_set_voltage,
	LTTNG_PROTO(const char *name, int min, int max),
	LTTNG_FIELDS(
		f_string(name, name)
		f_int(int, min, min)
		f_int(int, max, max)
	))

/* val: the voltage set (or the selector, as the driver reports it). */
LTTNG_EVENT(regulator_set_voltage_complete,
	LTTNG_PROTO(const char *name, unsigned int val),
	LTTNG_FIELDS(
		f_string(name, name)
		f_int(unsigned int, val, val)
	))
