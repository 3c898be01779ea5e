// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-abi-probe: issue raw ioctls on /proc/lttng from VM test scenarios
 * and print the outcome in a form scripts can compare.
 *
 *   lttng-abi-probe version          "tracer M.m.p" and "abi M.m"
 *   lttng-abi-probe ioctl CMD [ARG]  result of ioctl(CMD, ARG): "0", a
 *                                    returned fd as "fd", or the errno name
 *   lttng-abi-probe list tracepoint|syscall   contents of the list file
 *   lttng-abi-probe open-as UID      errno name of open() after setuid(UID)
 *   lttng-abi-probe calibrate TYPE   result of CALIBRATE with that type
 *   lttng-abi-probe channel SUBBUF_SIZE NUM_SUBBUF
 *                                    CHANNEL (discard, splice) of that
 *                                    geometry in a new session: "fd" or
 *                                    the errno name
 *   lttng-abi-probe hold-stream      a stream of a channel whose channel
 *                                    and session fds are closed: prints
 *                                    "holding", waits for a line on stdin,
 *                                    then prints the results of FLUSH and
 *                                    GET_CURRENT_TIMESTAMP on the stream
 *                                    (the client module's code), then
 *                                    of an unknown command and of
 *                                    GET_SUBBUF_SIZE with no packet held
 *   lttng-abi-probe metadata-unknown the same two for a metadata stream
 *   lttng-abi-probe rb-report FD data|metadata
 *                                    the 64-bit answers of stream FD
 *                                    (inherited, a packet held) in the
 *                                    form of rb-report.h, for lttng-abi-m32
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <lttng/abi.h>

#include "rb-report.h"

#define ROOT_PATH "/proc/lttng"

static const char *errno_name(int e)
{
	switch (e) {
	case 0: return "0";
	case EACCES: return "EACCES";
	case EPERM: return "EPERM";
	case ENOTTY: return "ENOTTY";
	case ENOSYS: return "ENOSYS";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOENT: return "ENOENT";
	case ENOMEM: return "ENOMEM";
	default: return strerror(e);
	}
}

static int open_root(void)
{
	int fd = open(ROOT_PATH, O_RDWR);

	if (fd < 0) {
		fprintf(stderr, "open %s: %s\n", ROOT_PATH, strerror(errno));
		exit(2);
	}
	return fd;
}

static int do_version(void)
{
	struct lttng_abi_tracer_version v;
	struct lttng_abi_tracer_abi_version a;
	int fd = open_root();

	if (ioctl(fd, LTTNG_ABI_TRACER_VERSION, &v) != 0 ||
	    ioctl(fd, LTTNG_ABI_TRACER_ABI_VERSION, &a) != 0) {
		printf("%s\n", errno_name(errno));
		return 1;
	}
	printf("tracer %u.%u.%u\nabi %u.%u\n", v.major, v.minor, v.patchlevel,
	       a.major, a.minor);
	return 0;
}

static int do_ioctl(const char *cmd, const char *arg)
{
	unsigned long c = strtoul(cmd, NULL, 0);
	unsigned long a = arg ? strtoul(arg, NULL, 0) : 0;
	int fd = open_root();
	long ret = ioctl(fd, c, a);

	if (ret > 0)
		printf("fd\n");
	else
		printf("%s\n", errno_name(ret == 0 ? 0 : errno));
	return 0;
}

static int do_list(const char *what)
{
	unsigned long cmd = strcmp(what, "syscall") ? LTTNG_ABI_TRACEPOINT_LIST :
						      LTTNG_ABI_SYSCALL_LIST;
	int fd = open_root();
	int list = ioctl(fd, cmd);
	char buf[4096];
	ssize_t n;

	if (list < 0) {
		printf("%s\n", errno_name(errno));
		return 1;
	}
	while ((n = read(list, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, n, stdout);
	return n < 0;
}

static int do_open_as(const char *uid)
{
	int fd;

	if (setgid(strtoul(uid, NULL, 0)) || setuid(strtoul(uid, NULL, 0))) {
		perror("setuid");
		return 2;
	}
	fd = open(ROOT_PATH, O_RDWR);
	printf("%s\n", errno_name(fd < 0 ? errno : 0));
	return 0;
}

static int do_calibrate(const char *type)
{
	struct lttng_abi_calibrate c = { .type = strtoul(type, NULL, 0) };
	int fd = open_root();

	printf("%s\n", errno_name(ioctl(fd, LTTNG_ABI_CALIBRATE, &c) ? errno : 0));
	return 0;
}

static int do_channel(const char *subbuf_size, const char *num_subbuf)
{
	struct lttng_abi_channel attr = {
		.subbuf_size = strtoull(subbuf_size, NULL, 0),
		.num_subbuf = strtoull(num_subbuf, NULL, 0),
		.output = LTTNG_ABI_OUTPUT_SPLICE,
	};
	int session = ioctl(open_root(), LTTNG_ABI_SESSION);
	int chan;

	if (session < 0) {
		printf("SESSION: %s\n", errno_name(errno));
		return 1;
	}
	chan = ioctl(session, LTTNG_ABI_CHANNEL, &attr);
	printf("%s\n", chan >= 0 ? "fd" : errno_name(errno));
	return 0;
}

/* A stream command no version of the ABI has. */
#define UNKNOWN_STREAM_CMD	_IO(LTTNG_ABI_IOC, 0x3F)

/*
 * A stream of a new session's channel made by cmd (CHANNEL or METADATA);
 * the session and channel fds in *session and *chan. -1 and the errno
 * name printed on failure.
 */
static int open_stream(unsigned long cmd, struct lttng_abi_channel *attr,
		       int *session, int *chan)
{
	int stream;

	*session = ioctl(open_root(), LTTNG_ABI_SESSION);
	*chan = *session < 0 ? -1 : ioctl(*session, cmd, attr);
	stream = *chan < 0 ? -1 : ioctl(*chan, LTTNG_ABI_STREAM);
	if (stream < 0)
		printf("%s\n", errno_name(errno));
	return stream;
}

/* A stream's answers to an unknown command, and to a known one unheld. */
static void print_unknown_and_unheld(int stream)
{
	unsigned long size;

	printf("unknown %s\n", errno_name(ioctl(stream, UNKNOWN_STREAM_CMD) ? errno : 0));
	printf("GET_SUBBUF_SIZE unheld %s\n",
	       errno_name(ioctl(stream, LTTNG_ABI_RB_GET_SUBBUF_SIZE, &size) ? errno : 0));
}

static int do_metadata_unknown(void)
{
	struct lttng_abi_channel attr = {
		.subbuf_size = 4096, .num_subbuf = 2,
		.output = LTTNG_ABI_OUTPUT_MMAP,
	};
	int session, meta, stream = open_stream(LTTNG_ABI_METADATA, &attr, &session, &meta);

	if (stream < 0)
		return 1;
	print_unknown_and_unheld(stream);
	return 0;
}

static int do_hold_stream(void)
{
	struct lttng_abi_channel attr = {
		.subbuf_size = 65536, .num_subbuf = 4,
		.output = LTTNG_ABI_OUTPUT_SPLICE,
	};
	int session, chan, stream = open_stream(LTTNG_ABI_CHANNEL, &attr, &session, &chan);
	char line[16];
	__u64 ts;

	if (stream < 0)
		return 1;
	close(chan);
	close(session);
	printf("holding\n");
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 1;
	printf("FLUSH %s\n", errno_name(ioctl(stream, LTTNG_ABI_RB_FLUSH) ? errno : 0));
	printf("GET_CURRENT_TIMESTAMP %s\n",
	       errno_name(ioctl(stream, LTTNG_ABI_RB_GET_CURRENT_TIMESTAMP, &ts) ?
			  errno : 0));
	print_unknown_and_unheld(stream);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "version"))
		return do_version();
	if (argc >= 3 && !strcmp(argv[1], "ioctl"))
		return do_ioctl(argv[2], argc > 3 ? argv[3] : NULL);
	if (argc >= 3 && !strcmp(argv[1], "list"))
		return do_list(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "open-as"))
		return do_open_as(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "calibrate"))
		return do_calibrate(argv[2]);
	if (argc >= 2 && !strcmp(argv[1], "metadata-unknown"))
		return do_metadata_unknown();
	if (argc >= 2 && !strcmp(argv[1], "hold-stream"))
		return do_hold_stream();
	if (argc >= 4 && !strcmp(argv[1], "channel"))
		return do_channel(argv[2], argv[3]);
	if (argc >= 4 && !strcmp(argv[1], "rb-report")) {
		rb_report(stdout, atoi(argv[2]), !strcmp(argv[3], "metadata"));
		return 0;
	}
	fprintf(stderr, "usage: %s version|ioctl CMD [ARG]|list KIND|open-as UID|calibrate TYPE|channel SUBBUF_SIZE NUM_SUBBUF|hold-stream|metadata-unknown|rb-report FD data|metadata\n",
		argv[0]);
	return 2;
}
