// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-abi-m32: the tracer's ABI as a 32-bit consumer (lttng-tools built
 * for i386) uses it on a 64-bit kernel. Built with -m32 -static
 * (tests/vm/prepare.sh builds every helper named *-m32.c so).
 *
 *   lttng-abi-m32 DIR
 *
 * Through /proc/lttng it makes a session, an mmap channel with an enabler
 * of lttng_test_filter_event, a metadata channel and their streams; it
 * records 10 test events on CPU 0 (/proc/lttng-test-filter-event, module
 * lttng-test), stops the session, then, on CPU 0's data stream and on the
 * metadata stream, with a packet held: writes the 32-bit answers to
 * DIR/data.m32 and DIR/meta.m32 (rb-report.h) and has the 64-bit
 * lttng-abi-probe write its answers for the same stream file to
 * DIR/data.native and DIR/meta.native, and reads the packet through
 * mmap. On standard output, one line per step the scenario compares:
 *
 *   data get_subbuf 0            GET_SUBBUF at the 32-bit consumed position
 *   data magic c1fc1fc1          the held packet, read through mmap
 *   data stream_id matches       its header's stream_id is GET_STREAM_ID's
 *   data events recorded         it holds more than its header
 *   data put_subbuf 0
 *   data packets N               GET_NEXT_SUBBUF/PUT_NEXT_SUBBUF to the end
 *   meta get_next_subbuf 0
 *   meta magic 75d11d57
 *   meta put_next_subbuf 0
 *
 * A failed step prints the errno name instead of 0 (or of the value).
 * Exit status 2 when the session cannot be set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lttng/abi.h>

#include "rb-report.h"

/*
 * Built for i386, <lttng/abi.h> must give a 32-bit caller's numbers:
 * the unsigned-long stream commands take their 4-byte variants, and every
 * other command keeps the number of x86_64, as its packed structure keeps
 * its size (the size is in the number). That is what makes one header
 * serve both, and what the kernel's compat handler relies on.
 */
#ifdef __i386__
#define SAME(cmd, value) _Static_assert((cmd) == (value), #cmd)
SAME(LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED, LTTNG_ABI_RB_COMPAT_SNAPSHOT_GET_CONSUMED);
SAME(LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED, LTTNG_ABI_RB_COMPAT_SNAPSHOT_GET_PRODUCED);
SAME(LTTNG_ABI_RB_GET_SUBBUF, LTTNG_ABI_RB_COMPAT_GET_SUBBUF);
SAME(LTTNG_ABI_RB_GET_SUBBUF_SIZE, LTTNG_ABI_RB_COMPAT_GET_SUBBUF_SIZE);
SAME(LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE, LTTNG_ABI_RB_COMPAT_GET_PADDED_SUBBUF_SIZE);
SAME(LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE, LTTNG_ABI_RB_COMPAT_GET_MAX_SUBBUF_SIZE);
SAME(LTTNG_ABI_RB_GET_MMAP_LEN, LTTNG_ABI_RB_COMPAT_GET_MMAP_LEN);
SAME(LTTNG_ABI_RB_GET_MMAP_READ_OFFSET, LTTNG_ABI_RB_COMPAT_GET_MMAP_READ_OFFSET);
SAME(LTTNG_ABI_TRACER_VERSION, 0x800CF646);
SAME(LTTNG_ABI_TRACER_ABI_VERSION, 0x8008F64B);
SAME(LTTNG_ABI_CALIBRATE, 0xC004F649);
SAME(LTTNG_ABI_METADATA, 0x4140F654);
SAME(LTTNG_ABI_CHANNEL, 0x4140F655);
SAME(LTTNG_ABI_SESSION_SET_NAME, 0x4100F65D);
SAME(LTTNG_ABI_SESSION_SET_CREATION_TIME, 0x401AF65E);
SAME(LTTNG_ABI_SESSION_TRACK_ID, 0x4008F6A1);
SAME(LTTNG_ABI_EVENT, 0x4234F663);
SAME(LTTNG_ABI_SYSCALL_MASK, 0xC004F664);
SAME(LTTNG_ABI_CONTEXT, 0x4134F671);
SAME(LTTNG_ABI_RB_GET_METADATA_VERSION, 0x8008F60D);
SAME(LTTNG_ABI_RB_GET_NEXT_SUBBUF_METADATA_CHECK, 0x8004F612);
SAME(LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN, 0x8008F620);
SAME(LTTNG_ABI_RB_INSTANCE_ID, 0x8008F628);
SAME(LTTNG_DT_ABI_LIST_THREADS, 0xC010F6D6);
SAME(LTTNG_DT_ABI_GATE_GET, 0xC138F6D8);
SAME(LTTNG_DT_ABI_STATS, 0x8100F6D9);
SAME(LTTNG_DT_ABI_TRUST_LIST, 0xC010F6DC);
/* u64 after u32 sits at 4-byte alignment on i386 unless packed. */
_Static_assert(__builtin_offsetof(struct lttng_abi_event, token) == 260, "event.token");
_Static_assert(__builtin_offsetof(struct lttng_abi_context, u.perf_counter.config) == 24,
	       "context config");
_Static_assert(__builtin_offsetof(struct lttng_dt_abi_thread_list, threads) == 8,
	       "thread_list.threads");
#endif

#define CTF_MAGIC		0xC1FC1FC1
#define TSDL_MAGIC		0x75D11D57
/* CTF packet header: magic, uuid, stream_id (then the context). */
#define PACKET_STREAM_ID_AT	20
#define PACKET_HEADER_BYTES	84	/* header and context (lttng-packet.h) */
#define MAX_STREAMS		64

static int xioctl(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) ? errno : 0;
}

static const char *result(int err)
{
	return err ? rb_errno_name(err) : "0";
}

static int must(int fd, const char *what)
{
	if (fd < 0) {
		printf("setup %s: %s\n", what, rb_errno_name(errno));
		exit(2);
	}
	return fd;
}

/* The 64-bit helper's report of the same stream file, into path. */
static void native_report(int stream, const char *kind, const char *path)
{
	char fd[16];
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (!freopen(path, "w", stdout))
			_exit(127);
		/* The tracer's files are close-on-exec: keep this one. */
		if (fcntl(stream, F_SETFD, 0))
			_exit(127);
		snprintf(fd, sizeof(fd), "%d", stream);
		execlp("lttng-abi-probe", "lttng-abi-probe", "rb-report", fd, kind,
		       (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st))
		printf("%s native report failed\n", kind);
}

static void report(int stream, int metadata, const char *dir, const char *kind)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.m32", dir, kind);
	f = fopen(path, "w");
	if (!f) {
		printf("%s: %s\n", path, strerror(errno));
		exit(2);
	}
	rb_report(f, stream, metadata);
	fclose(f);
	snprintf(path, sizeof(path), "%s/%s.native", dir, kind);
	native_report(stream, metadata ? "metadata" : "data", path);
}

/* The held packet, through mmap: its first bytes, or NULL. */
static const unsigned char *map_packet(int stream, const char *kind,
				       void **map, unsigned long *len)
{
	unsigned long off;
	int err;

	err = xioctl(stream, LTTNG_ABI_RB_GET_MMAP_LEN, len);
	if (!err)
		err = xioctl(stream, LTTNG_ABI_RB_GET_MMAP_READ_OFFSET, &off);
	if (err) {
		printf("%s mmap length/offset %s\n", kind, rb_errno_name(err));
		return NULL;
	}
	*map = mmap(NULL, *len, PROT_READ, MAP_SHARED, stream, 0);
	if (*map == MAP_FAILED) {
		printf("%s mmap %s\n", kind, rb_errno_name(errno));
		return NULL;
	}
	return (const unsigned char *)*map + off;
}

static uint32_t u32_at(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void check_data_packet(int stream)
{
	unsigned long len, size = 0;
	const unsigned char *p;
	__u64 stream_id = 0;
	void *map;

	p = map_packet(stream, "data", &map, &len);
	if (!p)
		return;
	printf("data magic %x\n", u32_at(p));
	xioctl(stream, LTTNG_ABI_RB_GET_STREAM_ID, &stream_id);
	printf("data stream_id %s\n",
	       u32_at(p + PACKET_STREAM_ID_AT) == stream_id ? "matches" : "differs");
	xioctl(stream, LTTNG_ABI_RB_GET_SUBBUF_SIZE, &size);
	printf("data events %s\n", size > PACKET_HEADER_BYTES ? "recorded" : "none");
	munmap(map, len);
}

/* Hold CPU 0's first packet, report, read it, release, then drain. */
static void data_stream(int stream, const char *dir)
{
	unsigned long consumed = 0;
	int err, n;

	err = xioctl(stream, LTTNG_ABI_RB_SNAPSHOT, NULL);
	if (!err)
		err = xioctl(stream, LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED, &consumed);
	if (!err)
		err = xioctl(stream, LTTNG_ABI_RB_GET_SUBBUF, &consumed);
	printf("data get_subbuf %s\n", result(err));
	/* Without it, hold the packet another way: the reports still compare. */
	if (err && xioctl(stream, LTTNG_ABI_RB_GET_NEXT_SUBBUF, NULL))
		return;
	report(stream, 0, dir, "data");
	check_data_packet(stream);
	printf("data put_subbuf %s\n", result(xioctl(stream, LTTNG_ABI_RB_PUT_SUBBUF, NULL)));
	for (n = 0; !xioctl(stream, LTTNG_ABI_RB_GET_NEXT_SUBBUF, NULL); n++)
		if (xioctl(stream, LTTNG_ABI_RB_PUT_NEXT_SUBBUF, NULL))
			break;
	printf("data packets %d\n", n);
}

static void metadata_stream(int stream, const char *dir)
{
	unsigned long len;
	const unsigned char *p;
	void *map;
	int err;

	err = xioctl(stream, LTTNG_ABI_RB_SNAPSHOT, NULL);
	if (!err)
		err = xioctl(stream, LTTNG_ABI_RB_GET_NEXT_SUBBUF, NULL);
	printf("meta get_next_subbuf %s\n", result(err));
	if (err)
		return;
	report(stream, 1, dir, "meta");
	p = map_packet(stream, "meta", &map, &len);
	if (p) {
		printf("meta magic %x\n", u32_at(p));
		munmap(map, len);
	}
	printf("meta put_next_subbuf %s\n",
	       result(xioctl(stream, LTTNG_ABI_RB_PUT_NEXT_SUBBUF, NULL)));
}

static int make_channel(int session, unsigned long cmd, unsigned long subbuf_size,
			unsigned long num_subbuf)
{
	struct lttng_abi_channel attr = {
		.subbuf_size = subbuf_size,
		.num_subbuf = num_subbuf,
		.output = LTTNG_ABI_OUTPUT_MMAP,
	};

	return ioctl(session, cmd, &attr);
}

static void fire_test_events(void)
{
	int fd = must(open("/proc/lttng-test-filter-event", O_WRONLY),
		      "/proc/lttng-test-filter-event");

	if (write(fd, "10\n", 3) != 3)
		printf("setup test events: %s\n", strerror(errno));
	close(fd);
}

/* CPU 0's stream among the channel's: the one whose instance id is 0. */
static int cpu0_stream(int chan)
{
	int s, found = -1;
	__u64 id;

	while ((s = ioctl(chan, LTTNG_ABI_STREAM)) >= 0)
		if (found < 0 && !xioctl(s, LTTNG_ABI_RB_INSTANCE_ID, &id) && id == 0)
			found = s;
	return must(found, "CPU 0 stream");
}

int main(int argc, char **argv)
{
	struct lttng_abi_session_name name = { .name = "m32" };
	struct lttng_abi_event ev = {
		.name = "lttng_test_filter_event",
		.instrumentation = LTTNG_ABI_TRACEPOINT,
	};
	int root, session, chan, meta, event, data_s, meta_s;
	cpu_set_t cpu0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	if (sched_setaffinity(0, sizeof(cpu0), &cpu0))
		printf("setup CPU 0: %s\n", strerror(errno));
	root = must(open("/proc/lttng", O_RDWR), "/proc/lttng");
	session = must(ioctl(root, LTTNG_ABI_SESSION), "SESSION");
	must(ioctl(session, LTTNG_ABI_SESSION_SET_NAME, &name), "SET_NAME");
	chan = must(make_channel(session, LTTNG_ABI_CHANNEL, 4096, 4), "CHANNEL");
	meta = must(make_channel(session, LTTNG_ABI_METADATA, 4096, 2), "METADATA");
	event = must(ioctl(chan, LTTNG_ABI_EVENT, &ev), "EVENT");
	if (ioctl(event, LTTNG_ABI_ENABLE) && errno != EEXIST)
		must(-1, "ENABLE");
	data_s = cpu0_stream(chan);
	meta_s = must(ioctl(meta, LTTNG_ABI_STREAM), "metadata STREAM");
	must(ioctl(session, LTTNG_ABI_SESSION_START), "SESSION_START");
	fire_test_events();
	/* Stopping closes the open packets: they become readable. */
	must(ioctl(session, LTTNG_ABI_SESSION_STOP), "SESSION_STOP");
	data_stream(data_s, argv[1]);
	metadata_stream(meta_s, argv[1]);
	return 0;
}
