/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 interrupt vector handlers (local APIC timer, IPIs, APIC errors,
 * thermal and machine-check interrupts), entry and exit, with
 * lttng-modules 2.13's names (x86_irq_vectors_ prefix). The probe module
 * is built with LTTNG_PROBE_TP_CHECKED: vectors the kernel's configuration
 * leaves out have no event. Read once per generator pass: no include guard.
 */

/* vector: the vector number the handler serves. */
#define LTTNG_IRQ_VECTOR_EVENTS(tp, name)				\
	LTTNG_EVENT_MAP(tp##_entry, x86_irq_vectors_##name##_entry,	\
		LTTNG_PROTO(int vector),				\
		LTTNG_FIELDS(f_int(int, vector, vector)))		\
	LTTNG_EVENT_MAP(tp##_exit, x86_irq_vectors_##name##_exit,	\
		LTTNG_PROTO(int vector),				\
		LTTNG_FIELDS(f_int(int, vector, vector)))

LTTNG_IRQ_VECTOR_EVENTS(local_timer, local_timer)
LTTNG_IRQ_VECTOR_EVENTS(reschedule, reschedule)
LTTNG_IRQ_VECTOR_EVENTS(spurious_apic, spurious_apic)
LTTNG_IRQ_VECTOR_EVENTS(error_apic, error_apic)
/* lttng-modules names the platform IPI events "ipi". */
LTTNG_IRQ_VECTOR_EVENTS(x86_platform_ipi, ipi)
LTTNG_IRQ_VECTOR_EVENTS(irq_work, irq_work)
LTTNG_IRQ_VECTOR_EVENTS(call_function, call_function)
LTTNG_IRQ_VECTOR_EVENTS(call_function_single, call_function_single)
LTTNG_IRQ_VECTOR_EVENTS(threshold_apic, threshold_apic)
LTTNG_IRQ_VECTOR_EVENTS(deferred_error_apic, deferred_error_apic)
LTTNG_IRQ_VECTOR_EVENTS(thermal_apic, thermal_apic)
