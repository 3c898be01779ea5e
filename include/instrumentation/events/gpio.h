/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GPIO lines: direction changes and values read or set, laid out as
 * lttng-modules 2.13 records them. Read once per generator pass: no
 * include guard.
 */

/* in: 1 for input; err: the driver's result. */
LTTNG_EVENT(gpio_direction,
	LTTNG_PROTO(unsigned int gpio, int in, int err),
	LTTNG_FIELDS(
		f_int(unsigned int, gpio, gpio)
		f_int(int, in, in)
		f_int(int, err, err)
	))

/* get: 1 for a read, 0 for a write. */
LTTNG_EVENT(gpio_value,
	LTTNG_PROTO(unsigned int gpio, int get, int value),
	LTTNG_FIELDS(
		f_int(unsigned int, gpio, gpio)
		f_int(int, get, get)
		f_int(int, value, value)
	))
