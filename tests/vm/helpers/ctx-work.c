// SPDX-License-Identifier: GPL-2.0-only
/*
 * Workloads for the contexts scenario, each between test events (a write
 * of "1" to /proc/lttng-test-filter-event records one), so that a context
 * read at both events changes by what the work did:
 *
 *   ctx-work stack            three nested functions, the innermost
 *                             firing the event by its own syscall
 *                             instruction; prints each function's
 *                             address range ("f1 START END") first
 *   ctx-work faults CPU N     touches N new pages on CPU
 *   ctx-work pingpong CPU N   N round trips with a child, both on CPU
 *   ctx-work busy CPU MS      spins MS milliseconds on CPU
 *   ctx-work migrate N        moves from CPU 0 to 1 and back, N times
 *   ctx-work ksym ADDR...     the kernel function holding each address
 *                             (/proc/kallsyms), one a line
 *
 * Each prints "tid TID" (the events' tid) before firing.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRIGGER "/proc/lttng-test-filter-event"

static int trigger_fd = -1;

static void fire(void)
{
	if (write(trigger_fd, "1", 1) != 1) {
		perror("fire");
		exit(1);
	}
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("sched_setaffinity");
		exit(1);
	}
}

/*
 * The stack: frame pointers kept, each function in a section of its own
 * so that the linker gives its exact bounds (__start_/__stop_).
 */
#define STACK_FN(sec) \
	__attribute__((noinline, section(sec),				\
		       optimize("no-omit-frame-pointer",		\
				"no-optimize-sibling-calls")))

extern char __start_ctx_f1[], __stop_ctx_f1[];
extern char __start_ctx_f2[], __stop_ctx_f2[];
extern char __start_ctx_f3[], __stop_ctx_f3[];

STACK_FN("ctx_f1") int f1(int fd)
{
	long ret;

	/* A call first: a leaf would get no frame of its own. */
	if (getppid() < 0)
		return 2;
	/* The write's syscall instruction itself is in f1. */
	asm volatile("syscall"
		     : "=a"(ret)
		     : "0"((long)SYS_write), "D"((long)fd), "S"("1"), "d"(1L)
		     : "rcx", "r11", "memory");
	return ret == 1 ? 0 : 1;
}

STACK_FN("ctx_f2") int f2(int fd)
{
	return f1(fd);
}

STACK_FN("ctx_f3") int f3(int fd)
{
	return f2(fd);
}

static int run_stack(void)
{
	printf("f1 %p %p\nf2 %p %p\nf3 %p %p\n",
	       (void *)__start_ctx_f1, (void *)__stop_ctx_f1,
	       (void *)__start_ctx_f2, (void *)__stop_ctx_f2,
	       (void *)__start_ctx_f3, (void *)__stop_ctx_f3);
	fflush(stdout);
	return f3(trigger_fd);
}

static int run_faults(int cpu, long n)
{
	long page = sysconf(_SC_PAGESIZE), i;
	volatile char *p;

	pin(cpu);
	p = mmap(NULL, n * page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	fire();
	for (i = 0; i < n; i++)
		p[i * page] = 1;
	fire();
	return 0;
}

static int run_pingpong(int cpu, long n)
{
	int ab[2], ba[2], status;
	pid_t child;
	char c = 0;
	long i;

	pin(cpu);
	if (pipe(ab) || pipe(ba))
		return 1;
	child = fork();
	if (child < 0)
		return 1;
	if (!child) {
		/* Only the parent's end open: its close ends the loop. */
		close(ab[1]);
		close(ba[0]);
		while (read(ab[0], &c, 1) == 1)
			if (write(ba[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(ab[0]);
	close(ba[1]);
	fire();
	for (i = 0; i < n; i++)
		if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1)
			return 1;
	fire();
	close(ab[1]);
	waitpid(child, &status, 0);
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int run_busy(int cpu, long ms)
{
	double end;

	pin(cpu);
	fire();
	end = now() + ms / 1e3;
	while (now() < end)
		;
	fire();
	return 0;
}

static int run_migrate(long n)
{
	long i;

	pin(0);
	fire();
	for (i = 0; i < n; i++) {
		pin(1);
		pin(0);
	}
	fire();
	return 0;
}

/* One pass over kallsyms: the nearest text symbol at or below each address. */
static int run_ksym(int n, char **argv)
{
	unsigned long *addr = calloc(n, sizeof(*addr)), *best = calloc(n, sizeof(*best));
	char (*name)[128] = calloc(n, sizeof(*name));
	char line[512], sym[128], type;
	unsigned long a;
	FILE *f = fopen("/proc/kallsyms", "r");
	int i;

	if (!f || !addr || !best || !name)
		return 1;
	for (i = 0; i < n; i++) {
		addr[i] = strtoul(argv[i], NULL, 0);
		strcpy(name[i], "?");
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx %c %127s", &a, &type, sym) != 3)
			continue;
		if (type != 't' && type != 'T')
			continue;
		for (i = 0; i < n; i++)
			if (a <= addr[i] && a >= best[i]) {
				best[i] = a;
				snprintf(name[i], sizeof(name[i]), "%s", sym);
			}
	}
	for (i = 0; i < n; i++)
		printf("%s\n", name[i]);
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "ksym"))
		return run_ksym(argc - 2, argv + 2);
	trigger_fd = open(TRIGGER, O_WRONLY);
	if (trigger_fd < 0) {
		perror(TRIGGER);
		return 1;
	}
	printf("tid %ld\n", (long)syscall(SYS_gettid));
	fflush(stdout);
	if (!strcmp(mode, "stack"))
		return run_stack();
	if (!strcmp(mode, "faults") && argc == 4)
		return run_faults(atoi(argv[2]), atol(argv[3]));
	if (!strcmp(mode, "pingpong") && argc == 4)
		return run_pingpong(atoi(argv[2]), atol(argv[3]));
	if (!strcmp(mode, "busy") && argc == 4)
		return run_busy(atoi(argv[2]), atol(argv[3]));
	if (!strcmp(mode, "migrate") && argc == 3)
		return run_migrate(atol(argv[2]));
	fprintf(stderr, "usage: see the source\n");
	return 2;
}
