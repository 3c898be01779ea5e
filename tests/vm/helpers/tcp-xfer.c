// SPDX-License-Identifier: GPL-2.0-only
/*
 * tcp-xfer: move a known byte pattern over one TCP connection and check
 * that it arrived intact, for the multi-VM network scenarios.
 *
 *   tcp-xfer serve PORT NBYTES       accept one connection, read to EOF,
 *                                    check length and pattern, reply
 *   tcp-xfer send HOST PORT NBYTES   connect (retrying for 60 s), send,
 *                                    half-close, check the server's reply
 *
 * Both sides print one line "ok ..." or "error ..." and exit 0 or 1.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static unsigned char pattern_byte(unsigned long i)
{
	return (unsigned char)(i * 31 + 7);
}

static int serve(int port, unsigned long expected)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port),
				 .sin_addr.s_addr = htonl(INADDR_ANY) };
	unsigned long got = 0, bad = 0;
	unsigned char buf[65536];
	char reply[128];
	int one = 1, ls, s;
	ssize_t n, i;

	ls = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(ls, (struct sockaddr *)&a, sizeof(a)) || listen(ls, 1)) {
		printf("error listen: %s\n", strerror(errno));
		return 1;
	}
	s = accept(ls, NULL, NULL);
	if (s < 0) {
		printf("error accept: %s\n", strerror(errno));
		return 1;
	}
	while ((n = read(s, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			bad += buf[i] != pattern_byte(got + i);
		got += n;
	}
	snprintf(reply, sizeof(reply), "bytes=%lu bad=%lu\n", got, bad);
	if (write(s, reply, strlen(reply)) < 0 || n < 0 || got != expected || bad) {
		printf("error received %s", reply);
		return 1;
	}
	printf("ok received %s", reply);
	close(s);
	return 0;
}

static int connect_retry(const char *host, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	int tries, s;

	if (inet_pton(AF_INET, host, &a.sin_addr) != 1)
		return -1;
	for (tries = 0; tries < 120; tries++) {
		s = socket(AF_INET, SOCK_STREAM, 0);
		if (!connect(s, (struct sockaddr *)&a, sizeof(a)))
			return s;
		close(s);
		usleep(500000);
	}
	return -1;
}

static int send_pattern(const char *host, int port, unsigned long total)
{
	unsigned char buf[65536];
	char reply[128] = "", expect[128];
	unsigned long sent = 0;
	ssize_t n;
	size_t i, len;
	int s = connect_retry(host, port);

	if (s < 0) {
		printf("error connect %s:%d\n", host, port);
		return 1;
	}
	while (sent < total) {
		len = total - sent < sizeof(buf) ? total - sent : sizeof(buf);
		for (i = 0; i < len; i++)
			buf[i] = pattern_byte(sent + i);
		n = write(s, buf, len);
		if (n <= 0) {
			printf("error write: %s\n", strerror(errno));
			return 1;
		}
		sent += n;
	}
	shutdown(s, SHUT_WR);
	n = read(s, reply, sizeof(reply) - 1);
	reply[n > 0 ? n : 0] = '\0';
	snprintf(expect, sizeof(expect), "bytes=%lu bad=0\n", total);
	if (strcmp(reply, expect)) {
		printf("error server replied '%s'\n", reply);
		return 1;
	}
	printf("ok sent %s", reply);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "serve"))
		return serve(atoi(argv[2]), strtoul(argv[3], NULL, 0));
	if (argc == 5 && !strcmp(argv[1], "send"))
		return send_pattern(argv[2], atoi(argv[3]), strtoul(argv[4], NULL, 0));
	fprintf(stderr, "usage: %s serve PORT NBYTES | send HOST PORT NBYTES\n", argv[0]);
	return 2;
}
