// SPDX-License-Identifier: GPL-2.0-only
/*
 * Channels: a session's buffers, with the transport (ring-buffer client)
 * that their configuration designates.
 */
#include <linux/mm.h>
#include <linux/slab.h>

#include <lttng/objects.h>

#include "lib/ringbuffer/buffer.h"

static void fill_config(struct lttng_rb_client_config *config,
			const struct lttng_abi_channel *attr, bool metadata)
{
	config->mode = attr->overwrite ? LTTNG_RB_MODE_OVERWRITE :
					 LTTNG_RB_MODE_DISCARD;
	config->output = attr->output == LTTNG_ABI_OUTPUT_MMAP ?
			 LTTNG_RB_OUTPUT_MMAP : LTTNG_RB_OUTPUT_SPLICE;
	config->content = metadata ? LTTNG_RB_CONTENT_METADATA :
				     LTTNG_RB_CONTENT_EVENTS;
	/* Only one metadata client per output: mode is not a choice. */
	if (metadata)
		config->mode = LTTNG_RB_MODE_DISCARD;
}

static int check_attr(const struct lttng_abi_channel *attr)
{
	if (attr->output != LTTNG_ABI_OUTPUT_SPLICE &&
	    attr->output != LTTNG_ABI_OUTPUT_MMAP)
		return -EINVAL;
	if (attr->overwrite != 0 && attr->overwrite != 1)
		return -EINVAL;
	return 0;
}

static void release_transport(void *transport)
{
	lttng_transport_put(transport);
}

static int create_buffers(struct lttng_channel *chan,
			  const struct lttng_abi_channel *attr)
{
	const struct lttng_rb_channel_attr rb_attr = {
		.subbuf_size = attr->subbuf_size,
		.num_subbuf = attr->num_subbuf,
		.switch_timer_us = attr->switch_timer_interval,
		.read_timer_us = attr->read_timer_interval,
	};
	struct lttng_rb_channel *rb;

	if (attr->subbuf_size > ULONG_MAX || attr->num_subbuf > ULONG_MAX)
		return -EINVAL;
	rb = lttng_rb_channel_create(chan->transport->config,
				     chan->transport->packet_ops, &rb_attr,
				     chan->transport);
	if (IS_ERR(rb))
		return PTR_ERR(rb);
	/*
	 * The buffers outlive the channel while the consumer's stream files
	 * are open, and they call the client's packet ops: they keep its
	 * module loaded until their last reference goes.
	 */
	lttng_transport_hold(chan->transport);
	rb->release = release_transport;
	rb->id = chan->id;
	memcpy(rb->uuid, chan->session->uuid, sizeof(rb->uuid));
	chan->rb = rb;
	return 0;
}

struct lttng_channel *lttng_channel_create(struct lttng_session *session,
					   const struct lttng_abi_channel *attr,
					   bool metadata)
{
	struct lttng_rb_client_config config;
	struct lttng_channel *chan;
	int ret;

	ret = check_attr(attr);
	if (ret)
		return ERR_PTR(ret);
	fill_config(&config, attr, metadata);
	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return ERR_PTR(-ENOMEM);
	chan->transport = lttng_transport_get(&config);
	if (!chan->transport) {
		kfree(chan);
		return ERR_PTR(-ENOENT);	/* client module not loaded */
	}
	chan->ops = chan->transport->ops;
	chan->session = session;
	chan->is_metadata = metadata;
	chan->attr = *attr;
	chan->enabled = 1;
	INIT_LIST_HEAD(&chan->enablers);
	INIT_LIST_HEAD(&chan->recorders);

	mutex_lock(&lttng_sessions_lock);
	/* Channels are fixed once the session has run (stream ids). */
	if (session->been_active && !metadata) {
		ret = -EBUSY;
		goto err_unlock;
	}
	chan->id = session->next_channel_id++;
	if (!metadata) {
		ret = create_buffers(chan, attr);
		if (ret)
			goto err_unlock;
	}
	list_add_tail(&chan->node, &session->channels);
	mutex_unlock(&lttng_sessions_lock);
	return chan;

err_unlock:
	mutex_unlock(&lttng_sessions_lock);
	lttng_transport_put(chan->transport);
	kfree(chan);
	return ERR_PTR(ret);
}

/* Called with the recorders already unregistered and synchronised. */
void lttng_channel_destroy_locked(struct lttng_channel *chan)
{
	struct lttng_enabler *enabler, *tmp;

	lockdep_assert_held(&lttng_sessions_lock);
	list_del(&chan->node);
	if (chan->rb) {
		lttng_rb_channel_finalize(chan->rb);
		lttng_rb_channel_put(chan->rb);
	}
	lttng_channel_free_recorders_locked(chan);
	lttng_context_destroy(&chan->ctx);
	list_for_each_entry_safe(enabler, tmp, &chan->enablers, node) {
		list_del(&enabler->node);
		kvfree(enabler->filter);
		kfree(enabler);
	}
	lttng_transport_put(chan->transport);
	kfree(chan);
}

int lttng_channel_set_enabled(struct lttng_channel *chan, bool enabled)
{
	int ret = 0;

	mutex_lock(&lttng_sessions_lock);
	if (chan->is_metadata)
		ret = -EPERM;
	else if (!!chan->enabled == enabled)
		ret = -EEXIST;
	else
		WRITE_ONCE(chan->enabled, enabled);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}
