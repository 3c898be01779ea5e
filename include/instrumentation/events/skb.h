/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Socket buffer events, with lttng-modules 2.13's names (skb_ prefix).
 * Read once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_SKB_HELPERS
#define _LTTNG_INSTRUMENTATION_SKB_HELPERS

#include <linux/netdevice.h>
#include <linux/skbuff.h>

#endif /* _LTTNG_INSTRUMENTATION_SKB_HELPERS */

/* protocol: the skb's EtherType, in network byte order as in the packet. */
#ifdef LTTNG_HAVE_KFREE_SKB_REASON
/*
 * lttng-modules labels only the first drop reasons; the kernel has more
 * since, recorded by value without a label.
 */
LTTNG_ENUM(skb_drop_reason,
	LTTNG_ENUM_VALUES(
		e_value("NOT_SPECIFIED", SKB_DROP_REASON_NOT_SPECIFIED)
		e_value("NO_SOCKET", SKB_DROP_REASON_NO_SOCKET)
		e_value("PKT_TOO_SMALL", SKB_DROP_REASON_PKT_TOO_SMALL)
		e_value("TCP_CSUM", SKB_DROP_REASON_TCP_CSUM)
		e_value("SOCKET_FILTER", SKB_DROP_REASON_SOCKET_FILTER)
		e_value("UDP_CSUM", SKB_DROP_REASON_UDP_CSUM)
		e_value("MAX", SKB_DROP_REASON_MAX)
	))

LTTNG_EVENT_MAP(kfree_skb, skb_kfree,
	LTTNG_PROTO(struct sk_buff *skb, void *location,
		    enum skb_drop_reason reason),
	LTTNG_FIELDS(
		f_hex(void *, skbaddr, skb)
		f_hex(void *, location, location)
		f_int_net(unsigned short, protocol, (__force unsigned short)skb->protocol)
		f_enum(skb_drop_reason, u8, reason, reason)
	))
#else
LTTNG_EVENT_MAP(kfree_skb, skb_kfree,
	LTTNG_PROTO(struct sk_buff *skb, void *location),
	LTTNG_FIELDS(
		f_hex(void *, skbaddr, skb)
		f_hex(void *, location, location)
		f_int_net(unsigned short, protocol, (__force unsigned short)skb->protocol)
	))
#endif

LTTNG_EVENT_MAP(consume_skb, skb_consume,
	LTTNG_PROTO(struct sk_buff *skb),
	LTTNG_FIELDS(f_hex(void *, skbaddr, skb)))

LTTNG_EVENT(skb_copy_datagram_iovec,
	LTTNG_PROTO(const struct sk_buff *skb, int len),
	LTTNG_FIELDS(
		f_hex(const void *, skbaddr, skb)
		f_int(int, len, len)
	))
