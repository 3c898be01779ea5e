// SPDX-License-Identifier: GPL-2.0-only
/*
 * up-target: a program for the user-space probe scenario.
 *
 *   up-target [-w FIFO] N   call up_target_hit() N times; print
 *                           "pid P hit 0xADDR" (the function's address
 *                           in this process) first
 *
 * -w FIFO: wait for a line on FIFO before the calls (after printing), so
 * that a scenario can track the process first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile unsigned long hits;

/* Not inlined, not merged: a probe on it must see every call. */
__attribute__((noinline, used)) void up_target_hit(unsigned long i)
{
	hits += i;
	__asm__ volatile("" ::: "memory");
}

static void wait_fifo(const char *path)
{
	char line[16];
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		exit(1);
	}
	if (!fgets(line, sizeof(line), f))
		exit(1);
	fclose(f);
}

int main(int argc, char **argv)
{
	const char *fifo = NULL;
	unsigned long i, n;

	if (argc == 4 && !strcmp(argv[1], "-w")) {
		fifo = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: up-target [-w FIFO] N\n");
		return 2;
	}
	n = strtoul(argv[1], NULL, 0);
	printf("pid %d hit %p\n", getpid(), (void *)up_target_hit);
	fflush(stdout);
	if (fifo)
		wait_fifo(fifo);
	for (i = 0; i < n; i++)
		up_target_hit(i);
	return 0;
}
