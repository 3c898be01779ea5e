// SPDX-License-Identifier: GPL-2.0-only
/*
 * sc-exercise: make known system calls, for the syscalls scenario to find
 * in the trace, and print what they returned.
 *
 *   sc-exercise [-w FIFO] file PATH N   openat PATH, read N bytes from it,
 *                        openat /dev/null, write them there, close both:
 *                        "pid P fd F read R null D wrote W"
 *   sc-exercise [-w FIFO] badpath       openat with an unmapped and a NULL
 *                        filename: "pid P ret R errno E ret R errno E"
 *   sc-exercise unknown  syscall 400 (not one) with arguments 1 to 6:
 *                        "pid P ret R"
 *   sc-exercise connect4 PORT / connect6 PORT   a TCP connect to the
 *                        loopback address: "pid P fd F ret R"
 *   sc-exercise accept   listen on 127.0.0.1, connect, accept:
 *                        "pid P listen L port S client C ret A"
 *   sc-exercise repeat N PATH   N times: openat PATH, close
 *   sc-exercise layout PATH   syscalls whose fields follow lttng-modules'
 *                        choices: pipe2, socketpair, setsockopt, sendmsg,
 *                        wait4 on a child, getxattr of PATH, mmap:
 *                        "pid P pipe R F0 F1 pair R S0 S1 optval A ret R
 *                        msg M ret R child C ret R getxattr R mmap M"
 *                        (addresses in decimal, mmap's in hexadecimal)
 *
 * -w FIFO: first wait for a line on FIFO (so that the scenario can track
 * the process before it starts). The calls are made with syscall(), and
 * every filename is copied to the stack first, so that its page is
 * present when the tracer reads it.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static long sc_openat(const char *path, int flags)
{
	return syscall(SYS_openat, AT_FDCWD, path, flags, 0);
}

static int do_file(const char *arg_path, size_t n)
{
	char path[4096], null[] = "/dev/null", buf[4096];
	long fd, nfd, r, w;

	snprintf(path, sizeof(path), "%s", arg_path);
	if (n > sizeof(buf))
		n = sizeof(buf);
	fd = sc_openat(path, O_RDONLY);
	r = syscall(SYS_read, fd, buf, n);
	nfd = sc_openat(null, O_WRONLY);
	w = syscall(SYS_write, nfd, buf, r > 0 ? r : 0);
	syscall(SYS_close, nfd);
	syscall(SYS_close, fd);
	printf("pid %d fd %ld read %ld null %ld wrote %ld\n", getpid(), fd, r, nfd, w);
	return fd < 0 || r < 0 || w < 0;
}

static int do_badpath(void)
{
	long r1, r2;
	int e1, e2;

	r1 = sc_openat((const char *)1, O_RDONLY);
	e1 = errno;
	r2 = sc_openat(NULL, O_RDONLY);
	e2 = errno;
	printf("pid %d ret %ld errno %d ret %ld errno %d\n", getpid(), r1, e1, r2, e2);
	return 0;
}

static int do_unknown(void)
{
	long r = syscall(400, 1, 2, 3, 4, 5, 6);

	printf("pid %d ret %ld\n", getpid(), r < 0 ? -errno : r);
	return 0;
}

static int do_connect(int family, int port)
{
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(port) };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(port) };
	long fd, ret;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	in6.sin6_addr = in6addr_loopback;
	fd = socket(family, SOCK_STREAM, 0);
	if (family == AF_INET)
		ret = syscall(SYS_connect, fd, &in, sizeof(in));
	else
		ret = syscall(SYS_connect, fd, &in6, sizeof(in6));
	printf("pid %d fd %ld ret %ld\n", getpid(), fd, ret < 0 ? -errno : ret);
	close(fd);
	return 0;
}

static int do_accept(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET }, peer, local;
	socklen_t len = sizeof(a), plen = sizeof(peer);
	long l, c, s;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&a, &len))
		return perror("listen"), 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&a, sizeof(a)))
		return perror("connect"), 1;
	len = sizeof(local);
	getsockname(c, (struct sockaddr *)&local, &len);
	s = syscall(SYS_accept, l, &peer, &plen);
	printf("pid %d listen %ld port %d client %d ret %ld\n", getpid(), l,
	       ntohs(a.sin_port), ntohs(local.sin_port), s);
	return s < 0;
}

static int do_repeat(int n, const char *arg_path)
{
	char path[4096];
	int i;

	snprintf(path, sizeof(path), "%s", arg_path);
	for (i = 0; i < n; i++)
		syscall(SYS_close, sc_openat(path, O_RDONLY));
	printf("pid %d\n", getpid());
	return 0;
}

/* pipe2, socketpair, setsockopt and sendmsg on the pair: one line part. */
static void layout_fds(int *pair)
{
	int fds[2] = { -1, -1 }, val = 65536;
	char data[] = "hello";
	struct iovec iov = { .iov_base = data, .iov_len = 5 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	long r;

	r = syscall(SYS_pipe2, fds, O_CLOEXEC);
	printf(" pipe %ld %d %d", r, fds[0], fds[1]);
	r = syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, pair);
	printf(" pair %ld %d %d", r, pair[0], pair[1]);
	r = syscall(SYS_setsockopt, pair[0], SOL_SOCKET, SO_RCVBUF, &val, sizeof(val));
	printf(" optval %lu ret %ld", (unsigned long)&val, r);
	r = syscall(SYS_sendmsg, pair[0], &msg, 0);
	printf(" msg %lu ret %ld", (unsigned long)&msg, r);
}

static int do_layout(const char *arg_path)
{
	char path[4096], name[] = "user.lttng", value[16];
	int pair[2] = { -1, -1 }, status;
	long r;
	pid_t child;
	void *m;

	snprintf(path, sizeof(path), "%s", arg_path);
	printf("pid %d", getpid());
	layout_fds(pair);
	child = fork();
	if (!child)
		_exit(3);
	r = syscall(SYS_wait4, child, &status, 0, NULL);
	printf(" child %d ret %ld", child, r);
	r = syscall(SYS_getxattr, path, name, value, sizeof(value));
	printf(" getxattr %ld", r < 0 ? -errno : r);
	m = (void *)syscall(SYS_mmap, NULL, 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf(" mmap %lX\n", (unsigned long)m);
	return m == MAP_FAILED;
}

static void wait_fifo(const char *fifo)
{
	char line[64];
	FILE *f = fopen(fifo, "r");

	if (!f || !fgets(line, sizeof(line), f))
		exit(2);
	fclose(f);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && !strcmp(argv[1], "-w")) {
		wait_fifo(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc == 4 && !strcmp(argv[1], "file"))
		return do_file(argv[2], strtoul(argv[3], NULL, 0));
	if (argc == 2 && !strcmp(argv[1], "badpath"))
		return do_badpath();
	if (argc == 2 && !strcmp(argv[1], "unknown"))
		return do_unknown();
	if (argc == 3 && !strcmp(argv[1], "connect4"))
		return do_connect(AF_INET, atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "connect6"))
		return do_connect(AF_INET6, atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "accept"))
		return do_accept();
	if (argc == 4 && !strcmp(argv[1], "repeat"))
		return do_repeat(atoi(argv[2]), argv[3]);
	if (argc == 3 && !strcmp(argv[1], "layout"))
		return do_layout(argv[2]);
	fprintf(stderr, "usage: sc-exercise [-w FIFO] file PATH N|badpath|unknown|"
		"connect4 PORT|connect6 PORT|accept|repeat N PATH|layout PATH\n");
	return 2;
}
