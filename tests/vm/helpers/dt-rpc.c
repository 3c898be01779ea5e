// SPDX-License-Identifier: GPL-2.0-only
/*
 * dt-rpc: a small request/response service for the TCP-mark scenarios.
 * A request is one line "CLIENT I\n", the response "ok ...\n".
 *
 *   dt-rpc serve PORT NAME [BHOST BPORT]
 *	listen on PORT (IPv4 and IPv6); one process per connection, named
 *	NAME-CLIENT after the first request, answers each request, after
 *	passing it to the backend BHOST:BPORT (one connection) if given;
 *	prints "served CLIENT N" when the client closes
 *   dt-rpc serve-pool PORT NAME
 *	the same, but a second thread (NAME-w-CLIENT) writes the responses
 *	of what the first (NAME-r-CLIENT) reads, like a worker pool
 *   dt-rpc call HOST PORT CLIENT N [HOLD_MS [BYTES]]
 *	connect (retrying for 3 min), make N requests (each padded with
 *	BYTES bytes), check the responses, keep the connection HOLD_MS
 *	more, print "ok N calls"; with DT_RPC_SOCK=FILE in the environment,
 *	first write "port P cookie C" to FILE: the connection's local port
 *	and its socket cookie (SO_COOKIE), read after the calls
 *   dt-rpc push HOST PORT CLIENT BYTES1 BYTES2
 *	one request in two parts: write BYTES1 bytes of it, print "half",
 *	wait for a line on standard input, write the BYTES2 more, check the
 *	response, print "ok pushed N" (N the request's length, '\n' included);
 *	the pause lets a test change the thread's flag while the first part
 *	is still in flight
 *
 * Errors print "error ..." and exit 1.
 */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX_LEN	(1 << 20)

static char *line_buf;

static void die(const char *what)
{
	printf("error %s: %s\n", what, strerror(errno));
	fflush(stdout);
	exit(1);
}

/* One line, without its '\n'; NULL at EOF. */
static char *read_line(int fd)
{
	size_t n = 0;
	char c;

	for (;;) {
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("read");
		if (r == 0)
			return n ? (die("short line"), NULL) : NULL;
		if (c == '\n')
			break;
		if (n + 1 >= LINE_MAX_LEN)
			die("line too long");
		line_buf[n++] = c;
	}
	line_buf[n] = 0;
	return line_buf;
}

static void write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			die("write");
		p += w;
		len -= w;
	}
}

static int connect_to(const char *host, const char *port)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai;
	int fd, i;

	if (getaddrinfo(host, port, &hints, &ai))
		die("getaddrinfo");
	for (i = 0; i < 1800; i++) {
		fd = socket(ai->ai_family, SOCK_STREAM, 0);
		if (fd < 0)
			die("socket");
		if (!connect(fd, ai->ai_addr, ai->ai_addrlen)) {
			freeaddrinfo(ai);
			return fd;
		}
		close(fd);
		usleep(100000);
	}
	die("connect");
	return -1;
}

static void name_thread(const char *name, const char *mid, const char *req)
{
	char comm[16];
	size_t n = strcspn(req, " ");

	snprintf(comm, sizeof(comm), "%s-%s%.*s", name, mid, (int)n, req);
	prctl(PR_SET_NAME, comm);
}

/* The response to req: the backend's answer when there is one. */
static char *answer(int backend, const char *req)
{
	static char out[256];

	if (backend < 0) {
		snprintf(out, sizeof(out), "ok %.200s\n", req);
		return out;
	}
	write_all(backend, req, strlen(req));
	write_all(backend, "\n", 1);
	req = read_line(backend);
	if (!req || strncmp(req, "ok ", 3))
		die("backend");
	snprintf(out, sizeof(out), "ok %.200s\n", req);
	return out;
}

static void serve_conn(int fd, const char *name, const char *bhost,
		       const char *bport)
{
	int backend = -1, n = 0;
	char client[64] = "";
	char *req;

	while ((req = read_line(fd))) {
		if (!n++) {
			snprintf(client, sizeof(client), "%.*s",
				 (int)strcspn(req, " "), req);
			name_thread(name, "", req);
			if (bhost)
				backend = connect_to(bhost, bport);
		}
		req = answer(backend, req);
		write_all(fd, req, strlen(req));
	}
	printf("served %s %d\n", client, n);
	fflush(stdout);
	exit(0);
}

struct pool {
	int fd, pipe[2];
	const char *name;
	char client[64];
};

static void *pool_writer(void *arg)
{
	struct pool *p = arg;
	char c;

	name_thread(p->name, "w-", p->client);
	while (read(p->pipe[0], &c, 1) == 1) {
		char out[64];

		snprintf(out, sizeof(out), "ok pooled\n");
		write_all(p->fd, out, strlen(out));
	}
	return NULL;
}

static void serve_pool_conn(int fd, const char *name)
{
	struct pool p = { .fd = fd, .name = name };
	pthread_t writer;
	char *req;

	if (pipe(p.pipe))
		die("pipe");
	req = read_line(fd);
	if (!req)
		exit(0);
	snprintf(p.client, sizeof(p.client), "%.60s", req);
	name_thread(name, "r-", req);
	if (pthread_create(&writer, NULL, pool_writer, &p))
		die("pthread_create");
	do {
		write_all(p.pipe[1], "x", 1);
	} while ((req = read_line(fd)));
	close(p.pipe[1]);
	pthread_join(writer, NULL);
	exit(0);
}

static int listen_on(const char *port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_port = htons(atoi(port)) };
	int fd = socket(AF_INET6, SOCK_STREAM, 0), zero = 0, one = 1;

	if (fd < 0)
		die("socket");
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 16))
		die("bind/listen");
	return fd;
}

static int serve(const char *port, const char *name, const char *bhost,
		 const char *bport, int pool)
{
	int lfd = listen_on(port);

	signal(SIGCHLD, SIG_IGN);
	printf("listening %s\n", port);
	fflush(stdout);
	for (;;) {
		int fd = accept(lfd, NULL, NULL);

		if (fd < 0 && errno == EINTR)
			continue;
		if (fd < 0)
			die("accept");
		if (fork() == 0) {
			close(lfd);
			if (pool)
				serve_pool_conn(fd, name);
			serve_conn(fd, name, bhost, bport);
		}
		close(fd);
	}
	return 0;
}

/* "port P cookie C" of a connected socket, for tests joining it to a trace. */
static void write_sock_info(int fd, const char *path)
{
	struct sockaddr_storage a;
	socklen_t alen = sizeof(a);
	uint64_t cookie;
	socklen_t clen = sizeof(cookie);
	unsigned int port;
	FILE *f;

	if (getsockname(fd, (struct sockaddr *)&a, &alen))
		die("getsockname");
	if (getsockopt(fd, SOL_SOCKET, SO_COOKIE, &cookie, &clen))
		die("SO_COOKIE");
	port = ntohs(a.ss_family == AF_INET6 ?
		     ((struct sockaddr_in6 *)&a)->sin6_port :
		     ((struct sockaddr_in *)&a)->sin_port);
	f = fopen(path, "w");
	if (!f)
		die(path);
	fprintf(f, "port %u cookie %llu\n", port, (unsigned long long)cookie);
	fclose(f);
}

static int call(const char *host, const char *port, const char *client,
		int n, int hold_ms, size_t pad)
{
	int fd = connect_to(host, port), i;
	char *req = malloc(pad + 128), *resp;

	if (!req)
		die("malloc");
	for (i = 0; i < n; i++) {
		int len = snprintf(req, 128, "%s %d ", client, i);

		memset(req + len, 'p', pad);
		req[len + pad] = '\n';
		write_all(fd, req, len + pad + 1);
		resp = read_line(fd);
		if (!resp || strncmp(resp, "ok ", 3)) {
			printf("error response %d: %s\n", i, resp ? resp : "EOF");
			return 1;
		}
	}
	usleep(hold_ms * 1000);
	if (getenv("DT_RPC_SOCK"))
		write_sock_info(fd, getenv("DT_RPC_SOCK"));
	close(fd);
	printf("ok %d calls\n", n);
	return 0;
}

static int push(const char *host, const char *port, const char *client,
		size_t first, size_t second)
{
	int fd = connect_to(host, port), sndbuf = 4 << 20;
	char *req = malloc(first + second + 128), *resp, go[16];
	int len = snprintf(req, 128, "%s 0 ", client);

	if (!req)
		die("malloc");
	/* Room to queue the first part at once: it is sent after the pause. */
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
	memset(req + len, 'p', first + second);
	req[len + first + second] = '\n';
	write_all(fd, req, len + first);
	printf("half\n");
	fflush(stdout);
	if (!fgets(go, sizeof(go), stdin))
		die("standard input");
	write_all(fd, req + len + first, second + 1);
	resp = read_line(fd);
	if (!resp || strncmp(resp, "ok ", 3)) {
		printf("error response: %s\n", resp ? resp : "EOF");
		return 1;
	}
	close(fd);
	printf("ok pushed %zu\n", len + first + second + 1);
	return 0;
}

int main(int argc, char **argv)
{
	line_buf = malloc(LINE_MAX_LEN);
	if (!line_buf)
		die("malloc");
	if (argc == 4 && !strcmp(argv[1], "serve"))
		return serve(argv[2], argv[3], NULL, NULL, 0);
	if (argc == 6 && !strcmp(argv[1], "serve"))
		return serve(argv[2], argv[3], argv[4], argv[5], 0);
	if (argc == 4 && !strcmp(argv[1], "serve-pool"))
		return serve(argv[2], argv[3], NULL, NULL, 1);
	if (argc >= 6 && argc <= 8 && !strcmp(argv[1], "call"))
		return call(argv[2], argv[3], argv[4], atoi(argv[5]),
			    argc > 6 ? atoi(argv[6]) : 0,
			    argc > 7 ? strtoul(argv[7], NULL, 0) : 0);
	if (argc == 7 && !strcmp(argv[1], "push"))
		return push(argv[2], argv[3], argv[4], strtoul(argv[5], NULL, 0),
			    strtoul(argv[6], NULL, 0));
	fprintf(stderr, "usage: see the comment at the top of dt-rpc.c\n");
	return 2;
}
