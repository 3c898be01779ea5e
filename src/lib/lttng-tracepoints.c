// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel tracepoints by name, and sets of probes on them.
 */
#include <linux/export.h>
#include <linux/string.h>

#include "lttng-tracepoints.h"

struct tracepoint_lookup {
	const char *name;
	struct tracepoint *tp;
};

static void match_name(struct tracepoint *tp, void *priv)
{
	struct tracepoint_lookup *lookup = priv;

	if (!lookup->tp && !strcmp(tp->name, lookup->name))
		lookup->tp = tp;
}

struct tracepoint *lttng_tracepoint_find(const char *name)
{
	struct tracepoint_lookup lookup = { .name = name };

	for_each_kernel_tracepoint(match_name, &lookup);
	return lookup.tp;
}
EXPORT_SYMBOL_GPL(lttng_tracepoint_find);

static void unregister_first(struct lttng_tracepoint_probe *probes,
			     unsigned int n, void *data)
{
	while (n--)
		WARN_ON_ONCE(tracepoint_probe_unregister(probes[n].tp,
							 probes[n].func, data));
	tracepoint_synchronize_unregister();
}

int lttng_tracepoint_probes_register(struct lttng_tracepoint_probe *probes,
				     unsigned int n, void *data)
{
	unsigned int i;
	int ret;

	for (i = 0; i < n; i++) {
		struct lttng_tracepoint_probe *p = &probes[i];

		if (!p->tp)
			p->tp = lttng_tracepoint_find(p->name);
		if (!p->tp)
			ret = -ENOSYS;
		else
			ret = tracepoint_probe_register_prio(p->tp, p->func,
							     data, p->prio);
		if (ret) {
			unregister_first(probes, i, data);
			return ret;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(lttng_tracepoint_probes_register);

void lttng_tracepoint_probes_unregister(struct lttng_tracepoint_probe *probes,
					unsigned int n, void *data)
{
	unregister_first(probes, n, data);
}
EXPORT_SYMBOL_GPL(lttng_tracepoint_probes_unregister);
