/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Networks as users write them, "10.0.0.0/8" or "fd00::/8", to and from
 * the trust list's struct lttng_dt_abi_trust_net. Checked here, before
 * the kernel sees them, so that a mistake gets a precise message.
 */
#ifndef _DT_CIDR_H
#define _DT_CIDR_H

#include <stddef.h>
#include <lttng/abi.h>

enum dt_cidr_ret {
	DT_CIDR_OK = 0,
	DT_CIDR_BAD_ADDR,	/* not a dotted quad nor an IPv6 address */
	DT_CIDR_BAD_PREFIX,	/* "/" not followed by 0-32 (0-128 for IPv6) */
	DT_CIDR_HOST_BITS,	/* bits set past the prefix: net is the network */
};

/*
 * ADDR or ADDR/PREFIX into net: a bare address is one host (/32, /128);
 * an IPv4-mapped IPv6 network of prefix 96 or more becomes the IPv4 one,
 * as the kernel stores it. Host bits are refused, as `ip route` does.
 */
enum dt_cidr_ret dt_cidr_parse(const char *s, struct lttng_dt_abi_trust_net *net);

/* Room for the longest IPv6 address, "/128" and the NUL. */
#define DT_CIDR_LEN	(46 + 4 + 1)

/* "ADDR/PREFIX" in buf (DT_CIDR_LEN bytes); "?" for an unknown family. */
void dt_cidr_format(const struct lttng_dt_abi_trust_net *net, char *buf,
		    size_t len);

#endif /* _DT_CIDR_H */
