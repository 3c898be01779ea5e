// SPDX-License-Identifier: GPL-2.0-only
/*
 * tcp-loop: one TCP connection on loopback, client and server in this
 * process, for the TCP mark's corner cases.
 *
 *   tcp-loop reset PORT       data both ways, then the server resets the
 *                             connection (SO_LINGER 0) and the client
 *                             writes twice on its reset socket (already
 *                             TCP_CLOSE); prints "reset: ERROR ERROR",
 *                             then waits for a line on stdin before it
 *                             closes, so that the caller can look at the
 *                             kernel's state while the socket lives
 *   tcp-loop md5 PORT BYTES   both ends sign with TCP-MD5 (RFC 2385, as
 *                             BGP daemons do); the client sends BYTES, the
 *                             server answers with the count it received;
 *                             prints "md5: N bytes"
 *   tcp-loop sendfile PORT FILE
 *                             the client sends FILE with sendfile() (the
 *                             kernel queues its pages without sendmsg);
 *                             prints "sendfile: N bytes"
 *
 * Reads and writes give up after 10 s without progress (a peer dropping
 * every segment).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

struct pair {
	int listener, client, server;
};

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void set_md5_key(int fd, const struct sockaddr_in *peer)
{
	struct tcp_md5sig sig = { .tcpm_keylen = 8 };

	memcpy(&sig.tcpm_addr, peer, sizeof(*peer));
	memcpy(sig.tcpm_key, "lttng-dt", 8);
	if (setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &sig, sizeof(sig)))
		die("TCP_MD5SIG");
}

static void set_timeouts(int fd)
{
	struct timeval tv = { .tv_sec = 10 };

	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)))
		die("timeouts");
}

/* A connected pair on 127.0.0.1:port, both ends signed if md5. */
static struct pair connect_pair(const char *port, int md5)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct pair p;
	int one = 1;

	a.sin_port = htons(atoi(port));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	p.listener = socket(AF_INET, SOCK_STREAM, 0);
	p.client = socket(AF_INET, SOCK_STREAM, 0);
	if (p.listener < 0 || p.client < 0)
		die("socket");
	setsockopt(p.listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (md5) {
		set_md5_key(p.listener, &a);
		set_md5_key(p.client, &a);
	}
	set_timeouts(p.client);
	if (bind(p.listener, (struct sockaddr *)&a, sizeof(a)) || listen(p.listener, 1))
		die("listen");
	if (connect(p.client, (struct sockaddr *)&a, sizeof(a)))
		die("connect");
	p.server = accept(p.listener, NULL, NULL);
	if (p.server < 0)
		die("accept");
	set_timeouts(p.server);
	return p;
}

/* The server reads want bytes; loopback buffers hold what was sent. */
static long drain(int fd, long want)
{
	char buf[4096];
	long got = 0;
	ssize_t n;

	while (got < want) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			die("server recv");
		got += n;
	}
	return got;
}

static int do_reset(const char *port)
{
	struct linger hard = { .l_onoff = 1, .l_linger = 0 };
	struct pair p = connect_pair(port, 0);
	char line[16];
	int e1, e2;

	/* Data both ways first: the client's socket is a used connection. */
	if (write(p.client, "q", 1) != 1 || read(p.server, line, 1) != 1 ||
	    write(p.server, "r", 1) != 1 || read(p.client, line, 1) != 1)
		die("exchange");
	if (setsockopt(p.server, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard)) ||
	    close(p.server))
		die("reset");
	usleep(200000);
	e1 = send(p.client, "x", 1, MSG_NOSIGNAL) < 0 ? errno : 0;
	e2 = send(p.client, "y", 1, MSG_NOSIGNAL) < 0 ? errno : 0;
	printf("reset: %s %s\n", e1 ? strerror(e1) : "sent", e2 ? strerror(e2) : "sent");
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 1;
	close(p.client);
	return 0;
}

static int do_md5(const char *port, const char *bytes)
{
	struct pair p = connect_pair(port, 1);
	long want = atol(bytes), got, echoed;
	char buf[4096];
	ssize_t n;

	memset(buf, 'm', sizeof(buf));
	for (long sent = 0; sent < want; sent += n) {
		n = send(p.client, buf, want - sent < (long)sizeof(buf) ?
			 want - sent : (long)sizeof(buf), 0);
		if (n <= 0)
			die("send");
	}
	got = drain(p.server, want);
	if (send(p.server, &got, sizeof(got), 0) != sizeof(got) ||
	    recv(p.client, &echoed, sizeof(echoed), MSG_WAITALL) != sizeof(echoed))
		die("answer");
	printf("md5: %ld bytes\n", echoed);
	return 0;
}

static int do_sendfile(const char *port, const char *path)
{
	int f = open(path, O_RDONLY);
	struct stat st;
	struct pair p;
	off_t off = 0;

	if (f < 0 || fstat(f, &st))
		die(path);
	p = connect_pair(port, 0);
	while (off < st.st_size)
		if (sendfile(p.client, f, &off, st.st_size - off) <= 0)
			die("sendfile");
	printf("sendfile: %ld bytes\n", drain(p.server, st.st_size));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "reset"))
		return do_reset(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "md5"))
		return do_md5(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "sendfile"))
		return do_sendfile(argv[2], argv[3]);
	fprintf(stderr, "usage: tcp-loop reset PORT | md5 PORT BYTES | sendfile PORT FILE\n");
	return 2;
}
