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
 *   lttng-abi-probe tracker OP...    the tracker commands on one new
 *                                    session, one output line per OP:
 *                                    track-pid|untrack-pid|old-track-pid|
 *                                    old-untrack-pid ID (the value as the
 *                                    argument), track|untrack|old-track|
 *                                    old-untrack TYPE ID (tracker_args),
 *                                    raw CMD TYPE ID (tracker_args, any
 *                                    command): "0" or the errno name;
 *                                    list-pids, list|old-list TYPE: the
 *                                    list file's lines joined by "|", or
 *                                    the errno name
 *   lttng-abi-probe rb-report FD data|metadata
 *                                    the 64-bit answers of stream FD
 *                                    (inherited, a packet held) in the
 *                                    form of rb-report.h, for lttng-abi-m32
 */
#include <errno.h>
#include <stdbool.h>
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
	case EEXIST: return "EEXIST";
	case ENOSPC: return "ENOSPC";
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

/* The list file fd's lines, joined by "|" (nothing for no line). */
static void print_list(int list)
{
	static char buf[1 << 18];
	ssize_t n, len = 0;
	ssize_t i;

	if (list < 0) {
		printf("%s\n", errno_name(errno));
		return;
	}
	while (len < (ssize_t)sizeof(buf) - 1 &&
	       (n = read(list, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(list);
	while (len > 0 && buf[len - 1] == '\n')
		len--;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			buf[i] = '|';
	buf[len] = '\0';
	printf("%s\n", buf);
}

static void print_result(int ret)
{
	printf("%s\n", errno_name(ret < 0 ? errno : 0));
}

/* lttng-modules' first numbers, which lttng-tools falls back to on ENOSYS. */
#define OLD_TRACK_PID	_IOR(LTTNG_ABI_IOC, 0x58, __s32)
#define OLD_UNTRACK_PID	_IOR(LTTNG_ABI_IOC, 0x59, __s32)
#define OLD_LIST_IDS	_IOR(LTTNG_ABI_IOC, 0xA0, struct lttng_abi_tracker_args)
#define OLD_TRACK_ID	_IOR(LTTNG_ABI_IOC, 0xA1, struct lttng_abi_tracker_args)
#define OLD_UNTRACK_ID	_IOR(LTTNG_ABI_IOC, 0xA2, struct lttng_abi_tracker_args)

static const struct {
	const char *name;
	unsigned long cmd;
	int nargs;		/* 1: a value; 2: type and id; 0: none */
	bool list;
} tracker_ops[] = {
	{ "track-pid", LTTNG_ABI_SESSION_TRACK_PID, 1, false },
	{ "untrack-pid", LTTNG_ABI_SESSION_UNTRACK_PID, 1, false },
	{ "old-track-pid", OLD_TRACK_PID, 1, false },
	{ "old-untrack-pid", OLD_UNTRACK_PID, 1, false },
	{ "list-pids", LTTNG_ABI_SESSION_LIST_TRACKER_PIDS, 0, true },
	{ "track", LTTNG_ABI_SESSION_TRACK_ID, 2, false },
	{ "untrack", LTTNG_ABI_SESSION_UNTRACK_ID, 2, false },
	{ "old-track", OLD_TRACK_ID, 2, false },
	{ "old-untrack", OLD_UNTRACK_ID, 2, false },
	{ "list", LTTNG_ABI_SESSION_LIST_TRACKER_IDS, 1, true },
	{ "old-list", OLD_LIST_IDS, 1, true },
};

static int do_tracker(int argc, char **argv)
{
	int session = ioctl(open_root(), LTTNG_ABI_SESSION);
	int i = 0;

	if (session < 0) {
		printf("SESSION: %s\n", errno_name(errno));
		return 1;
	}
	while (i < argc) {
		struct lttng_abi_tracker_args a = { 0 };
		unsigned long cmd = 0;
		bool list = false;
		size_t k;
		int ret;

		if (!strcmp(argv[i], "raw") && i + 3 < argc) {
			cmd = strtoul(argv[i + 1], NULL, 0);
			a.type = strtoul(argv[i + 2], NULL, 0);
			a.id = strtol(argv[i + 3], NULL, 0);
			print_result(ioctl(session, cmd, &a));
			i += 4;
			continue;
		}
		for (k = 0; k < sizeof(tracker_ops) / sizeof(tracker_ops[0]); k++)
			if (!strcmp(argv[i], tracker_ops[k].name))
				break;
		if (k == sizeof(tracker_ops) / sizeof(tracker_ops[0]) ||
		    i + tracker_ops[k].nargs >= argc) {
			fprintf(stderr, "tracker: bad op %s\n", argv[i]);
			return 2;
		}
		cmd = tracker_ops[k].cmd;
		list = tracker_ops[k].list;
		if (tracker_ops[k].nargs == 1 && !list) {
			ret = ioctl(session, cmd, (unsigned long)(long)strtol(argv[i + 1], NULL, 0));
			print_result(ret);
		} else if (tracker_ops[k].nargs == 0) {
			print_list(ioctl(session, cmd));
		} else {
			a.type = strtoul(argv[i + 1], NULL, 0);
			a.id = tracker_ops[k].nargs == 2 ? strtol(argv[i + 2], NULL, 0) : -1;
			if (list)
				print_list(ioctl(session, cmd, &a));
			else
				print_result(ioctl(session, cmd, &a));
		}
		i += 1 + tracker_ops[k].nargs;
	}
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
	if (argc >= 2 && !strcmp(argv[1], "tracker"))
		return do_tracker(argc - 2, argv + 2);
	if (argc >= 4 && !strcmp(argv[1], "rb-report")) {
		rb_report(stdout, atoi(argv[2]), !strcmp(argv[3], "metadata"));
		return 0;
	}
	fprintf(stderr, "usage: %s version|ioctl CMD [ARG]|list KIND|open-as UID|calibrate TYPE|channel SUBBUF_SIZE NUM_SUBBUF|hold-stream|metadata-unknown|tracker OP...|rb-report FD data|metadata\n",
		argv[0]);
	return 2;
}
