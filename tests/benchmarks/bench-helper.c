// SPDX-License-Identifier: GPL-2.0-only
/*
 * Timing helper for tests/benchmarks/bench.sh, run inside the test VM
 * (busybox's date has no %N). Every command prints one number: elapsed
 * CLOCK_MONOTONIC nanoseconds of the measured part only.
 *
 *   bench-helper fire N
 *       one write of "N" to /proc/lttng-test-filter-event (the test
 *       module records N events synchronously in the writer's context)
 *   bench-helper pingpong ROUNDS [CPU]
 *       two processes pinned to CPU (default 0) pass one byte back and
 *       forth through two pipes ROUNDS times: two context switches and
 *       two wake-ups per round
 *   bench-helper getpid N
 *       N getpid system calls (syscall(), never a cached value)
 *   bench-helper now
 *       the monotonic clock, in ns
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int die(const char *what)
{
	fprintf(stderr, "bench-helper: %s: %s\n", what, strerror(errno));
	return 1;
}

static int fire(const char *n)
{
	char buf[32];
	long long t0, t1;
	int fd, len;
	ssize_t w;

	fd = open("/proc/lttng-test-filter-event", O_WRONLY);
	if (fd < 0)
		return die("open /proc/lttng-test-filter-event");
	len = snprintf(buf, sizeof(buf), "%s", n);
	t0 = now_ns();
	w = write(fd, buf, len);
	t1 = now_ns();
	if (w != len)
		return die("write");
	close(fd);
	printf("%lld\n", t1 - t0);
	return 0;
}

static int pingpong(long rounds, int cpu)
{
	int ab[2], ba[2];
	long long t0, t1;
	cpu_set_t set;
	pid_t pid;
	char c = 'x';
	long i;
	int st;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return die("sched_setaffinity");
	if (pipe(ab) || pipe(ba))
		return die("pipe");
	pid = fork();
	if (pid < 0)
		return die("fork");
	if (pid == 0) {
		for (i = 0; i < rounds; i++) {
			if (read(ab[0], &c, 1) != 1 || write(ba[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	t0 = now_ns();
	for (i = 0; i < rounds; i++) {
		if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1)
			return die("pipe round trip");
	}
	t1 = now_ns();
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
		return die("child");
	printf("%lld\n", t1 - t0);
	return 0;
}

static int getpids(long n)
{
	long long t0, t1;
	long i;

	t0 = now_ns();
	for (i = 0; i < n; i++)
		syscall(SYS_getpid);
	t1 = now_ns();
	printf("%lld\n", t1 - t0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "fire"))
		return fire(argv[2]);
	if ((argc == 3 || argc == 4) && !strcmp(argv[1], "pingpong"))
		return pingpong(atol(argv[2]), argc == 4 ? atoi(argv[3]) : 0);
	if (argc == 3 && !strcmp(argv[1], "getpid"))
		return getpids(atol(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "now")) {
		printf("%lld\n", now_ns());
		return 0;
	}
	fprintf(stderr, "usage: bench-helper fire N | pingpong ROUNDS [CPU] | getpid N | now\n");
	return 2;
}
