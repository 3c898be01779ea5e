// SPDX-License-Identifier: GPL-2.0-only
/*
 * Registry of probe modules and the events they describe.
 */
#include <linux/mutex.h>
#include <linux/string.h>

#include <lttng/objects.h>
#include <lttng/probes.h>

static LIST_HEAD(probes);
static DEFINE_MUTEX(probes_lock);

static struct lttng_probe *find_subsystem_locked(const char *subsystem)
{
	struct lttng_probe *p;

	lockdep_assert_held(&probes_lock);
	list_for_each_entry(p, &probes, node) {
		if (!strcmp(p->subsystem, subsystem))
			return p;
	}
	return NULL;
}

int lttng_probe_register(struct lttng_probe *probe)
{
	int ret = 0;

	mutex_lock(&probes_lock);
	if (find_subsystem_locked(probe->subsystem))
		ret = -EEXIST;
	else
		list_add_tail(&probe->node, &probes);
	mutex_unlock(&probes_lock);
	/* Sessions already asking for these events start recording them. */
	if (!ret)
		lttng_sync_all_sessions();
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_probe_register);

void lttng_probe_unregister(struct lttng_probe *probe)
{
	mutex_lock(&lttng_sessions_lock);
	lttng_probe_going(probe);
	mutex_lock(&probes_lock);
	list_del(&probe->node);
	mutex_unlock(&probes_lock);
	mutex_unlock(&lttng_sessions_lock);
}
EXPORT_SYMBOL_GPL(lttng_probe_unregister);

void lttng_probes_lock(void)
{
	mutex_lock(&probes_lock);
}

void lttng_probes_unlock(void)
{
	mutex_unlock(&probes_lock);
}

const struct lttng_event_desc *lttng_probes_event_at(enum lttng_event_kind kind,
						     loff_t pos)
{
	struct lttng_probe *p;
	unsigned int i;

	lockdep_assert_held(&probes_lock);
	list_for_each_entry(p, &probes, node) {
		for (i = 0; i < p->nr_events; i++) {
			if (p->events[i]->kind != kind)
				continue;
			if (pos-- == 0)
				return p->events[i];
		}
	}
	return NULL;
}
