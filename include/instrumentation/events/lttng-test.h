/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lttng_test_filter_event: fired N times by writing N to
 * /proc/lttng-test-filter-event. One field of each kind the tracer can
 * record, with the names, types and values of lttng-modules' test event,
 * so that tests and benchmarks drive both tracers alike.
 */
LTTNG_ENUM(lttng_test_filter_event_enum,
	LTTNG_ENUM_VALUES(
		e_value("AUTO: EXPECT 0", 0)
		e_value("VALUE: 23", 23)
		e_value("VALUE: 27", 27)
		e_value("AUTO: EXPECT 28", 28)
		e_range("RANGE: 101 TO 303", 101, 303)
		e_value("AUTO: EXPECT 304", 304)
		e_value("VALUE: -1", -1)
	))

LTTNG_EVENT_LOCAL(lttng_test_filter_event,
	LTTNG_PROTO(int anint, int netint, long *values, char *text,
		    size_t textlen, char *etext, uint32_t *net_values),
	LTTNG_FIELDS(
		f_int(int, intfield, anint)
		f_hex(int, intfield2, anint)
		f_int(long, longfield, anint)
		f_int(int, signedfield, -1)
		f_int_net(int, netintfield, netint)
		f_hex_net(int, netintfieldhex, netint)
		f_array(long, arrfield1, values, 3)
		f_text(arrfield2, text, 10)
		f_array_net(uint32_t, arrfield3, net_values, 3)
		f_seq(char, seqfield1, text, size_t, textlen)
		f_seq_text(seqfield2, text, size_t, textlen)
		f_seq_net(uint32_t, seqfield3, net_values, size_t, 3)
		f_seq(long, seqfield4, values, size_t, 3)
		f_string(stringfield, text)
		f_string(stringfield2, etext)
		f_seq_bits(long, bitfield_seq, values, uint8_t, 3)
		f_array_bits(long, bitfield_array, values, 3)
		f_enum(lttng_test_filter_event_enum, int, enum0, 0)
		f_enum(lttng_test_filter_event_enum, int, enum23, 23)
		f_enum(lttng_test_filter_event_enum, int, enum27, 27)
		f_enum(lttng_test_filter_event_enum, int, enum28, 28)
		f_enum(lttng_test_filter_event_enum, int, enum202, 202)
		f_enum(lttng_test_filter_event_enum, int, enum304, 304)
		f_enum(lttng_test_filter_event_enum, int, enumnegative, -1)
	))
