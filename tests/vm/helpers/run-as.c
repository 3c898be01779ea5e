// SPDX-License-Identifier: GPL-2.0-only
/*
 * run-as UID[:GID] COMMAND [ARG]...: run COMMAND as user UID and group
 * GID (default UID) with no supplementary groups, to see what a non-root
 * user gets (busybox has no setpriv).
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long id, gid;
	char *end;

	if (argc < 3) {
		fprintf(stderr, "usage: run-as UID[:GID] COMMAND [ARG]...\n");
		return 2;
	}
	id = strtoul(argv[1], &end, 0);
	gid = *end == ':' ? strtoul(end + 1, NULL, 0) : id;
	if (setgroups(0, NULL) || setgid(gid) || setuid(id)) {
		perror("run-as");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror("run-as: exec");
	return 127;
}
