// SPDX-License-Identifier: GPL-2.0-only
/*
 * tcp-rst PORT: a TCP connection on loopback that the server resets
 * (SO_LINGER 0), then writes from the client on the reset socket, which
 * is already in TCP_CLOSE. Prints "reset: ERRNO ERRNO" (the two writes'
 * errors), then waits for a line on stdin before it closes the client, so
 * that the caller can look at the kernel's state while the socket lives.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct linger hard = { .l_onoff = 1, .l_linger = 0 };
	int one = 1, l, c, s, e1, e2;
	char line[16];

	if (argc != 2) {
		fprintf(stderr, "usage: tcp-rst PORT\n");
		return 2;
	}
	a.sin_port = htons(atoi(argv[1]));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || c < 0)
		die("socket");
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1))
		die("listen");
	if (connect(c, (struct sockaddr *)&a, sizeof(a)))
		die("connect");
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	/* Data both ways first: the client's socket is a used connection. */
	if (write(c, "q", 1) != 1 || read(s, line, 1) != 1 ||
	    write(s, "r", 1) != 1 || read(c, line, 1) != 1)
		die("exchange");
	if (setsockopt(s, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard)) || close(s))
		die("reset");
	usleep(200000);
	e1 = send(c, "x", 1, MSG_NOSIGNAL) < 0 ? errno : 0;
	e2 = send(c, "y", 1, MSG_NOSIGNAL) < 0 ? errno : 0;
	printf("reset: %s %s\n", e1 ? strerror(e1) : "sent", e2 ? strerror(e2) : "sent");
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 1;
	close(c);
	close(l);
	return 0;
}
