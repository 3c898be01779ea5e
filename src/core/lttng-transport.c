// SPDX-License-Identifier: GPL-2.0-only
/*
 * Registry of the ring-buffer transports offered by the client modules.
 *
 * Client modules register at load and unregister at unload. Each name
 * and each configuration is offered by one client only, so that a
 * channel's configuration always designates a single transport.
 */
#include <linux/mutex.h>

#include <lttng/transport.h>

static LIST_HEAD(transports);
static DEFINE_MUTEX(transports_lock);

static bool same_config(const struct lttng_rb_client_config *a,
			const struct lttng_rb_client_config *b)
{
	return a->mode == b->mode && a->output == b->output &&
	       a->content == b->content;
}

static struct lttng_transport *
find_locked(const struct lttng_transport *wanted)
{
	struct lttng_transport *t;

	lockdep_assert_held(&transports_lock);
	list_for_each_entry(t, &transports, node) {
		if (!strcmp(t->name, wanted->name) ||
		    same_config(t->config, wanted->config))
			return t;
	}
	return NULL;
}

int lttng_transport_register(struct lttng_transport *transport)
{
	int ret = 0;

	mutex_lock(&transports_lock);
	if (find_locked(transport))
		ret = -EEXIST;
	else
		list_add_tail(&transport->node, &transports);
	mutex_unlock(&transports_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_transport_register);

void lttng_transport_unregister(struct lttng_transport *transport)
{
	mutex_lock(&transports_lock);
	list_del(&transport->node);
	mutex_unlock(&transports_lock);
}
EXPORT_SYMBOL_GPL(lttng_transport_unregister);

struct lttng_transport *lttng_transport_get(const struct lttng_rb_client_config *config)
{
	struct lttng_transport *t, *found = NULL;

	mutex_lock(&transports_lock);
	list_for_each_entry(t, &transports, node) {
		if (same_config(t->config, config) && try_module_get(t->owner)) {
			found = t;
			break;
		}
	}
	mutex_unlock(&transports_lock);
	return found;
}

void lttng_transport_hold(struct lttng_transport *transport)
{
	__module_get(transport->owner);
}

void lttng_transport_put(struct lttng_transport *transport)
{
	module_put(transport->owner);
}
