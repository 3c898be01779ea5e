// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stands in for a program the lttng front runs: writes its argv (each
 * argument NUL-terminated) to $REC_DIR/NAME/argv, where NAME is the name
 * of its own executable (argv[0] is the test's subject), copies standard
 * input to $REC_DIR/NAME/stdin, writes $REC_OUT to standard output and exits with
 * $REC_STATUS, so a test can compare every byte.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int rec_file(const char *dir, const char *name)
{
	char exe[4096], path[8192];
	const char *base;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0)
		return -1;
	exe[n] = '\0';
	base = strrchr(exe, '/');
	base = base ? base + 1 : exe;
	snprintf(path, sizeof(path), "%s/%s/%s", dir, base, name);
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
}

static int rec_copy(int in, int out)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("REC_DIR"), *out = getenv("REC_OUT");
	const char *status = getenv("REC_STATUS");
	int fd, i;

	if (!dir)
		return 99;
	fd = rec_file(dir, "argv");
	for (i = 0; fd >= 0 && i < argc; i++)
		if (write(fd, argv[i], strlen(argv[i]) + 1) < 0)
			return 98;
	if (fd < 0 || close(fd))
		return 98;
	fd = rec_file(dir, "stdin");
	if (fd < 0 || rec_copy(0, fd) || close(fd))
		return 97;
	if (out && write(1, out, strlen(out)) < 0)
		return 96;
	return status ? atoi(status) : 0;
}
