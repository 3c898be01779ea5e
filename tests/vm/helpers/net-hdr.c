// SPDX-License-Identifier: GPL-2.0-only
/*
 * net-hdr: packets whose headers the net events' network_header must show,
 * each printing what it knows of them (net-header.sh checks the trace).
 *
 *   net-hdr tcp ADDR PORT    a TCP connection to ADDR:PORT (IPv4 or IPv6),
 *                            client and server in this process; 10 bytes
 *                            each way, then both close; prints
 *                            "tcp client_port P"
 *   net-hdr udp ADDR PORT N  N datagrams of 100 bytes from a bound socket
 *                            to ADDR:PORT (received); prints
 *                            "udp source_port P"
 *   net-hdr ping ADDR ID     one ICMP echo request (raw socket), id ID,
 *                            sequence 1, and waits for the reply; prints
 *                            "icmp gateway G" (id << 16 | sequence)
 *   net-hdr short-ip ADDR ID TH
 *                            an IPv4 packet of protocol TCP with its IP id
 *                            ID and only TH bytes after the 20-byte IP
 *                            header (raw socket, IP_HDRINCL)
 *   net-hdr short-frame IFNAME ETHERTYPE N
 *                            an Ethernet frame of ETHERTYPE with only N
 *                            bytes after its 14-byte header (AF_PACKET)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int die(const char *what)
{
	perror(what);
	exit(1);
}

/* ADDR:PORT as a sockaddr of its family. */
static socklen_t addr_of(const char *addr, int port, struct sockaddr_storage *ss)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, addr, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons(port);
		return sizeof(*a4);
	}
	if (inet_pton(AF_INET6, addr, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons(port);
		return sizeof(*a6);
	}
	fprintf(stderr, "bad address %s\n", addr);
	exit(2);
}

static int local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len))
		die("getsockname");
	return ntohs(ss.ss_family == AF_INET ?
		     ((struct sockaddr_in *)&ss)->sin_port :
		     ((struct sockaddr_in6 *)&ss)->sin6_port);
}

static void read_all(int fd, size_t n)
{
	char buf[64];
	ssize_t r;

	while (n) {
		r = read(fd, buf, n < sizeof(buf) ? n : sizeof(buf));
		if (r <= 0)
			die("read");
		n -= r;
	}
}

static int tcp(const char *addr, int port)
{
	struct sockaddr_storage ss;
	socklen_t len = addr_of(addr, port, &ss);
	int one = 1, l, c, s;

	l = socket(ss.ss_family, SOCK_STREAM, 0);
	if (l < 0 || setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(l, (struct sockaddr *)&ss, len) || listen(l, 1))
		die("listen");
	c = socket(ss.ss_family, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&ss, len))
		die("connect");
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	if (write(c, "0123456789", 10) != 10 || write(s, "abcdefghij", 10) != 10)
		die("write");
	read_all(s, 10);
	read_all(c, 10);
	printf("tcp client_port %d\n", local_port(c));
	close(c);
	close(s);
	close(l);
	return 0;
}

static int udp(const char *addr, int port, int n)
{
	struct sockaddr_storage ss;
	socklen_t len = addr_of(addr, port, &ss);
	char buf[100] = "net-hdr";
	int r, s, i;

	r = socket(ss.ss_family, SOCK_DGRAM, 0);
	if (r < 0 || bind(r, (struct sockaddr *)&ss, len))
		die("bind");
	s = socket(ss.ss_family, SOCK_DGRAM, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&ss, len))
		die("connect");
	for (i = 0; i < n; i++) {
		if (send(s, buf, sizeof(buf), 0) != sizeof(buf))
			die("send");
		if (recv(r, buf, sizeof(buf), 0) != sizeof(buf))
			die("recv");
	}
	printf("udp source_port %d\n", local_port(s));
	return 0;
}

static unsigned short checksum(const void *p, size_t n)
{
	const unsigned char *b = p;
	unsigned long sum = 0;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += b[i] << 8 | b[i + 1];
	if (n & 1)
		sum += b[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

static int ping(const char *addr, int id)
{
	struct sockaddr_storage ss;
	socklen_t len = addr_of(addr, 0, &ss);
	struct icmphdr h = { .type = ICMP_ECHO };
	struct pollfd pfd;
	char buf[256];
	int s;

	s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (s < 0)
		die("socket");
	h.un.echo.id = htons(id);
	h.un.echo.sequence = htons(1);
	h.checksum = checksum(&h, sizeof(h));
	if (sendto(s, &h, sizeof(h), 0, (struct sockaddr *)&ss, len) != sizeof(h))
		die("sendto");
	/* The raw socket sees the request too: wait for the reply. */
	pfd = (struct pollfd){ .fd = s, .events = POLLIN };
	for (;;) {
		ssize_t n;

		if (poll(&pfd, 1, 5000) != 1)
			die("no echo reply");
		n = recv(s, buf, sizeof(buf), 0);
		if (n >= 28 && buf[20] == ICMP_ECHOREPLY)
			break;
	}
	printf("icmp gateway %u\n", (unsigned int)id << 16 | 1);
	return 0;
}

static int short_ip(const char *addr, int id, int th)
{
	struct sockaddr_storage ss;
	socklen_t len = addr_of(addr, 0, &ss);
	unsigned char pkt[20 + 64] = { 0 };
	struct iphdr *ip = (struct iphdr *)pkt;
	int s, one = 1;

	if (th < 0 || th > 64)
		return 2;
	s = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (s < 0 || setsockopt(s, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one)))
		die("raw socket");
	ip->version = 4;
	ip->ihl = 5;
	ip->ttl = 64;
	ip->protocol = IPPROTO_TCP;
	ip->id = htons(id);
	ip->saddr = ((struct sockaddr_in *)&ss)->sin_addr.s_addr;
	ip->daddr = ip->saddr;
	memset(pkt + 20, 0x5a, th);
	if (sendto(s, pkt, 20 + th, 0, (struct sockaddr *)&ss, len) != 20 + th)
		die("sendto");
	printf("short-ip %d bytes\n", 20 + th);
	return 0;
}

static int short_frame(const char *ifname, int ethertype, int n)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	unsigned char frame[14 + 64] = { 0 };
	int s;

	if (n < 0 || n > 64)
		return 2;
	s = socket(AF_PACKET, SOCK_RAW, 0);
	if (s < 0)
		die("packet socket");
	sll.sll_ifindex = if_nametoindex(ifname);
	sll.sll_protocol = htons(ethertype);
	sll.sll_halen = 6;
	if (!sll.sll_ifindex)
		die(ifname);
	frame[12] = ethertype >> 8;
	frame[13] = ethertype & 0xff;
	memset(frame + 14, 0x45, n);
	if (sendto(s, frame, 14 + n, 0, (struct sockaddr *)&sll, sizeof(sll)) != 14 + n)
		die("sendto");
	printf("short-frame %d bytes\n", 14 + n);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 4 && !strcmp(argv[1], "tcp"))
		return tcp(argv[2], atoi(argv[3]));
	if (argc == 5 && !strcmp(argv[1], "udp"))
		return udp(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (argc == 4 && !strcmp(argv[1], "ping"))
		return ping(argv[2], atoi(argv[3]));
	if (argc == 5 && !strcmp(argv[1], "short-ip"))
		return short_ip(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (argc == 5 && !strcmp(argv[1], "short-frame"))
		return short_frame(argv[2], strtol(argv[3], NULL, 0), atoi(argv[4]));
	fprintf(stderr, "usage: see net-hdr.c\n");
	return 2;
}
