// SPDX-License-Identifier: GPL-2.0-only
/*
 * The networks of lttng dt-trust (tools/lttng-dt/cidr.h): what is
 * accepted, what is refused and why, what reaches the kernel, and how the
 * list reads back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "cidr.h"

/* s parses with ret into family/prefix, and prints back as shown. */
static void parses(const char *s, enum dt_cidr_ret ret, unsigned int family,
		   unsigned int prefix, const char *shown)
{
	struct lttng_dt_abi_trust_net net;
	char buf[DT_CIDR_LEN];
	size_t i;

	memset(&net, 0xa5, sizeof(net));
	assert_int_equal(dt_cidr_parse(s, &net), ret);
	assert_int_equal(net.family, family);
	assert_int_equal(net.prefix, prefix);
	for (i = 0; i < sizeof(net.padding); i++)
		assert_int_equal(net.padding[i], 0);
	if (family == AF_INET)	/* the kernel refuses anything past addr[3] */
		for (i = 4; i < sizeof(net.addr); i++)
			assert_int_equal(net.addr[i], 0);
	dt_cidr_format(&net, buf, sizeof(buf));
	assert_string_equal(buf, shown);
}

static void refused(const char *s, enum dt_cidr_ret ret)
{
	struct lttng_dt_abi_trust_net net;

	assert_int_equal(dt_cidr_parse(s, &net), ret);
}

static void ipv4(void **state)
{
	(void)state;
	parses("10.0.0.0/8", DT_CIDR_OK, AF_INET, 8, "10.0.0.0/8");
	parses("10.1.0.0/24", DT_CIDR_OK, AF_INET, 24, "10.1.0.0/24");
	parses("192.0.2.7", DT_CIDR_OK, AF_INET, 32, "192.0.2.7/32");
	parses("192.0.2.7/32", DT_CIDR_OK, AF_INET, 32, "192.0.2.7/32");
	parses("0.0.0.0/0", DT_CIDR_OK, AF_INET, 0, "0.0.0.0/0");
	parses("255.255.255.254/31", DT_CIDR_OK, AF_INET, 31, "255.255.255.254/31");
	parses("10.0.0.0/08", DT_CIDR_OK, AF_INET, 8, "10.0.0.0/8");
}

static void ipv6(void **state)
{
	(void)state;
	parses("fd00:2::/64", DT_CIDR_OK, AF_INET6, 64, "fd00:2::/64");
	parses("FD00:0002:0000::/64", DT_CIDR_OK, AF_INET6, 64, "fd00:2::/64");
	parses("::1", DT_CIDR_OK, AF_INET6, 128, "::1/128");
	parses("::/0", DT_CIDR_OK, AF_INET6, 0, "::/0");
	parses("2001:db8::8000/113", DT_CIDR_OK, AF_INET6, 113, "2001:db8::8000/113");
	/* IPv4-mapped, as the kernel matches it: the IPv4 network. */
	parses("::ffff:10.1.0.0/112", DT_CIDR_OK, AF_INET, 16, "10.1.0.0/16");
	parses("::ffff:192.0.2.7", DT_CIDR_OK, AF_INET, 32, "192.0.2.7/32");
	parses("::ffff:0.0.0.0/96", DT_CIDR_OK, AF_INET, 0, "0.0.0.0/0");
	/* Shorter than the mapping prefix: an IPv6 network. */
	parses("::fffe:0:0/95", DT_CIDR_OK, AF_INET6, 95, "::fffe:0:0/95");
}

static void host_bits(void **state)
{
	(void)state;
	/* Refused as ip route does; net holds the network meant. */
	parses("10.1.2.3/8", DT_CIDR_HOST_BITS, AF_INET, 8, "10.0.0.0/8");
	parses("10.0.0.1/31", DT_CIDR_HOST_BITS, AF_INET, 31, "10.0.0.0/31");
	parses("10.0.0.0/0", DT_CIDR_HOST_BITS, AF_INET, 0, "0.0.0.0/0");
	parses("fd00:2::1/64", DT_CIDR_HOST_BITS, AF_INET6, 64, "fd00:2::/64");
	parses("2001:db8::c000/113", DT_CIDR_HOST_BITS, AF_INET6, 113, "2001:db8::8000/113");
	parses("::ffff:10.1.2.3/104", DT_CIDR_HOST_BITS, AF_INET, 8, "10.0.0.0/8");
	parses("::ffff:0:0/95", DT_CIDR_HOST_BITS, AF_INET6, 95, "::fffe:0:0/95");
}

static void bad(void **state)
{
	(void)state;
	refused("", DT_CIDR_BAD_ADDR);
	refused("/8", DT_CIDR_BAD_ADDR);
	refused("10.0.0", DT_CIDR_BAD_ADDR);
	refused("10/8", DT_CIDR_BAD_ADDR);
	refused("10.0.0.256", DT_CIDR_BAD_ADDR);
	refused("10.0.0.0.0", DT_CIDR_BAD_ADDR);
	refused(" 10.0.0.0", DT_CIDR_BAD_ADDR);
	refused("10.0.0.0 ", DT_CIDR_BAD_ADDR);
	refused("host.example", DT_CIDR_BAD_ADDR);
	refused("fd00:::1", DT_CIDR_BAD_ADDR);
	refused("fe80::1%eth0", DT_CIDR_BAD_ADDR);
	refused("1:2:3:4:5:6:7:8:9", DT_CIDR_BAD_ADDR);
	refused("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255:1", DT_CIDR_BAD_ADDR);
	refused("10.0.0.0/", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/33", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/-1", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/+8", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/ 8", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/8 ", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/0x8", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/0008", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/8/8", DT_CIDR_BAD_PREFIX);
	refused("10.0.0.0/4294967304", DT_CIDR_BAD_PREFIX);
	refused("fd00::/129", DT_CIDR_BAD_PREFIX);
	refused("::ffff:10.0.0.0/129", DT_CIDR_BAD_PREFIX);
}

/* The longest address there is, with the longest prefix, fits. */
static void longest(void **state)
{
	static const char s[] = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128";

	(void)state;
	parses(s, DT_CIDR_OK, AF_INET6, 128,
	       "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
	assert_true(sizeof(s) <= DT_CIDR_LEN);
}

static void unknown_family(void **state)
{
	struct lttng_dt_abi_trust_net net = { .family = 7, .prefix = 8 };
	char buf[DT_CIDR_LEN];

	(void)state;
	dt_cidr_format(&net, buf, sizeof(buf));
	assert_string_equal(buf, "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ipv4),
		cmocka_unit_test(ipv6),
		cmocka_unit_test(host_bits),
		cmocka_unit_test(bad),
		cmocka_unit_test(longest),
		cmocka_unit_test(unknown_family),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("cidr", tests, NULL, NULL);
}
