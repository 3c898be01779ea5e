/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * NAPI polling event, laid out as lttng-modules 2.13 records it. Read
 * once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_NAPI_HELPERS
#define _LTTNG_INSTRUMENTATION_NAPI_HELPERS

#include <linux/netdevice.h>

static inline const char *lttng_napi_dev_name(const struct napi_struct *napi)
{
	return napi->dev ? napi->dev->name : "(no_device)";
}

#endif /* _LTTNG_INSTRUMENTATION_NAPI_HELPERS */

/* work: packets processed by this poll, out of budget. */
LTTNG_EVENT(napi_poll,
	LTTNG_PROTO(struct napi_struct *napi, int work, int budget),
	LTTNG_FIELDS(
		f_hex(struct napi_struct *, napi, napi)
		f_string(dev_name, lttng_napi_dev_name(napi))
		f_int(int, work, work)
		f_int(int, budget, budget)
	))
