// SPDX-License-Identifier: GPL-2.0-only
/*
 * probe-events: workloads for the probe-events scenario, each firing
 * tracepoints whose recorded values the scenario knows.
 *
 *   probe-events pages N      map N fresh anonymous pages and write one
 *                             byte at the start of each (N user page
 *                             faults, write access); print
 *                             "pid P pages 0xADDR N" (the first page)
 *   probe-events udp PORT N   send N datagrams of 1000 bytes to a UDP
 *                             socket bound to 127.0.0.1:PORT with the
 *                             smallest receive buffer, never reading:
 *                             most cannot be queued; print "sent N"
 *   probe-events write FILE N one write(2) of N bytes 'L' to FILE; print
 *                             what it returned
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static int pages(int n)
{
	long psz = sysconf(_SC_PAGESIZE);
	volatile char *p;
	int i;

	p = mmap(NULL, n * psz, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	/* One fault per page: no huge page may back the range. */
	madvise((void *)p, n * psz, MADV_NOHUGEPAGE);
	printf("pid %d pages %p %d\n", getpid(), (void *)p, n);
	fflush(stdout);
	for (i = 0; i < n; i++)
		p[i * psz] = 1;
	return 0;
}

static int udp(int port, int n)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	char buf[1000];
	int rcv, snd, small = 1, i;

	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rcv = socket(AF_INET, SOCK_DGRAM, 0);
	snd = socket(AF_INET, SOCK_DGRAM, 0);
	if (rcv < 0 || snd < 0 ||
	    setsockopt(rcv, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small)) ||
	    bind(rcv, (struct sockaddr *)&a, sizeof(a))) {
		perror("udp socket");
		return 1;
	}
	memset(buf, 'u', sizeof(buf));
	for (i = 0; i < n; i++)
		if (sendto(snd, buf, sizeof(buf), 0, (struct sockaddr *)&a,
			   sizeof(a)) != sizeof(buf)) {
			perror("sendto");
			return 1;
		}
	printf("sent %d\n", n);
	return 0;
}

static int write_once(const char *path, int n)
{
	char *buf = malloc(n);
	int fd = open(path, O_WRONLY);

	if (!buf || fd < 0) {
		perror(path);
		return 1;
	}
	memset(buf, 'L', n);
	printf("%zd\n", write(fd, buf, n));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "pages"))
		return pages(atoi(argv[2]));
	if (argc == 4 && !strcmp(argv[1], "udp"))
		return udp(atoi(argv[2]), atoi(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "write"))
		return write_once(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: probe-events pages N | udp PORT N | write FILE N\n");
	return 2;
}
