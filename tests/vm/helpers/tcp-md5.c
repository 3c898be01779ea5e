// SPDX-License-Identifier: GPL-2.0-only
/*
 * tcp-md5 PORT BYTES: a TCP-MD5 signed connection on loopback (RFC 2385,
 * as BGP daemons use): both ends have the key, the client sends BYTES
 * and the server answers with the count it received. Prints "md5: N
 * bytes" on success; fails after 10 s without progress (a peer dropping
 * every segment because its signature does not match).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void set_key(int fd, const struct sockaddr_in *peer)
{
	struct tcp_md5sig sig = { .tcpm_keylen = 8 };

	memcpy(&sig.tcpm_addr, peer, sizeof(*peer));
	memcpy(sig.tcpm_key, "lttng-dt", 8);
	if (setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &sig, sizeof(sig)))
		die("TCP_MD5SIG");
}

static void set_timeout(int fd)
{
	struct timeval tv = { .tv_sec = 10 };

	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)))
		die("timeouts");
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	long want, got = 0, echoed;
	int one = 1, l, c, s;
	char buf[4096];
	ssize_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: tcp-md5 PORT BYTES\n");
		return 2;
	}
	want = atol(argv[2]);
	a.sin_port = htons(atoi(argv[1]));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || c < 0)
		die("socket");
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	set_key(l, &a);
	set_key(c, &a);
	set_timeout(c);
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1))
		die("listen");
	if (connect(c, (struct sockaddr *)&a, sizeof(a)))
		die("connect");
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	set_timeout(s);
	/* One thread is enough: loopback buffers hold a few MiB. */
	memset(buf, 'm', sizeof(buf));
	for (long sent = 0; sent < want; sent += n) {
		n = send(c, buf, want - sent < (long)sizeof(buf) ? want - sent : (long)sizeof(buf), 0);
		if (n <= 0)
			die("send");
	}
	while (got < want) {
		n = recv(s, buf, sizeof(buf), 0);
		if (n <= 0)
			die("server recv");
		got += n;
	}
	if (send(s, &got, sizeof(got), 0) != sizeof(got) ||
	    recv(c, &echoed, sizeof(echoed), MSG_WAITALL) != sizeof(echoed))
		die("answer");
	printf("md5: %ld bytes\n", echoed);
	return 0;
}
