/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Module loader events, laid out as lttng-modules 2.13 records them.
 * Read once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_MODULE_HELPERS
#define _LTTNG_INSTRUMENTATION_MODULE_HELPERS

#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/module.h>

#endif /* _LTTNG_INSTRUMENTATION_MODULE_HELPERS */

/* The module's taint bits; a value with several bits set has no label. */
LTTNG_ENUM(taint,
	LTTNG_ENUM_VALUES(
		e_value("PROPRIETARY_MODULE", 1UL << TAINT_PROPRIETARY_MODULE)
		e_value("FORCED_MODULE", 1UL << TAINT_FORCED_MODULE)
		e_value("CPU_OUT_OF_SPEC", 1UL << TAINT_CPU_OUT_OF_SPEC)
		e_value("FORCED_RMMOD", 1UL << TAINT_FORCED_RMMOD)
		e_value("MACHINE_CHECK", 1UL << TAINT_MACHINE_CHECK)
		e_value("BAD_PAGE", 1UL << TAINT_BAD_PAGE)
		e_value("USER", 1UL << TAINT_USER)
		e_value("DIE", 1UL << TAINT_DIE)
		e_value("OVERRIDDEN_ACPI_TABLE", 1UL << TAINT_OVERRIDDEN_ACPI_TABLE)
		e_value("WARN", 1UL << TAINT_WARN)
		e_value("CRAP", 1UL << TAINT_CRAP)
		e_value("FIRMWARE_WORKAROUND", 1UL << TAINT_FIRMWARE_WORKAROUND)
		e_value("OOT_MODULE", 1UL << TAINT_OOT_MODULE)
		e_value("UNSIGNED_MODULE", 1UL << TAINT_UNSIGNED_MODULE)
		e_value("SOFTLOCKUP", 1UL << TAINT_SOFTLOCKUP)
		e_value("LIVEPATCH", 1UL << TAINT_LIVEPATCH)
		e_value("AUX", 1UL << TAINT_AUX)
		e_value("RANDSTRUCT", 1UL << TAINT_RANDSTRUCT)
	))

LTTNG_EVENT(module_load,
	LTTNG_PROTO(struct module *mod),
	LTTNG_FIELDS(
		f_enum(taint, unsigned int, taints, mod->taints)
		f_string(name, mod->name)
	))

LTTNG_EVENT(module_free,
	LTTNG_PROTO(struct module *mod),
	LTTNG_FIELDS(f_string(name, mod->name)))

/* The kernel only fires module_get/module_put when modules can unload. */
#ifdef CONFIG_MODULE_UNLOAD
#define LTTNG_MODULE_REFCNT_FIELDS(mod, ip)				\
	f_hex(unsigned long, ip, ip)					\
	f_int(int, refcnt, atomic_read(&mod->refcnt))			\
	f_string(name, mod->name)

LTTNG_EVENT(module_get,
	LTTNG_PROTO(struct module *mod, unsigned long ip),
	LTTNG_FIELDS(LTTNG_MODULE_REFCNT_FIELDS(mod, ip)))

LTTNG_EVENT(module_put,
	LTTNG_PROTO(struct module *mod, unsigned long ip),
	LTTNG_FIELDS(LTTNG_MODULE_REFCNT_FIELDS(mod, ip)))
#endif /* CONFIG_MODULE_UNLOAD */

/* wait: request_module() waits for modprobe to finish. */
LTTNG_EVENT(module_request,
	LTTNG_PROTO(char *name, bool wait, unsigned long ip),
	LTTNG_FIELDS(
		f_hex(unsigned long, ip, ip)
		f_int(bool, wait, wait)
		f_string(name, name)
	))
