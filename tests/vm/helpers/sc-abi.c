// SPDX-License-Identifier: GPL-2.0-only
/*
 * sc-abi: syscall enablers through the raw ABI, for what the lttng CLI
 * cannot ask (entry or exit only) and SYSCALL_MASK, which it never uses.
 *
 *   sc-abi ENTRYEXIT NAME...   (ENTRYEXIT: 0 both, 1 entry, 2 exit)
 *
 * Creates a session and a channel, one SYSCALL enabler per NAME with that
 * ENTRYEXIT, enables them, then prints:
 *   "len N"          SYSCALL_MASK's answer to a zero length
 *   "mask NR..."     the numbers set in the mask it then fills
 *   "event NAME"     per event the session's metadata describes, after
 *                    start (read from the metadata stream)
 * An ioctl that fails prints "IOCTL: ERRNO" and exits 1. The ring-buffer
 * clients must be loaded (sessiond does, or modprobe).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lttng/abi.h>

#define METADATA_HEADER_LEN	37

static long xioctl(int fd, unsigned long cmd, void *arg, const char *what)
{
	long ret = ioctl(fd, cmd, arg);

	if (ret < 0) {
		printf("%s: %s\n", what, strerror(errno));
		exit(1);
	}
	return ret;
}

static int channel(int session, bool metadata)
{
	struct lttng_abi_channel attr = {
		.subbuf_size = metadata ? 65536 : 262144,
		.num_subbuf = metadata ? 4 : 2,
		.output = metadata ? LTTNG_ABI_OUTPUT_MMAP : LTTNG_ABI_OUTPUT_SPLICE,
	};

	return xioctl(session, metadata ? LTTNG_ABI_METADATA : LTTNG_ABI_CHANNEL,
		      &attr, metadata ? "METADATA" : "CHANNEL");
}

static void enable(int chan, const char *name, int entryexit)
{
	struct lttng_abi_event ev = { .instrumentation = LTTNG_ABI_SYSCALL };
	int fd;

	snprintf(ev.name, sizeof(ev.name), "%s", name);
	ev.u.syscall.entryexit = entryexit;
	fd = xioctl(chan, LTTNG_ABI_EVENT, &ev, "EVENT");
	xioctl(fd, LTTNG_ABI_ENABLE, NULL, "ENABLE");
}

static void print_mask(int chan)
{
	struct lttng_abi_syscall_mask *m, probe = { .len = 0 };
	unsigned int i;

	xioctl(chan, LTTNG_ABI_SYSCALL_MASK, &probe, "SYSCALL_MASK");
	printf("len %u\n", probe.len);
	m = calloc(1, sizeof(*m) + (probe.len + 7) / 8);
	if (!m)
		exit(2);
	m->len = probe.len;
	xioctl(chan, LTTNG_ABI_SYSCALL_MASK, m, "SYSCALL_MASK");
	printf("mask");
	for (i = 0; i < probe.len; i++)
		if (m->mask[i / 8] & (0x80 >> (i % 8)))
			printf(" %u", i);
	printf("\n");
	free(m);
}

/* Every "event { name = "X"; ..." of the metadata text. */
static void print_events(const char *text)
{
	const char *s = text;

	while ((s = strstr(s, "event {"))) {
		char name[256];

		s += 7;
		if (sscanf(s, " name = \"%255[^\"]\"", name) == 1)
			printf("event %s\n", name);
	}
}

static void read_metadata(int session)
{
	int stream = xioctl(channel(session, true), LTTNG_ABI_STREAM, NULL, "STREAM");
	unsigned long mmap_len, off;
	size_t len = 0, cap = 0;
	char *text = NULL, *map;

	xioctl(stream, LTTNG_ABI_RB_GET_MMAP_LEN, &mmap_len, "GET_MMAP_LEN");
	map = mmap(NULL, mmap_len, PROT_READ, MAP_SHARED, stream, 0);
	if (map == MAP_FAILED)
		exit(2);
	while (ioctl(stream, LTTNG_ABI_RB_GET_NEXT_SUBBUF) == 0) {
		unsigned int content_bits;
		size_t n;

		xioctl(stream, LTTNG_ABI_RB_GET_MMAP_READ_OFFSET, &off, "READ_OFFSET");
		memcpy(&content_bits, map + off + 24, sizeof(content_bits));
		n = content_bits / 8 - METADATA_HEADER_LEN;
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			text = realloc(text, cap);
			if (!text)
				exit(2);
		}
		memcpy(text + len, map + off + METADATA_HEADER_LEN, n);
		len += n;
		xioctl(stream, LTTNG_ABI_RB_PUT_NEXT_SUBBUF, NULL, "PUT_NEXT_SUBBUF");
	}
	if (!text)
		exit(2);
	text[len] = '\0';
	print_events(text);
	free(text);
}

int main(int argc, char **argv)
{
	int root, session, chan, i;

	if (argc < 3) {
		fprintf(stderr, "usage: sc-abi ENTRYEXIT NAME...\n");
		return 2;
	}
	root = open("/proc/lttng", O_RDWR);
	if (root < 0)
		return perror("/proc/lttng"), 2;
	session = xioctl(root, LTTNG_ABI_SESSION, NULL, "SESSION");
	chan = channel(session, false);
	for (i = 2; i < argc; i++)
		enable(chan, argv[i], atoi(argv[1]));
	print_mask(chan);
	xioctl(session, LTTNG_ABI_SESSION_START, NULL, "SESSION_START");
	read_metadata(session);
	return 0;
}
