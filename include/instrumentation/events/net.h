/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Network device events: transmit, queueing and the receive paths, with
 * lttng-modules 2.13's names (net_ prefix where it adds one). Read once
 * per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_NET_HELPERS
#define _LTTNG_INSTRUMENTATION_NET_HELPERS

#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <lttng/net-header.h>

/* The network and transport headers in the linear area of skb. */
static inline void lttng_net_header_of_skb(struct lttng_net_header *h,
					   const struct sk_buff *skb)
{
	const struct lttng_net_packet p = {
		.head = skb->head,
		.len = skb_tail_pointer(skb) - skb->head,
		.network = skb_network_header(skb) - skb->head,
		.transport = skb_transport_header_was_set(skb) ?
			     skb_transport_header(skb) - skb->head :
			     LTTNG_NET_UNSET,
		.protocol = ntohs(skb->protocol),
	};

	lttng_net_header_snapshot(h, &p);
}

#endif /* _LTTNG_INSTRUMENTATION_NET_HELPERS */

LTTNG_ENUM(net_network_header,
	LTTNG_ENUM_VALUES(
		e_value("_unknown", LTTNG_NET_HEADER_NONE)
		e_value("_ipv4", LTTNG_NET_HEADER_IPV4)
		e_value("_ipv6", LTTNG_NET_HEADER_IPV6)
	))

/* rc: the driver's NETDEV_TX_* result; len: the length before transmit. */
LTTNG_EVENT(net_dev_xmit,
	LTTNG_PROTO(struct sk_buff *skb, int rc, struct net_device *dev,
		    unsigned int skb_len),
	LTTNG_FIELDS(
		f_hex(void *, skbaddr, skb)
		f_int(int, rc, rc)
		f_int(unsigned int, len, skb_len)
		f_string(name, dev->name)
	))

/*
 * network_header is a CTF variant tagged by network_header_type: the IPv4
 * or IPv6 header with its TCP, UDP or ICMP header (lttng/net-header.h).
 * Both come from one look at the packet, made before the record is sized.
 */
#define LTTNG_NET_DEV_EVENT(_tp, _name)					\
	LTTNG_EVENT_CODE(_tp, _name,					\
		LTTNG_PROTO(struct sk_buff *skb),			\
		LTTNG_LOCALS(struct lttng_net_header nh;),		\
		LTTNG_CODE(lttng_net_header_of_skb(&tp_locvar->nh, skb);), \
		LTTNG_FIELDS(						\
			f_hex(void *, skbaddr, skb)			\
			f_int(unsigned int, len, skb->len)		\
			f_string(name, skb->dev->name)			\
			f_enum(net_network_header, unsigned char,	\
			       network_header_type, tp_locvar->nh.type)	\
			f_variant(lttng_net_header_choices, network_header, \
				  tp_locvar->nh.bytes, tp_locvar->nh.len)))

LTTNG_NET_DEV_EVENT(net_dev_queue, net_dev_queue)
LTTNG_NET_DEV_EVENT(netif_receive_skb, net_if_receive_skb)
LTTNG_NET_DEV_EVENT(netif_rx, net_if_rx)

/* Entry into the receive functions: the buffer's address only. */
#define LTTNG_NET_RX_ENTRY(tp, name)					\
	LTTNG_EVENT_MAP(tp, name,					\
		LTTNG_PROTO(const struct sk_buff *skb),			\
		LTTNG_FIELDS(f_hex(const void *, skbaddr, skb)))

LTTNG_NET_RX_ENTRY(napi_gro_frags_entry, net_napi_gro_frags_entry)
LTTNG_NET_RX_ENTRY(napi_gro_receive_entry, net_napi_gro_receive_entry)
LTTNG_NET_RX_ENTRY(netif_receive_skb_entry, net_if_receive_skb_entry)
LTTNG_NET_RX_ENTRY(netif_rx_entry, net_if_rx_entry)
/* netif_rx_ni() merged into netif_rx() in Linux 5.18. */
#ifdef LTTNG_HAVE_NETIF_RX_NI
LTTNG_NET_RX_ENTRY(netif_rx_ni_entry, net_if_rx_ni_entry)
#endif
LTTNG_NET_RX_ENTRY(netif_receive_skb_list_entry, net_if_receive_skb_list_entry)

/* Return from the receive functions: their result (GRO_*, NET_RX_*). */
#define LTTNG_NET_RX_EXIT(tp, name)					\
	LTTNG_EVENT_MAP(tp, name,					\
		LTTNG_PROTO(int ret),					\
		LTTNG_FIELDS(f_int(int, ret, ret)))

LTTNG_NET_RX_EXIT(napi_gro_frags_exit, net_napi_gro_frags_exit)
LTTNG_NET_RX_EXIT(napi_gro_receive_exit, net_napi_gro_receive_exit)
LTTNG_NET_RX_EXIT(netif_receive_skb_exit, net_if_receive_skb_exit)
LTTNG_NET_RX_EXIT(netif_rx_exit, net_if_rx_exit)
#ifdef LTTNG_HAVE_NETIF_RX_NI
LTTNG_NET_RX_EXIT(netif_rx_ni_exit, net_if_rx_ni_exit)
#endif
LTTNG_NET_RX_EXIT(netif_receive_skb_list_exit, net_if_receive_skb_list_exit)
