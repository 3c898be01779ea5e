// SPDX-License-Identifier: GPL-2.0-only
/*
 * Networks in CIDR notation (see cidr.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "cidr.h"

/* "0" to "128": digits only, no sign, no blank, at most three of them. */
static int dt_cidr_prefix(const char *s, unsigned int max, unsigned int *prefix)
{
	size_t len = strlen(s);
	unsigned int v = 0;
	size_t i;

	if (!len || len > 3)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned int)(s[i] - '0');
	}
	if (v > max)
		return -1;
	*prefix = v;
	return 0;
}

/* Clears the bits of addr past prefix; 1 if any was set. */
static int dt_cidr_mask(__u8 *addr, unsigned int prefix, unsigned int bits)
{
	unsigned int i;
	int host = 0;

	for (i = prefix; i < bits; i++) {
		__u8 bit = 0x80 >> (i % 8);

		if (addr[i / 8] & bit) {
			addr[i / 8] &= (__u8)~bit;
			host = 1;
		}
	}
	return host;
}

/* ::ffff:a.b.c.d/96+ is a.b.c.d/0+: the kernel matches them as one. */
static void dt_cidr_unmap(struct lttng_dt_abi_trust_net *net)
{
	static const __u8 mapped[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff,
	};

	if (net->family != AF_INET6 || net->prefix < 96 ||
	    memcmp(net->addr, mapped, sizeof(mapped)))
		return;
	net->family = AF_INET;
	net->prefix -= 96;
	memmove(net->addr, net->addr + 12, 4);
	memset(net->addr + 4, 0, 12);
}

enum dt_cidr_ret dt_cidr_parse(const char *s, struct lttng_dt_abi_trust_net *net)
{
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);
	char addr[INET6_ADDRSTRLEN];
	unsigned int bits, prefix;

	memset(net, 0, sizeof(*net));
	if (alen >= sizeof(addr))
		return DT_CIDR_BAD_ADDR;
	memcpy(addr, s, alen);
	addr[alen] = '\0';
	net->family = memchr(addr, ':', alen) ? AF_INET6 : AF_INET;
	if (inet_pton((int)net->family, addr, net->addr) != 1)
		return DT_CIDR_BAD_ADDR;
	bits = net->family == AF_INET ? 32 : 128;
	prefix = bits;
	if (slash && dt_cidr_prefix(slash + 1, bits, &prefix))
		return DT_CIDR_BAD_PREFIX;
	net->prefix = prefix;
	if (dt_cidr_mask(net->addr, net->prefix, bits)) {
		dt_cidr_unmap(net);
		return DT_CIDR_HOST_BITS;
	}
	dt_cidr_unmap(net);
	return DT_CIDR_OK;
}

void dt_cidr_format(const struct lttng_dt_abi_trust_net *net, char *buf,
		    size_t len)
{
	char addr[INET6_ADDRSTRLEN];

	if ((net->family != AF_INET && net->family != AF_INET6) ||
	    !inet_ntop((int)net->family, net->addr, addr, sizeof(addr))) {
		snprintf(buf, len, "?");
		return;
	}
	snprintf(buf, len, "%s/%u", addr, net->prefix);
}
