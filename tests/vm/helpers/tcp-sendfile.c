// SPDX-License-Identifier: GPL-2.0-only
/*
 * tcp-sendfile PORT FILE: a TCP connection on loopback whose client sends
 * FILE with sendfile() (the kernel queues its pages without sendmsg);
 * the server reads it all. Prints "sendfile: N bytes" on success.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct timeval tv = { .tv_sec = 10 };
	int one = 1, l, c, s, f;
	long got = 0;
	off_t off = 0;
	struct stat st;
	char buf[4096];
	ssize_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: tcp-sendfile PORT FILE\n");
		return 2;
	}
	f = open(argv[2], O_RDONLY);
	if (f < 0 || fstat(f, &st))
		die(argv[2]);
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
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)))
		die("accept");
	/* Loopback buffers hold more than the file: one thread is enough. */
	while (off < st.st_size)
		if (sendfile(c, f, &off, st.st_size - off) <= 0)
			die("sendfile");
	while (got < st.st_size) {
		n = recv(s, buf, sizeof(buf), 0);
		if (n <= 0)
			die("recv");
		got += n;
	}
	printf("sendfile: %ld bytes\n", got);
	return 0;
}
