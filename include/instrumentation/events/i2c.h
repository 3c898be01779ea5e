/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * I2C transfers: each message written or read, each reply and each
 * transfer's result, laid out as lttng-modules 2.13 records them. Read
 * once per generator pass: no include guard.
 */

/*
 * The bytes of a message may be secrets (keys, sensor data): like
 * lttng-modules, they are recorded only when the module parameter
 * extract_sensitive_payload is set, read once per event; buf is empty
 * otherwise.
 */
#define LTTNG_I2C_MSG_EVENT(_name)					\
	LTTNG_EVENT_CODE(_name, _name,					\
		LTTNG_PROTO(const struct i2c_adapter *adap,		\
			    const struct i2c_msg *msg, int num),	\
		LTTNG_LOCALS(bool payload;),				\
		LTTNG_CODE(tp_locvar->payload =				\
			   READ_ONCE(lttng_i2c_extract_sensitive_payload);), \
		LTTNG_FIELDS(						\
			f_int(int, adapter_nr, adap->nr)		\
			f_int(u16, msg_nr, num)				\
			f_int(u16, addr, msg->addr)			\
			f_int(u16, flags, msg->flags)			\
			f_int(u16, len, msg->len)			\
			f_seq_hex(u8, buf, tp_locvar->payload ? msg->buf : NULL, \
				  u16, tp_locvar->payload ? msg->len : 0) \
		))

LTTNG_I2C_MSG_EVENT(i2c_write)

LTTNG_EVENT(i2c_read,
	LTTNG_PROTO(const struct i2c_adapter *adap, const struct i2c_msg *msg,
		    int num),
	LTTNG_FIELDS(
		f_int(int, adapter_nr, adap->nr)
		f_int(u16, msg_nr, num)
		f_int(u16, addr, msg->addr)
		f_int(u16, flags, msg->flags)
		f_int(u16, len, msg->len)
	))

LTTNG_I2C_MSG_EVENT(i2c_reply)

/* ret: the messages transferred, or a negative errno. */
LTTNG_EVENT(i2c_result,
	LTTNG_PROTO(const struct i2c_adapter *adap, int num, int ret),
	LTTNG_FIELDS(
		f_int(int, adapter_nr, adap->nr)
		f_int(u16, nr_msgs, num)
		f_int(s16, ret, ret)
	))
