/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The network_header field of the events net_dev_queue, net_if_receive_skb
 * and net_if_rx (the kernel's net_dev_queue, netif_receive_skb and netif_rx
 * tracepoints): a copy of the packet's IPv4 or IPv6 header and, inside it, of
 * its TCP, UDP or ICMP header, laid out and described as lttng-modules
 * 2.13 records them (Trace Compass aligns traces on their TCP fields).
 *
 * Pure code over a view of the packet's linear bytes, so that the unit
 * test (tests/unit/test-net-header.c) runs it on packets of every shape.
 * The packet comes from the network: a header is copied only when all of
 * its bytes lie in the linear area; otherwise the choice is "unknown",
 * which records no bytes. Where lttng-modules reads a header past the end
 * of a short packet, or decodes a later fragment's payload as a transport
 * header, this records "unknown" (doc/upstream-yardstick.md).
 *
 * The record is: network_header_type (one byte, native order), then for
 * IPv4 the 20 bytes of the fixed header, for IPv6 its 40; then, after an
 * IP header only, transport_header_type (one byte) and 20 bytes of TCP
 * header, 8 of UDP or 8 of ICMP, or nothing. Multi-byte values stay in
 * network order, as the description says (byte_order = be).
 */
#ifndef _LTTNG_NET_HEADER_H
#define _LTTNG_NET_HEADER_H

#include <lttng/event-types.h>
#include <linux/if_ether.h>

#ifdef __KERNEL__
#include <linux/in.h>
#include <linux/string.h>
#else
#include <netinet/in.h>
#include <string.h>
#endif

/* network_header_type, numbered as lttng-modules numbers it. */
enum lttng_net_header_type {
	LTTNG_NET_HEADER_NONE	= 0,
	LTTNG_NET_HEADER_IPV4	= 1,
	LTTNG_NET_HEADER_IPV6	= 2,
};

/* transport_header_type, likewise. */
enum lttng_net_transport_type {
	LTTNG_NET_TRANSPORT_NONE	= 0,
	LTTNG_NET_TRANSPORT_TCP		= 1,
	LTTNG_NET_TRANSPORT_UDP		= 2,
	LTTNG_NET_TRANSPORT_ICMP	= 3,
};

/* Sizes of the copied headers: the fixed parts, options left out. */
#define LTTNG_NET_IPV4_BYTES	20
#define LTTNG_NET_IPV6_BYTES	40
#define LTTNG_NET_TCP_BYTES	20
#define LTTNG_NET_UDP_BYTES	8
#define LTTNG_NET_ICMP_BYTES	8
#define LTTNG_NET_HEADER_MAX	(LTTNG_NET_IPV6_BYTES + 1 + LTTNG_NET_TCP_BYTES)

/* A transport header offset the stack has not set. */
#define LTTNG_NET_UNSET		(~0U)

/* What the probe reads of a packet: its linear bytes and header offsets. */
struct lttng_net_packet {
	const unsigned char *head;	/* start of the linear area */
	unsigned int len;		/* bytes from head up to the tail */
	unsigned int network;		/* network header's offset; 0: unset */
	unsigned int transport;		/* transport header's, or LTTNG_NET_UNSET */
	unsigned int protocol;		/* ETH_P_*, host order */
};

/* The tag and the bytes of the variant that it selects. */
struct lttng_net_header {
	unsigned char type;		/* enum lttng_net_header_type */
	unsigned char len;		/* bytes used in bytes[] */
	unsigned char bytes[LTTNG_NET_HEADER_MAX];
};

/* Whether n bytes at off lie in the linear area (without overflow). */
static inline bool lttng_net_has(const struct lttng_net_packet *p,
				 unsigned int off, unsigned int n)
{
	return off <= p->len && n <= p->len - off;
}

static inline unsigned int lttng_net_transport_bytes(unsigned char type)
{
	switch (type) {
	case LTTNG_NET_TRANSPORT_TCP:
		return LTTNG_NET_TCP_BYTES;
	case LTTNG_NET_TRANSPORT_UDP:
		return LTTNG_NET_UDP_BYTES;
	case LTTNG_NET_TRANSPORT_ICMP:
		return LTTNG_NET_ICMP_BYTES;
	}
	return 0;
}

/*
 * The transport protocol as the IP header names it: IPv6 only when its
 * first next header is the transport (no extension headers are walked,
 * as in lttng-modules, which also knows only ICMP, not ICMPv6, there).
 */
static inline unsigned char lttng_net_transport_of(unsigned char proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return LTTNG_NET_TRANSPORT_TCP;
	case IPPROTO_UDP:
		return LTTNG_NET_TRANSPORT_UDP;
	case IPPROTO_ICMP:
		return LTTNG_NET_TRANSPORT_ICMP;
	}
	return LTTNG_NET_TRANSPORT_NONE;
}

/*
 * The transport header type of a packet whose IP header (ip, nh_bytes
 * long) is complete: one the stack has located past the IP header, that
 * is whole in the linear area, and not inside a later IPv4 fragment
 * (whose bytes there are payload).
 */
static inline unsigned char
lttng_net_transport_type(const struct lttng_net_packet *p,
			 const unsigned char *ip, unsigned int nh_bytes)
{
	unsigned char type;

	if (p->transport == LTTNG_NET_UNSET ||
	    p->transport < p->network + nh_bytes)
		return LTTNG_NET_TRANSPORT_NONE;
	if (nh_bytes == LTTNG_NET_IPV4_BYTES) {
		if ((ip[6] & 0x1f) || ip[7])	/* fragment offset */
			return LTTNG_NET_TRANSPORT_NONE;
		type = lttng_net_transport_of(ip[9]);
	} else {
		type = lttng_net_transport_of(ip[6]);
	}
	if (!lttng_net_has(p, p->transport, lttng_net_transport_bytes(type)))
		return LTTNG_NET_TRANSPORT_NONE;
	return type;
}

static inline unsigned char lttng_net_network_type(const struct lttng_net_packet *p)
{
	/* An unset network header is at offset 0, the buffer's head. */
	if (!p->network)
		return LTTNG_NET_HEADER_NONE;
	if (p->protocol == ETH_P_IP &&
	    lttng_net_has(p, p->network, LTTNG_NET_IPV4_BYTES))
		return LTTNG_NET_HEADER_IPV4;
	if (p->protocol == ETH_P_IPV6 &&
	    lttng_net_has(p, p->network, LTTNG_NET_IPV6_BYTES))
		return LTTNG_NET_HEADER_IPV6;
	return LTTNG_NET_HEADER_NONE;
}

/* Fills h from the packet: the tag, and exactly the bytes it announces. */
static inline void lttng_net_header_snapshot(struct lttng_net_header *h,
					     const struct lttng_net_packet *p)
{
	const unsigned char *ip;
	unsigned int nh_bytes, th_bytes;
	unsigned char th;

	h->type = lttng_net_network_type(p);
	h->len = 0;
	if (h->type == LTTNG_NET_HEADER_NONE)
		return;
	ip = p->head + p->network;
	nh_bytes = h->type == LTTNG_NET_HEADER_IPV4 ? LTTNG_NET_IPV4_BYTES :
						       LTTNG_NET_IPV6_BYTES;
	memcpy(h->bytes, ip, nh_bytes);
	th = lttng_net_transport_type(p, ip, nh_bytes);
	th_bytes = lttng_net_transport_bytes(th);
	h->bytes[nh_bytes] = th;
	if (th_bytes)	/* not even the address of an unset header */
		memcpy(h->bytes + nh_bytes + 1, p->head + p->transport, th_bytes);
	h->len = nh_bytes + 1 + th_bytes;
}

/* ---- Descriptions: lttng-modules 2.13's, in its order ------------------- */

#define LTTNG_NET_E(_label, a, b)	{ .start = (a), .end = (b), .label = (_label) }

/* The IP header's protocol byte, as it names the transports. */
static const struct lttng_enum_entry lttng_net_proto_entries[] = {
	LTTNG_NET_E("_unknown", 0, IPPROTO_ICMP - 1),
	LTTNG_NET_E("_icmp", IPPROTO_ICMP, IPPROTO_ICMP),
	LTTNG_NET_E("_unknown", IPPROTO_ICMP + 1, IPPROTO_TCP - 1),
	LTTNG_NET_E("_tcp", IPPROTO_TCP, IPPROTO_TCP),
	LTTNG_NET_E("_unknown", IPPROTO_TCP + 1, IPPROTO_UDP - 1),
	LTTNG_NET_E("_udp", IPPROTO_UDP, IPPROTO_UDP),
	LTTNG_NET_E("_unknown", IPPROTO_UDP + 1, 255),
};

static const struct lttng_enum_desc lttng_net_proto_enum = {
	.name = "proto_transport_header_type",
	.entries = lttng_net_proto_entries,
	.nr_entries = sizeof(lttng_net_proto_entries) / sizeof(lttng_net_proto_entries[0]),
};

static const struct lttng_enum_entry lttng_net_transport_entries[] = {
	LTTNG_NET_E("_unknown", LTTNG_NET_TRANSPORT_NONE, LTTNG_NET_TRANSPORT_NONE),
	LTTNG_NET_E("_tcp", LTTNG_NET_TRANSPORT_TCP, LTTNG_NET_TRANSPORT_TCP),
	LTTNG_NET_E("_udp", LTTNG_NET_TRANSPORT_UDP, LTTNG_NET_TRANSPORT_UDP),
	LTTNG_NET_E("_icmp", LTTNG_NET_TRANSPORT_ICMP, LTTNG_NET_TRANSPORT_ICMP),
};

static const struct lttng_enum_desc lttng_net_transport_enum = {
	.name = "transport_header_type",
	.entries = lttng_net_transport_entries,
	.nr_entries = sizeof(lttng_net_transport_entries) /
		      sizeof(lttng_net_transport_entries[0]),
};

#undef LTTNG_NET_E

#define LTTNG_NET_U8(n, base)	LTTNG_DESC_UINT(n, 8, 0, base, true)
#define LTTNG_NET_U16(n, base)	LTTNG_DESC_UINT(n, 16, 0, base, true)
#define LTTNG_NET_U32(n, base)	LTTNG_DESC_UINT(n, 32, 0, base, true)

static const struct lttng_field_desc lttng_net_tcp_fields[] = {
	LTTNG_NET_U16("source_port", 10),
	LTTNG_NET_U16("dest_port", 10),
	LTTNG_NET_U32("seq", 10),
	LTTNG_NET_U32("ack_seq", 10),
	LTTNG_DESC_UINT("data_offset", 4, 4, 10, true),
	LTTNG_DESC_UINT("reserved", 3, 1, 10, true),
	LTTNG_DESC_UINT("flags", 9, 1, 16, true),
	LTTNG_NET_U16("window_size", 10),
	LTTNG_NET_U16("checksum", 16),
	LTTNG_NET_U16("urg_ptr", 10),
};

static const struct lttng_field_desc lttng_net_udp_fields[] = {
	LTTNG_NET_U16("source_port", 10),
	LTTNG_NET_U16("dest_port", 10),
	LTTNG_NET_U16("len", 10),
	LTTNG_NET_U16("check", 10),
};

static const struct lttng_field_desc lttng_net_icmp_fields[] = {
	LTTNG_NET_U8("type", 10),
	LTTNG_NET_U8("code", 10),
	LTTNG_NET_U16("checksum", 10),
	LTTNG_NET_U32("gateway", 10),
};

static const struct lttng_field_desc lttng_net_transport_choices[] = {
	LTTNG_DESC_EMPTY_STRUCT("unknown"),
	LTTNG_DESC_STRUCT("tcp", lttng_net_tcp_fields),
	LTTNG_DESC_STRUCT("udp", lttng_net_udp_fields),
	LTTNG_DESC_STRUCT("icmp", lttng_net_icmp_fields),
};

/* Its tag is a byte in the CPU's order, unlike the header's own fields. */
#define LTTNG_NET_TRANSPORT_FIELDS					\
	LTTNG_DESC_UENUM("transport_header_type", 8, false,		\
			 &lttng_net_transport_enum),			\
	LTTNG_DESC_VARIANT("transport_header", lttng_net_transport_choices)

static const struct lttng_field_desc lttng_net_ipv4_fields[] = {
	LTTNG_DESC_UINT("version", 4, 4, 10, true),
	LTTNG_DESC_UINT("ihl", 4, 4, 10, true),
	LTTNG_NET_U8("tos", 10),
	LTTNG_NET_U16("tot_len", 10),
	LTTNG_NET_U16("id", 16),
	LTTNG_NET_U16("frag_off", 10),
	LTTNG_NET_U8("ttl", 10),
	LTTNG_DESC_UENUM("protocol", 8, true, &lttng_net_proto_enum),
	LTTNG_NET_U16("checksum", 16),
	LTTNG_DESC_UARRAY("saddr", 8, 10, true, 4, 8),
	LTTNG_DESC_UARRAY("daddr", 8, 10, true, 4, 8),
	LTTNG_NET_TRANSPORT_FIELDS,
};

static const struct lttng_field_desc lttng_net_ipv6_fields[] = {
	LTTNG_DESC_UINT("version", 4, 4, 10, true),
	LTTNG_DESC_UINT("prio", 4, 4, 10, true),
	LTTNG_DESC_UARRAY("flow_lbl", 8, 16, true, 3, 8),
	LTTNG_NET_U16("payload_len", 10),
	LTTNG_DESC_UENUM("nexthdr", 8, true, &lttng_net_proto_enum),
	LTTNG_NET_U8("hop_limit", 10),
	LTTNG_DESC_UARRAY("saddr", 16, 16, true, 8, 8),
	LTTNG_DESC_UARRAY("daddr", 16, 16, true, 8, 8),
	LTTNG_NET_TRANSPORT_FIELDS,
};

/* network_header: its tag is the event's network_header_type. */
static const struct lttng_field_desc lttng_net_header_choices[] = {
	LTTNG_DESC_EMPTY_STRUCT("unknown"),
	LTTNG_DESC_STRUCT("ipv4", lttng_net_ipv4_fields),
	LTTNG_DESC_STRUCT("ipv6", lttng_net_ipv6_fields),
};

#undef LTTNG_NET_TRANSPORT_FIELDS
#undef LTTNG_NET_U8
#undef LTTNG_NET_U16
#undef LTTNG_NET_U32

#endif /* _LTTNG_NET_HEADER_H */
