/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Network device events: transmit, queueing and the receive paths, with
 * lttng-modules 2.13's names (net_ prefix where it adds one). Read once
 * per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_NET_HELPERS
#define _LTTNG_INSTRUMENTATION_NET_HELPERS

#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

/* Values of network_header_type, as lttng-modules numbers them. */
enum lttng_net_header_type {
	LTTNG_NET_HEADER_NONE	= 0,
	LTTNG_NET_HEADER_IPV4	= 1,
	LTTNG_NET_HEADER_IPV6	= 2,
};

/*
 * The network-layer protocol of a packet whose network header is set
 * (until it is, the header offset is 0 and points at the buffer's head).
 */
static inline unsigned char lttng_net_header_type(const struct sk_buff *skb)
{
	if (skb_network_header(skb) == skb->head)
		return LTTNG_NET_HEADER_NONE;
	if (skb->protocol == htons(ETH_P_IP))
		return LTTNG_NET_HEADER_IPV4;
	if (skb->protocol == htons(ETH_P_IPV6))
		return LTTNG_NET_HEADER_IPV6;
	return LTTNG_NET_HEADER_NONE;
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
 * lttng-modules follows network_header_type with network_header, a CTF
 * variant holding a copy of the IPv4 or IPv6 header and, inside it, of
 * the TCP, UDP or ICMP header (structures with 4-bit and 1-bit fields).
 * Our field descriptions have no variant, structure or sub-byte integer
 * types, so that last field is not recorded: the records end with
 * network_header_type, which still tells the packet's network protocol.
 */
#define LTTNG_NET_DEV_FIELDS(skb)					\
	f_hex(void *, skbaddr, skb)					\
	f_int(unsigned int, len, skb->len)				\
	f_string(name, skb->dev->name)					\
	f_enum(net_network_header, unsigned char, network_header_type,	\
	       lttng_net_header_type(skb))

LTTNG_EVENT(net_dev_queue,
	LTTNG_PROTO(struct sk_buff *skb),
	LTTNG_FIELDS(LTTNG_NET_DEV_FIELDS(skb)))

LTTNG_EVENT_MAP(netif_receive_skb, net_if_receive_skb,
	LTTNG_PROTO(struct sk_buff *skb),
	LTTNG_FIELDS(LTTNG_NET_DEV_FIELDS(skb)))

LTTNG_EVENT_MAP(netif_rx, net_if_rx,
	LTTNG_PROTO(struct sk_buff *skb),
	LTTNG_FIELDS(LTTNG_NET_DEV_FIELDS(skb)))

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
