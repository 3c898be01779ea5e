// SPDX-License-Identifier: GPL-2.0-only
/*
 * The network_header variant of the net events (lttng/net-header.h):
 * the metadata text of the three events as lttng-modules 2.13 declares
 * them; the snapshot of packets of every shape, each in a buffer of
 * exactly its length (built with AddressSanitizer, a read past a packet
 * fails the test), short and odd ones giving the "unknown" choices; the
 * bytes recorded for each choice matching its description bit for bit;
 * and, end to end, babeltrace2 decoding records of each choice.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <lttng/net-header.h>
#include "core/lttng-metadata-text.h"
#include "ctf-fixture/ctf-writer.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- The event's fields, as the probe describes them -------------------- */

static const struct lttng_enum_entry nh_entries[] = {
	{ .start = 0, .end = 0, .label = "_unknown" },
	{ .start = 1, .end = 1, .label = "_ipv4" },
	{ .start = 2, .end = 2, .label = "_ipv6" },
};

static const struct lttng_enum_desc nh_enum = {
	.name = "net_network_header", .entries = nh_entries, .nr_entries = 3,
};

static const struct lttng_field_desc net_dev_fields[] = {
	{ .name = "skbaddr", .kind = LTTNG_FIELD_INTEGER,
	  .type = { .size = 64, .base = 16 } },
	{ .name = "len", .kind = LTTNG_FIELD_INTEGER,
	  .type = { .size = 32, .base = 10 } },
	{ .name = "name", .kind = LTTNG_FIELD_STRING,
	  .type = { .size = 8, .is_signed = true, .text = true, .base = 10 } },
	{ .name = "network_header_type", .kind = LTTNG_FIELD_ENUM,
	  .type = { .size = 8, .base = 10 }, .enum_desc = &nh_enum },
	LTTNG_DESC_VARIANT("network_header", lttng_net_header_choices),
};

/* ---- Growable text ------------------------------------------------------ */

static int grow(struct lttng_text *t, size_t min_cap)
{
	char *buf = realloc(t->buf, min_cap);

	if (!buf)
		return -ENOMEM;
	t->buf = buf;
	t->cap = min_cap;
	return 0;
}

/* ---- Metadata: lttng-modules 2.13's text of these fields --------------- */

#define I(size, align, base, be)					\
	"integer { size = " #size "; align = " #align "; signed = 0; "	\
	"encoding = none; base = " #base ";" be " }"
#define BE	" byte_order = be;"
#define PROTO_ENUM(tabs)						\
	"enum : " I(8, 8, 10, BE) " {\n"				\
	tabs "\t\"_unknown\" = 0,\n"					\
	tabs "\t\"_icmp\" = 1,\n"					\
	tabs "\t\"_unknown\" = 2 ... 5,\n"				\
	tabs "\t\"_tcp\" = 6,\n"					\
	tabs "\t\"_unknown\" = 7 ... 16,\n"				\
	tabs "\t\"_udp\" = 17,\n"					\
	tabs "\t\"_unknown\" = 18 ... 255,\n"				\
	tabs "}"
#define T5	"\t\t\t\t\t"
#define T6	"\t\t\t\t\t\t"
#define T7	"\t\t\t\t\t\t\t"
#define TRANSPORT							\
	T4 "enum : " I(8, 8, 10, "") " {\n"				\
	T5 "\"_unknown\" = 0,\n"					\
	T5 "\"_tcp\" = 1,\n"						\
	T5 "\"_udp\" = 2,\n"						\
	T5 "\"_icmp\" = 3,\n"						\
	T4 "} _transport_header_type;\n"				\
	T4 "variant <_transport_header_type> {\n"			\
	T5 "struct {\n"							\
	T5 "} _unknown;\n"						\
	T5 "struct {\n"							\
	T6 I(16, 8, 10, BE) " _source_port;\n"				\
	T6 I(16, 8, 10, BE) " _dest_port;\n"				\
	T6 I(32, 8, 10, BE) " _seq;\n"					\
	T6 I(32, 8, 10, BE) " _ack_seq;\n"				\
	T6 I(4, 4, 10, BE) " _data_offset;\n"				\
	T6 I(3, 1, 10, BE) " _reserved;\n"				\
	T6 I(9, 1, 16, BE) " _flags;\n"					\
	T6 I(16, 8, 10, BE) " _window_size;\n"				\
	T6 I(16, 8, 16, BE) " _checksum;\n"				\
	T6 I(16, 8, 10, BE) " _urg_ptr;\n"				\
	T5 "} _tcp;\n"							\
	T5 "struct {\n"							\
	T6 I(16, 8, 10, BE) " _source_port;\n"				\
	T6 I(16, 8, 10, BE) " _dest_port;\n"				\
	T6 I(16, 8, 10, BE) " _len;\n"					\
	T6 I(16, 8, 10, BE) " _check;\n"				\
	T5 "} _udp;\n"							\
	T5 "struct {\n"							\
	T6 I(8, 8, 10, BE) " _type;\n"					\
	T6 I(8, 8, 10, BE) " _code;\n"					\
	T6 I(16, 8, 10, BE) " _checksum;\n"				\
	T6 I(32, 8, 10, BE) " _gateway;\n"				\
	T5 "} _icmp;\n"							\
	T4 "} _transport_header;\n"
#define T3	"\t\t\t"
#define T4	"\t\t\t\t"

static const char net_dev_text[] =
	"event {\n"
	"\tname = \"net_dev_queue\";\n"
	"\tid = 5;\n"
	"\tstream_id = 0;\n"
	"\tfields := struct {\n"
	"\t\t" I(64, 8, 16, "") " _skbaddr;\n"
	"\t\t" I(32, 8, 10, "") " _len;\n"
	"\t\tstring _name;\n"
	"\t\tenum : " I(8, 8, 10, "") " {\n"
	"\t\t\t\"_unknown\" = 0,\n"
	"\t\t\t\"_ipv4\" = 1,\n"
	"\t\t\t\"_ipv6\" = 2,\n"
	"\t\t} _network_header_type;\n"
	"\t\tvariant <_network_header_type> {\n"
	T3 "struct {\n"
	T3 "} _unknown;\n"
	T3 "struct {\n"
	T4 I(4, 4, 10, BE) " _version;\n"
	T4 I(4, 4, 10, BE) " _ihl;\n"
	T4 I(8, 8, 10, BE) " _tos;\n"
	T4 I(16, 8, 10, BE) " _tot_len;\n"
	T4 I(16, 8, 16, BE) " _id;\n"
	T4 I(16, 8, 10, BE) " _frag_off;\n"
	T4 I(8, 8, 10, BE) " _ttl;\n"
	T4 PROTO_ENUM(T4) " _protocol;\n"
	T4 I(16, 8, 16, BE) " _checksum;\n"
	T4 "struct { } align(8) _saddr_padding;\n"
	T4 I(8, 8, 10, BE) " _saddr[4];\n"
	T4 "struct { } align(8) _daddr_padding;\n"
	T4 I(8, 8, 10, BE) " _daddr[4];\n"
	TRANSPORT
	T3 "} _ipv4;\n"
	T3 "struct {\n"
	T4 I(4, 4, 10, BE) " _version;\n"
	T4 I(4, 4, 10, BE) " _prio;\n"
	T4 "struct { } align(8) _flow_lbl_padding;\n"
	T4 I(8, 8, 16, BE) " _flow_lbl[3];\n"
	T4 I(16, 8, 10, BE) " _payload_len;\n"
	T4 PROTO_ENUM(T4) " _nexthdr;\n"
	T4 I(8, 8, 10, BE) " _hop_limit;\n"
	T4 "struct { } align(8) _saddr_padding;\n"
	T4 I(16, 8, 16, BE) " _saddr[8];\n"
	T4 "struct { } align(8) _daddr_padding;\n"
	T4 I(16, 8, 16, BE) " _daddr[8];\n"
	TRANSPORT
	T3 "} _ipv6;\n"
	"\t\t} _network_header;\n"
	"\t};\n"
	"};\n\n";

static void metadata_as_upstream(void **state)
{
	struct lttng_text t = { .grow = grow };

	(void)state;
	assert_int_equal(lttng_tsdl_event(&t, "net_dev_queue", 5, 0, net_dev_fields,
					  ARRAY_LEN(net_dev_fields)), 0);
	assert_string_equal(t.buf, net_dev_text);
	free(t.buf);
}

/* ---- Packets ------------------------------------------------------------ */

/* 10.3.0.1:40000 -> 10.3.0.2:6100, SYN+ACK. */
static const unsigned char ip4_tcp[] = {
	0x45, 0x10, 0x00, 0x28, 0x12, 0x34, 0x40, 0x00,	/* tot_len 40, DF */
	0x40, 0x06, 0xab, 0xcd, 10, 3, 0, 1, 10, 3, 0, 2,
};
static const unsigned char tcp_synack[] = {
	0x9c, 0x40, 0x17, 0xd4,			/* 40000 -> 6100 */
	0x11, 0x22, 0x33, 0x44,			/* seq */
	0x55, 0x66, 0x77, 0x88,			/* ack_seq */
	0x50, 0x12, 0xff, 0xff,			/* doff 5, SYN|ACK, window */
	0xbe, 0xef, 0x00, 0x00,			/* checksum, urg_ptr */
};
/* fd00:3::1 -> fd00:3::2, UDP 5353 -> 53, 12 bytes. */
static const unsigned char ip6_udp[] = {
	0x60, 0x0a, 0xbc, 0xde, 0x00, 0x0c, 17, 64,
	0xfd, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	0xfd, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
};
static const unsigned char udp_dns[] = { 0x14, 0xe9, 0x00, 0x35, 0x00, 0x0c, 0x12, 0x34 };
/* 127.0.0.1 echo request, id 0x0102, sequence 3. */
static const unsigned char ip4_icmp[] = {
	0x45, 0x00, 0x00, 0x1c, 0x00, 0x01, 0x00, 0x00,
	0x40, 0x01, 0x00, 0x00, 127, 0, 0, 1, 127, 0, 0, 1,
};
static const unsigned char icmp_echo[] = { 8, 0, 0xf7, 0xfc, 0x01, 0x02, 0x00, 0x03 };

struct pkt {
	unsigned char *buf;
	struct lttng_net_packet p;
};

/*
 * A packet of exactly len bytes: hdr at network, th (if any) at
 * transport, the rest 0xaa. Freed by pkt_free().
 */
static struct pkt pkt_make(unsigned int len, unsigned int protocol,
			   unsigned int network, const void *hdr, size_t hdr_len,
			   unsigned int transport, const void *th, size_t th_len)
{
	struct pkt k = { .buf = malloc(len ?: 1) };

	assert_non_null(k.buf);
	memset(k.buf, 0xaa, len);
	if (hdr_len)
		memcpy(k.buf + network, hdr, hdr_len);
	if (th_len)
		memcpy(k.buf + transport, th, th_len);
	k.p = (struct lttng_net_packet){ .head = k.buf, .len = len,
		.network = network, .transport = transport, .protocol = protocol };
	return k;
}

static void pkt_free(struct pkt *k)
{
	free(k->buf);
}

/* ---- Reading the recorded bytes back with the descriptions ------------- */

/*
 * Bits that the description f takes in the record at bytes[bit / 8...]
 * (structs member by member, a variant by its tag's value: the previous
 * integer read), or -1 if it would read past len bytes or the tag
 * selects no choice. A second, independent reading of the layout.
 */
static long desc_bits(const struct lttng_field_desc *f, unsigned int nr,
		      const unsigned char *bytes, size_t len, long bit);

static long read_uint(const unsigned char *bytes, long bit, unsigned int size,
		      uint64_t *v)
{
	long i;

	*v = 0;
	/* Byte-aligned integers only here, the tags: one byte, native order. */
	if (bit % 8 || size != 8)
		return -1;
	for (i = 0; i < size / 8; i++)
		*v |= (uint64_t)bytes[bit / 8 + i] << (8 * i);
	return 0;
}

static const struct lttng_field_desc *choice_of(const struct lttng_field_desc *v,
						const struct lttng_enum_desc *e,
						uint64_t tag)
{
	unsigned int i, j;

	for (i = 0; i < e->nr_entries; i++) {
		if (tag < (uint64_t)e->entries[i].start || tag > (uint64_t)e->entries[i].end)
			continue;
		for (j = 0; j < v->nr_fields; j++)
			if (!strcmp(e->entries[i].label + 1, v->fields[j].name))
				return &v->fields[j];
	}
	return NULL;
}

static long field_bits(const struct lttng_field_desc *f,
		       const struct lttng_field_desc *prev, uint64_t prev_v,
		       const unsigned char *bytes, size_t len, long bit)
{
	const struct lttng_field_desc *c;
	unsigned int align;

	switch (f->kind) {
	case LTTNG_FIELD_INTEGER:
	case LTTNG_FIELD_ENUM:
		align = f->type.align ?: (f->type.size % 8 ? 1 : 8);
		bit = (bit + align - 1) / align * align;
		return bit + f->type.size;
	case LTTNG_FIELD_ARRAY:
		if (f->align)
			bit = (bit + f->align - 1) / f->align * f->align;
		return bit + (long)f->type.size * f->length;
	case LTTNG_FIELD_STRUCT:
		return desc_bits(f->fields, f->nr_fields, bytes, len, bit);
	case LTTNG_FIELD_VARIANT:
		c = prev ? choice_of(f, prev->enum_desc, prev_v) : NULL;
		return c ? field_bits(c, NULL, 0, bytes, len, bit) : -1;
	default:
		return -1;
	}
}

static long desc_bits(const struct lttng_field_desc *f, unsigned int nr,
		      const unsigned char *bytes, size_t len, long bit)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < nr && bit >= 0; i++) {
		if (f[i].kind == LTTNG_FIELD_ENUM && !f[i].type.big_endian &&
		    read_uint(bytes, bit, f[i].type.size, &v))
			return -1;
		bit = field_bits(&f[i], i ? &f[i - 1] : NULL, v, bytes, len, bit);
		if (bit > (long)len * 8)
			return -1;
	}
	return bit;
}

/*
 * The recorded tag and bytes decode, by the descriptions, to exactly the
 * bytes recorded: what the sizing pass reserves (h->len) is what the
 * variant's choice takes.
 */
static void check_layout(const struct lttng_net_header *h)
{
	unsigned char rec[1 + LTTNG_NET_HEADER_MAX];

	rec[0] = h->type;
	memcpy(rec + 1, h->bytes, h->len);
	assert_int_equal(desc_bits(&net_dev_fields[3], 2, rec, 1 + h->len, 0),
			 (1 + h->len) * 8);
}

static void snapshot(struct pkt *k, struct lttng_net_header *h)
{
	memset(h, 0x55, sizeof(*h));
	lttng_net_header_snapshot(h, &k->p);
	check_layout(h);
	pkt_free(k);
}

/* ---- Well-formed packets: every choice ---------------------------------- */

static void ipv4_tcp(void **state)
{
	struct pkt k = pkt_make(16 + 20 + 20 + 100, ETH_P_IP, 16, ip4_tcp, 20,
				36, tcp_synack, 20);
	struct lttng_net_header h;

	(void)state;
	snapshot(&k, &h);
	assert_int_equal(h.type, LTTNG_NET_HEADER_IPV4);
	assert_int_equal(h.len, 20 + 1 + 20);
	assert_memory_equal(h.bytes, ip4_tcp, 20);
	assert_int_equal(h.bytes[20], LTTNG_NET_TRANSPORT_TCP);
	assert_memory_equal(h.bytes + 21, tcp_synack, 20);
}

/* The header exactly at the end of the linear area, options skipped. */
static void ipv4_options_and_exact_fit(void **state)
{
	unsigned char ip[24];
	struct pkt k;
	struct lttng_net_header h;

	(void)state;
	memcpy(ip, ip4_tcp, 20);
	ip[0] = 0x46;				/* ihl 6: 4 bytes of options */
	memset(ip + 20, 1, 4);
	k = pkt_make(14 + 24 + 20, ETH_P_IP, 14, ip, 24, 38, tcp_synack, 20);
	snapshot(&k, &h);
	assert_int_equal(h.type, LTTNG_NET_HEADER_IPV4);
	assert_int_equal(h.len, 41);
	assert_int_equal(h.bytes[0], 0x46);
	assert_memory_equal(h.bytes + 21, tcp_synack, 20);
}

static void ipv6_udp(void **state)
{
	struct pkt k = pkt_make(40 + 8 + 12, ETH_P_IPV6, 0 + 2, ip6_udp, 40,
				42, udp_dns, 8);
	struct lttng_net_header h;

	(void)state;
	k.p.len = 2 + 40 + 8;	/* the tail just after the UDP header */
	snapshot(&k, &h);
	assert_int_equal(h.type, LTTNG_NET_HEADER_IPV6);
	assert_int_equal(h.len, 40 + 1 + 8);
	assert_memory_equal(h.bytes, ip6_udp, 40);
	assert_int_equal(h.bytes[40], LTTNG_NET_TRANSPORT_UDP);
	assert_memory_equal(h.bytes + 41, udp_dns, 8);
}

static void ipv4_icmp(void **state)
{
	struct pkt k = pkt_make(14 + 28, ETH_P_IP, 14, ip4_icmp, 20, 34, icmp_echo, 8);
	struct lttng_net_header h;

	(void)state;
	snapshot(&k, &h);
	assert_int_equal(h.type, LTTNG_NET_HEADER_IPV4);
	assert_int_equal(h.len, 29);
	assert_int_equal(h.bytes[20], LTTNG_NET_TRANSPORT_ICMP);
	assert_memory_equal(h.bytes + 21, icmp_echo, 8);
}

/* ---- Short and odd packets ---------------------------------------------- */

struct odd {
	const char *what;
	unsigned int len, protocol, network, transport;
	const unsigned char *ip, *th;
	size_t ip_len, th_len;
	unsigned char frag_hi, frag_lo, proto;	/* IPv4 bytes 6, 7, 9 if proto */
	unsigned char type, transport_type;	/* expected */
};

#define UNSET	LTTNG_NET_UNSET

static const struct odd odds[] = {
	{ "network header unset (at the head)", 60, ETH_P_IP, 0, UNSET,
	  ip4_tcp, NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_NONE, 0 },
	{ "ARP", 60, ETH_P_ARP, 14, UNSET, NULL, NULL, 0, 0, 0, 0, 0,
	  LTTNG_NET_HEADER_NONE, 0 },
	{ "IPv4, 19 bytes", 14 + 19, ETH_P_IP, 14, UNSET, ip4_tcp, NULL, 19, 0,
	  0, 0, 0, LTTNG_NET_HEADER_NONE, 0 },
	{ "IPv4, 10 bytes (a short frame)", 24, ETH_P_IP, 14, UNSET, ip4_tcp, NULL,
	  10, 0, 0, 0, 0, LTTNG_NET_HEADER_NONE, 0 },
	{ "IPv6, 39 bytes", 14 + 39, ETH_P_IPV6, 14, UNSET, ip6_udp, NULL, 39, 0,
	  0, 0, 0, LTTNG_NET_HEADER_NONE, 0 },
	{ "network header past the tail", 40, ETH_P_IP, 41, UNSET, NULL, NULL, 0,
	  0, 0, 0, 0, LTTNG_NET_HEADER_NONE, 0 },
	{ "network header at 65535", 40, ETH_P_IPV6, 65535, UNSET, NULL, NULL, 0,
	  0, 0, 0, 0, LTTNG_NET_HEADER_NONE, 0 },
	{ "IPv4 and 19 bytes of TCP", 14 + 20 + 19, ETH_P_IP, 14, 34, ip4_tcp,
	  tcp_synack, 20, 19, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "IPv4 header only, protocol TCP", 14 + 20, ETH_P_IP, 14, 34, ip4_tcp,
	  NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "transport header unset", 14 + 40, ETH_P_IP, 14, UNSET, ip4_tcp,
	  NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "transport header at the network header (ihl < 5)", 14 + 40, ETH_P_IP,
	  14, 14, ip4_tcp, NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "transport header inside the IPv4 header", 14 + 40, ETH_P_IP, 14, 24,
	  ip4_tcp, NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "transport header at 65535", 14 + 40, ETH_P_IP, 14, 65535, ip4_tcp,
	  NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "transport header at UINT_MAX - 1", 14 + 40, ETH_P_IP, 14, ~0U - 1,
	  ip4_tcp, NULL, 20, 0, 0, 0, 0, LTTNG_NET_HEADER_IPV4, 0 },
	{ "a later IPv4 fragment (offset 1480)", 14 + 40, ETH_P_IP, 14, 34,
	  ip4_tcp, tcp_synack, 20, 20, 0x00, 0xb9, 6, LTTNG_NET_HEADER_IPV4, 0 },
	{ "a later IPv4 fragment (offset 65528)", 14 + 40, ETH_P_IP, 14, 34,
	  ip4_tcp, tcp_synack, 20, 20, 0x1f, 0xff, 6, LTTNG_NET_HEADER_IPV4, 0 },
	{ "the first IPv4 fragment (MF)", 14 + 40, ETH_P_IP, 14, 34, ip4_tcp,
	  tcp_synack, 20, 20, 0x20, 0x00, 6, LTTNG_NET_HEADER_IPV4,
	  LTTNG_NET_TRANSPORT_TCP },
	{ "IPv4, protocol GRE", 14 + 40, ETH_P_IP, 14, 34, ip4_tcp, tcp_synack,
	  20, 20, 0x40, 0x00, 47, LTTNG_NET_HEADER_IPV4, 0 },
	{ "IPv6 and 7 bytes of UDP", 40 + 7, ETH_P_IPV6, 0 + 40 - 40 + 1, 41,
	  ip6_udp, udp_dns, 40, 6, 0, 0, 0, LTTNG_NET_HEADER_IPV6, 0 },
};

/* An IPv6 header whose next header is nexthdr, UDP bytes after it. */
static void ipv6_next(unsigned char nexthdr, struct lttng_net_header *h)
{
	unsigned char ip[40];
	struct pkt k;

	memcpy(ip, ip6_udp, 40);
	ip[6] = nexthdr;
	k = pkt_make(14 + 40 + 8, ETH_P_IPV6, 14, ip, 40, 54, udp_dns, 8);
	snapshot(&k, h);
}

static void odd_packets(void **state)
{
	struct lttng_net_header h;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(odds); i++) {
		const struct odd *o = &odds[i];
		unsigned char ip[40];
		struct pkt k;

		memcpy(ip, o->ip ?: ip4_tcp, o->ip_len);
		if (o->proto) {
			ip[6] = o->frag_hi;
			ip[7] = o->frag_lo;
			ip[9] = o->proto;
		}
		k = pkt_make(o->len, o->protocol, o->network, ip, o->ip_len,
			     o->transport, o->th, o->th_len);
		snapshot(&k, &h);
		if (h.type != o->type)
			fail_msg("%s: network_header_type %u, not %u", o->what,
				 h.type, o->type);
		if (h.type == LTTNG_NET_HEADER_NONE) {
			assert_int_equal(h.len, 0);
			continue;
		}
		if (h.bytes[h.type == LTTNG_NET_HEADER_IPV4 ? 20 : 40] !=
		    o->transport_type)
			fail_msg("%s: transport_header_type not %u", o->what,
				 o->transport_type);
	}
	/* Extension headers are not walked; ICMPv6 is not upstream's ICMP. */
	ipv6_next(0, &h);			/* hop-by-hop options */
	assert_int_equal(h.len, 41);
	assert_int_equal(h.bytes[40], LTTNG_NET_TRANSPORT_NONE);
	ipv6_next(58, &h);
	assert_int_equal(h.bytes[40], LTTNG_NET_TRANSPORT_NONE);
	ipv6_next(IPPROTO_UDP, &h);
	assert_int_equal(h.bytes[40], LTTNG_NET_TRANSPORT_UDP);
}

/* Every packet length from 0 to a whole TCP segment: never a read past it. */
static void every_length(void **state)
{
	unsigned char full[14 + 20 + 20];
	struct lttng_net_header h;
	unsigned int len;

	(void)state;
	memcpy(full + 14, ip4_tcp, 20);
	memcpy(full + 34, tcp_synack, 20);
	for (len = 0; len <= sizeof(full); len++) {
		struct pkt k = pkt_make(len, ETH_P_IP, 14, NULL, 0, 34, NULL, 0);

		memcpy(k.buf, full, len);
		snapshot(&k, &h);
		assert_int_equal(h.type, len < 34 ? LTTNG_NET_HEADER_NONE :
						    LTTNG_NET_HEADER_IPV4);
		assert_int_equal(h.len, len < 34 ? 0 : len < 54 ? 21 : 41);
	}
}

/* ---- End to end with babeltrace2 ---------------------------------------- */

static const unsigned char trace_uuid[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

static void write_metadata(const char *dir)
{
	const struct lttng_tsdl_trace tr = {
		.uuid = trace_uuid, .hostname = "h", .sysname = "Linux",
		.kernel_release = "6.1", .kernel_version = "#1",
		.tracer_name = "lttng-modules", .tracer_major = 2,
		.tracer_minor = 13, .tracer_patchlevel = 9,
	};
	struct lttng_text t = { .grow = grow };

	assert_int_equal(lttng_text_printf(&t, "/* CTF 1.8 */\n"), 0);
	assert_int_equal(lttng_tsdl_trace(&t, &tr), 0);
	assert_int_equal(lttng_tsdl_stream(&t, 0, false, NULL, 0), 0);
	assert_int_equal(lttng_tsdl_event(&t, "net_dev_queue", 0, 0, net_dev_fields,
					  ARRAY_LEN(net_dev_fields)), 0);
	assert_int_equal(ctf_write_file(dir, "trace/metadata", t.buf, t.len), 0);
	free(t.buf);
}

/* One record as the probe writes it. */
static void put_record(struct ctf_buf *b, uint64_t ts, struct pkt k)
{
	struct lttng_net_header h;
	uint32_t len = k.p.len;

	snapshot(&k, &h);
	ctf_header_compact(b, 0, ts, false);
	ctf_u64(b, 0xffff888000001000ULL);
	ctf_u32(b, len);
	ctf_string(b, "lo");
	ctf_u8(b, h.type);
	ctf_bytes(b, h.bytes, h.len);
}

#define TCP_OUT								\
	"network_header_type = ( \"_ipv4\" : container = 1 ), "	\
	"network_header = { { version = 4, ihl = 5, tos = 16, tot_len = 40, " \
	"id = 0x1234, frag_off = 16384, ttl = 64, "			\
	"protocol = ( \"_tcp\" : container = 6 ), checksum = 0xABCD, "	\
	"saddr_padding = { }, saddr = [ [0] = 10, [1] = 3, [2] = 0, [3] = 1 ], " \
	"daddr_padding = { }, daddr = [ [0] = 10, [1] = 3, [2] = 0, [3] = 2 ], " \
	"transport_header_type = ( \"_tcp\" : container = 1 ), "	\
	"transport_header = { { source_port = 40000, dest_port = 6100, " \
	"seq = 287454020, ack_seq = 1432778632, data_offset = 5, reserved = 0, " \
	"flags = 0x12, window_size = 65535, checksum = 0xBEEF, urg_ptr = 0 } } } } }"
#define UDP_OUT								\
	"network_header_type = ( \"_ipv6\" : container = 2 ), "	\
	"network_header = { { version = 6, prio = 0, "		\
	"flow_lbl_padding = { }, flow_lbl = [ [0] = 0xA, [1] = 0xBC, [2] = 0xDE ], " \
	"payload_len = 12, nexthdr = ( \"_udp\" : container = 17 ), hop_limit = 64, " \
	"saddr_padding = { }, saddr = [ [0] = 0xFD00, [1] = 0x3, [2] = 0x0, [3] = 0x0, " \
	"[4] = 0x0, [5] = 0x0, [6] = 0x0, [7] = 0x1 ], "		\
	"daddr_padding = { }, daddr = [ [0] = 0xFD00, [1] = 0x3, [2] = 0x0, [3] = 0x0, " \
	"[4] = 0x0, [5] = 0x0, [6] = 0x0, [7] = 0x2 ], "		\
	"transport_header_type = ( \"_udp\" : container = 2 ), "	\
	"transport_header = { { source_port = 5353, dest_port = 53, " \
	"len = 12, check = 4660 } } } } }"
#define ICMP_OUT							\
	"transport_header = { { type = 8, code = 0, checksum = 63484, " \
	"gateway = 16908291 } } } } }"
#define NONE_OUT							\
	"network_header_type = ( \"_unknown\" : container = 0 ), "	\
	"network_header = { { } } }"
#define SHORT_TCP_OUT							\
	"transport_header_type = ( \"_unknown\" : container = 0 ), "	\
	"transport_header = { { } } } } }"

static void e2e_every_choice(void **state)
{
	struct ctf_buf *recs = calloc(1, sizeof(*recs));
	struct ctf_buf *packet = calloc(1, sizeof(*packet));
	const struct ctf_packet p = {
		.uuid = trace_uuid, .ts_begin = 1000, .ts_end = 9000,
	};
	char *dir, *out, *err;
	int status;

	(void)state;
	if (!ctf_babeltrace2()) {
		print_message("# SKIP: babeltrace2 not found\n");
		free(recs);
		free(packet);
		skip();
		return;
	}
	assert_non_null(recs);
	assert_non_null(packet);
	dir = ctf_make_dir();
	assert_non_null(dir);
	write_metadata(dir);
	put_record(recs, 1100, pkt_make(14 + 20 + 20, ETH_P_IP, 14, ip4_tcp, 20,
					34, tcp_synack, 20));
	put_record(recs, 1200, pkt_make(14 + 40 + 8, ETH_P_IPV6, 14, ip6_udp, 40,
					54, udp_dns, 8));
	put_record(recs, 1300, pkt_make(14 + 28, ETH_P_IP, 14, ip4_icmp, 20, 34,
					icmp_echo, 8));
	put_record(recs, 1400, pkt_make(24, ETH_P_IP, 14, ip4_tcp, 10, UNSET,
					NULL, 0));
	put_record(recs, 1500, pkt_make(14 + 20 + 10, ETH_P_IP, 14, ip4_tcp, 20,
					34, tcp_synack, 10));
	ctf_packet(packet, &p, recs);
	assert_int_equal(ctf_write_file(dir, "trace/chan_0", packet->data,
					packet->len), 0);
	status = ctf_run_babeltrace2(dir, "--no-delta", "bt.out", "bt.err");
	out = ctf_read_file(dir, "bt.out");
	err = ctf_read_file(dir, "bt.err");
	assert_non_null(out);
	assert_non_null(err);
	if (status || *err)
		fail_msg("babeltrace2 failed (%d): %s", status, err);
	if (!strstr(out, "len = 54, name = \"lo\", " TCP_OUT "\n") ||
	    !strstr(out, "len = 62, name = \"lo\", " UDP_OUT "\n") ||
	    !strstr(out, "len = 42, name = \"lo\", network_header_type = ( \"_ipv4\"") ||
	    !strstr(out, ICMP_OUT "\n") ||
	    !strstr(out, "len = 24, name = \"lo\", " NONE_OUT "\n") ||
	    !strstr(out, "len = 44, name = \"lo\", network_header_type = ( \"_ipv4\"") ||
	    !strstr(out, SHORT_TCP_OUT "\n"))
	{
		print_message("# babeltrace2 gave:\n%s", out);
		fail();
	}
	free(out);
	free(err);
	ctf_remove_dir(dir);
	free(recs);
	free(packet);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(metadata_as_upstream),
		cmocka_unit_test(ipv4_tcp),
		cmocka_unit_test(ipv4_options_and_exact_fit),
		cmocka_unit_test(ipv6_udp),
		cmocka_unit_test(ipv4_icmp),
		cmocka_unit_test(odd_packets),
		cmocka_unit_test(every_length),
		cmocka_unit_test(e2e_every_choice),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("net-header", tests, NULL, NULL);
}
