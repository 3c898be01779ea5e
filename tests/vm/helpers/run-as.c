// SPDX-License-Identifier: GPL-2.0-only
/*
 * run-as UID COMMAND [ARG]...: run COMMAND as user and group UID with no
 * supplementary groups, to see what a non-root user gets (busybox has no
 * setpriv).
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long id;

	if (argc < 3) {
		fprintf(stderr, "usage: run-as UID COMMAND [ARG]...\n");
		return 2;
	}
	id = strtoul(argv[1], NULL, 0);
	if (setgroups(0, NULL) || setgid(id) || setuid(id)) {
		perror("run-as");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror("run-as: exec");
	return 127;
}
