/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 page faults, from user and from kernel mode, with lttng-modules
 * 2.13's names (x86_exceptions_ prefix). Read once per generator pass: no
 * include guard.
 */

/*
 * address: the faulting address (CR2); ip: the faulting instruction;
 * error_code: the hardware error code, whose low bits (protection,
 * write, user, reserved bit, instruction fetch, protection key) fit the
 * byte lttng-modules keeps of it.
 */
#define LTTNG_PAGE_FAULT_EVENT(tp)					\
	LTTNG_EVENT_MAP(tp, x86_exceptions_##tp,			\
		LTTNG_PROTO(unsigned long address, struct pt_regs *regs,	\
			    unsigned long error_code),			\
		LTTNG_FIELDS(						\
			f_hex(unsigned long, address, address)		\
			f_hex(unsigned long, ip, regs->ip)		\
			f_hex(unsigned char, error_code, error_code)	\
		))

LTTNG_PAGE_FAULT_EVENT(page_fault_user)
LTTNG_PAGE_FAULT_EVENT(page_fault_kernel)
