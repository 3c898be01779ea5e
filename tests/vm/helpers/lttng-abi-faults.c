// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-abi-faults: fail the N-th slab allocation of one tracer call, for
 * N = 1, 2, ... until the call no longer reaches the fault, and keep each
 * run's CTF trace for babeltrace2 (issue 14: the metadata's failure paths).
 *
 *   lttng-abi-faults [--burst K] start DIR
 *	a session, a metadata channel, a data channel and the enabled
 *	event lttng_test_filter_event; the fault is armed around
 *	SESSION_START; a START that failed is sent again without it;
 *	10 test events; STOP.
 *   lttng-abi-faults [--burst K] event-while-active DIR
 *	the same session started with no event; the fault is armed around
 *	EVENT and ENABLE of lttng_test_filter_event (what `lttng
 *	enable-event` sends: the recorder is made, and described in the
 *	metadata at once, by ENABLE); 10 test events; STOP.
 *
 * The fault is the kernel's per-task one (failslab): N written to
 * /proc/thread-self/fail-nth right before the call makes the N-th slab
 * allocation of this thread fail; read back after it, 0 means the fault
 * was injected, and 0 is written again to disarm it. failslab must count
 * GFP_KERNEL allocations (ignore-gfp-wait N): failslab_setup() does it.
 *
 * With --burst K, the K-1 allocations after the N-th fail too (failslab's
 * task filter, probability 100, times K; make-it-fail set for this thread
 * around the call only). One failure is not always enough: kvmalloc()
 * falls back on vmalloc() when its kmalloc() fails, so growing the
 * metadata past a page fails only with two in a row.
 *
 * Each run's trace goes to DIR/CASE-K-N: the metadata packets' text, headers
 * stripped, as the plain-text TSDL file "metadata", and each data stream's
 * packets as chan_0_CPU. One line per N:
 *
 *   CASE n=N burst=K fault=none|injected|missed at=FUNC via=FUNC metadata=0|1 OP=RESULT... dir=DIR
 *
 * at is the innermost lttng frame of the first failed allocation whose
 * stack failslab printed (from the kernel log; it prints none for
 * __GFP_NOWARN ones, "-" then), via the frame just inside it, metadata 1
 * when a printed stack goes through lttng_metadata_emit_*; RESULT is 0,
 * fd or an errno name.
 * N 0 is a run without a fault, the only one on a kernel without fault
 * injection (no fail-nth). Exit 0 once a call completes unfaulted, 1 on
 * a setup error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lttng/abi.h>

#define EVENT_NAME	"lttng_test_filter_event"
#define FIRE_PATH	"/proc/lttng-test-filter-event"
#define FAILSLAB_DIR	"/sys/kernel/debug/failslab"
#define MAX_N		500
#define MAX_STREAMS	64
#define METADATA_MAGIC	0x75D11D57
#define METADATA_HEADER	37	/* magic, uuid, checksum, sizes, 5 bytes */
#define SUBBUF_SIZE	65536

struct run {
	int session, meta_chan, chan, event;
	int meta_stream, streams[MAX_STREAMS], nr_streams;
	char line[1024];		/* this N's results */
};

static int fail_nth_fd = -1, make_it_fail_fd = -1, kmsg_fd = -1;
static unsigned int burst = 1;

static void die(const char *what)
{
	fprintf(stderr, "lttng-abi-faults: %s: %s\n", what, strerror(errno));
	exit(1);
}

static const char *errno_name(int e)
{
	static char other[16];

	switch (e) {
	case 0: return "0";
	case ENOMEM: return "ENOMEM";
	case EINVAL: return "EINVAL";
	case EBUSY: return "EBUSY";
	case ENOENT: return "ENOENT";
	case EEXIST: return "EEXIST";
	case EAGAIN: return "EAGAIN";
	case ENODATA: return "ENODATA";
	case EFAULT: return "EFAULT";
	case EPERM: return "EPERM";
	case ENOSPC: return "ENOSPC";
	case EMFILE: return "EMFILE";
	case ENFILE: return "ENFILE";
	case ENOTTY: return "ENOTTY";
	}
	snprintf(other, sizeof(other), "E%d", e);
	return other;
}

static void add(struct run *r, const char *fmt, ...)
{
	size_t len = strlen(r->line);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->line + len, sizeof(r->line) - len, fmt, ap);
	va_end(ap);
}

/* An ioctl's result into the line: 0, fd (when it makes one) or errno. */
static int note(struct run *r, const char *op, long ret, int err)
{
	if (ret > 0)
		add(r, " %s=fd", op);
	else
		add(r, " %s=%s", op, errno_name(ret ? err : 0));
	return ret;
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		die(path);
	close(fd);
}

/*
 * failslab counts only allocations that cannot sleep unless told.
 * Returns 0 when the kernel has no fault injection.
 */
static int failslab_setup(void)
{
	if (access("/proc/thread-self/fail-nth", F_OK) ||
	    access(FAILSLAB_DIR, F_OK))
		return 0;
	write_file(FAILSLAB_DIR "/ignore-gfp-wait", "N");
	write_file(FAILSLAB_DIR "/verbose", "2");	/* the stack: where it failed */
	write_file(FAILSLAB_DIR "/verbose_ratelimit_burst", "100000");
	if (burst > 1) {
		write_file(FAILSLAB_DIR "/task-filter", "Y");
		write_file(FAILSLAB_DIR "/probability", "100");
		write_file(FAILSLAB_DIR "/interval", "1");
		write_file(FAILSLAB_DIR "/space", "0");
		write_file(FAILSLAB_DIR "/times", "0");
		make_it_fail_fd = open("/proc/thread-self/make-it-fail", O_RDWR);
		if (make_it_fail_fd < 0)
			die("/proc/thread-self/make-it-fail");
	}
	fail_nth_fd = open("/proc/thread-self/fail-nth", O_RDWR);
	if (fail_nth_fd < 0)
		die("/proc/thread-self/fail-nth");
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (kmsg_fd < 0)
		die("/dev/kmsg");
	return 1;
}

/*
 * Nothing may allocate in the kernel between arm() and the call. N 0 is
 * the run without a fault.
 */
static void arm(unsigned int n)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%u", n);

	if (!n)
		return;
	lseek(kmsg_fd, 0, SEEK_END);
	if (burst > 1) {
		char times[16];

		snprintf(times, sizeof(times), "%u", burst);
		write_file(FAILSLAB_DIR "/times", times);
	}
	if (pwrite(fail_nth_fd, buf, len, 0) != len)
		die("write fail-nth");
	/* From here on, allocations are counted: the N-th fails. */
	if (burst > 1 && pwrite(make_it_fail_fd, "1", 1, 0) != 1)
		die("write make-it-fail");
}

/* Disarm; true when the fault was injected. */
static int disarm(void)
{
	char buf[16] = "";

	if (fail_nth_fd < 0)
		return 0;
	if (burst > 1 && pwrite(make_it_fail_fd, "0", 1, 0) != 1)
		die("write make-it-fail");
	if (pread(fail_nth_fd, buf, sizeof(buf) - 1, 0) <= 0)
		die("read fail-nth");
	if (pwrite(fail_nth_fd, "0", 1, 0) != 1)
		die("write fail-nth");
	if (burst > 1)
		write_file(FAILSLAB_DIR "/times", "0");
	return strtoul(buf, NULL, 10) == 0;
}

/* " func+0x1/0x2 [mod]" -> "func"; "" for lines that are not frames. */
static void frame_name(const char *msg, char *out, size_t size)
{
	size_t n;

	while (*msg == ' ')
		msg++;
	n = strcspn(msg, "+ ");
	if (!n || strncmp(msg + n, "+0x", 3) || n >= size) {
		*out = '\0';	/* not a frame, or an unreliable "? func" */
		return;
	}
	memcpy(out, msg, n);
	out[n] = '\0';
}

/* Where the injected fault was, from the stack failslab printed. */
static void note_fault_site(struct run *r)
{
	char rec[1024], prev[128] = "-", at[128] = "-", via[128] = "-", name[128];
	int metadata = 0, in_dump = 0;
	ssize_t len;

	while ((len = read(kmsg_fd, rec, sizeof(rec) - 1)) != 0) {
		char *msg;

		if (len < 0) {
			if (errno == EPIPE)	/* records overwritten: go on */
				continue;
			break;
		}
		rec[len] = '\0';
		msg = strchr(rec, ';');
		if (!msg)
			continue;
		msg++;
		msg[strcspn(msg, "\n")] = '\0';
		if (strstr(msg, "FAULT_INJECTION: forcing a failure"))
			in_dump = 1;
		if (!in_dump)
			continue;
		frame_name(msg, name, sizeof(name));
		if (!*name)
			continue;
		if (strstr(name, "lttng_metadata_emit"))
			metadata = 1;
		if (!strcmp(at, "-") && strstr(msg, "[lttng")) {
			snprintf(at, sizeof(at), "%s", name);
			snprintf(via, sizeof(via), "%s", prev);
		}
		snprintf(prev, sizeof(prev), "%s", name);
	}
	add(r, " at=%s via=%s metadata=%d", at, via, metadata);
}

static int make_channel(struct run *r, unsigned long cmd, const char *op)
{
	struct lttng_abi_channel attr = {
		.subbuf_size = cmd == LTTNG_ABI_METADATA ? 4096 : SUBBUF_SIZE,
		.num_subbuf = 4,
		.output = LTTNG_ABI_OUTPUT_SPLICE,
	};
	int fd = ioctl(r->session, cmd, &attr);

	note(r, op, fd, errno);
	return fd;
}

static int make_event(struct run *r)
{
	struct lttng_abi_event ev = { .instrumentation = LTTNG_ABI_TRACEPOINT };

	strcpy(ev.name, EVENT_NAME);
	r->event = ioctl(r->chan, LTTNG_ABI_EVENT, &ev);
	return r->event < 0 ? -1 : ioctl(r->event, LTTNG_ABI_ENABLE);
}

/* Session, channels and streams, as the consumer has them before start. */
static int setup(struct run *r)
{
	int fd, root = open("/proc/lttng", O_RDWR);

	if (root < 0)
		die("/proc/lttng");
	r->session = ioctl(root, LTTNG_ABI_SESSION);
	close(root);
	if (r->session < 0)
		die("SESSION");
	r->meta_chan = make_channel(r, LTTNG_ABI_METADATA, "METADATA");
	r->chan = make_channel(r, LTTNG_ABI_CHANNEL, "CHANNEL");
	if (r->meta_chan < 0 || r->chan < 0)
		return -1;
	r->meta_stream = ioctl(r->meta_chan, LTTNG_ABI_STREAM);
	if (r->meta_stream < 0)
		die("metadata STREAM");
	while ((fd = ioctl(r->chan, LTTNG_ABI_STREAM)) >= 0 && r->nr_streams < MAX_STREAMS)
		r->streams[r->nr_streams++] = fd;
	if (!r->nr_streams)
		die("STREAM");
	return 0;
}

static void fire(struct run *r, int count)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%d", count);
	int fd = open(FIRE_PATH, O_WRONLY);

	if (fd < 0)
		die(FIRE_PATH);
	note(r, "fire", write(fd, buf, len) == len ? 0 : -1, errno);
	close(fd);
}

/* Packets of one stream into path: the text only, for the metadata. */
static int drain(int stream, const char *path, int metadata)
{
	static const unsigned int magic = METADATA_MAGIC;
	static char pkt[SUBBUF_SIZE];
	unsigned long len, padded;
	int out = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
	int ret = 0;

	if (out < 0)
		die(path);
	while (!ret && !ioctl(stream, LTTNG_ABI_RB_GET_NEXT_SUBBUF)) {
		if (ioctl(stream, LTTNG_ABI_RB_GET_SUBBUF_SIZE, &len) ||
		    ioctl(stream, LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE, &padded) ||
		    padded > sizeof(pkt) || len > padded ||
		    pread(stream, pkt, padded, 0) != (ssize_t)padded)
			ret = -1;
		else if (metadata && (memcmp(pkt, &magic, sizeof(magic)) ||
				      len < METADATA_HEADER))
			ret = -1;
		else if (metadata)
			ret = write(out, pkt + METADATA_HEADER, len - METADATA_HEADER) ==
			      (ssize_t)(len - METADATA_HEADER) ? 0 : -1;
		else
			ret = write(out, pkt, padded) == (ssize_t)padded ? 0 : -1;
		if (ioctl(stream, LTTNG_ABI_RB_PUT_NEXT_SUBBUF))
			ret = -1;
	}
	if (!ret && errno != EAGAIN && errno != ENODATA)
		ret = -1;
	close(out);
	return ret;
}

/* babeltrace2 takes plain-text TSDL that starts with this signature. */
static void new_metadata_file(const char *path)
{
	static const char sig[] = "/* CTF 1.8 */\n";
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, sig, strlen(sig)) != (ssize_t)strlen(sig))
		die(path);
	close(fd);
}

static void save_trace(struct run *r, const char *dir)
{
	char path[600];		/* dir is at most 511 bytes */
	int i, ret;

	if (mkdir(dir, 0755) && errno != EEXIST)
		die(dir);
	snprintf(path, sizeof(path), "%s/metadata", dir);
	new_metadata_file(path);
	ret = drain(r->meta_stream, path, 1);
	for (i = 0; !ret && i < r->nr_streams; i++) {
		ioctl(r->streams[i], LTTNG_ABI_RB_FLUSH);
		snprintf(path, sizeof(path), "%s/chan_0_%d", dir, i);
		ret = drain(r->streams[i], path, 0);
	}
	add(r, " drain=%s dir=%s", ret ? "failed" : "0", dir);
}

static void teardown(struct run *r)
{
	int i;

	for (i = 0; i < r->nr_streams; i++)
		close(r->streams[i]);
	close(r->meta_stream);
	if (r->event >= 0)
		close(r->event);
	close(r->chan);
	close(r->meta_chan);
	close(r->session);
}

/*
 * Case start: the fault in SESSION_START; a START that failed is sent
 * again, as a user would. Returns whether the fault was reached.
 */
static int run_start(struct run *r, unsigned int n)
{
	long ret;
	int injected;

	if (setup(r) || note(r, "EVENT+ENABLE", make_event(r), errno))
		return -1;
	arm(n);
	ret = ioctl(r->session, LTTNG_ABI_SESSION_START);
	injected = n && disarm();
	note(r, "START", ret, errno);
	if (ret)
		note(r, "START-again", ioctl(r->session, LTTNG_ABI_SESSION_START), errno);
	return injected;
}

/*
 * Case event-while-active: the fault in EVENT and ENABLE of the test
 * event in a started session. Returns whether the fault was reached.
 */
static int run_event_while_active(struct run *r, unsigned int n)
{
	long ret, ev;
	int injected;
	struct lttng_abi_event attr = { .instrumentation = LTTNG_ABI_TRACEPOINT };

	strcpy(attr.name, EVENT_NAME);
	if (setup(r) || note(r, "START", ioctl(r->session, LTTNG_ABI_SESSION_START), errno))
		return -1;
	arm(n);
	ev = ioctl(r->chan, LTTNG_ABI_EVENT, &attr);
	ret = ev < 0 ? -1 : ioctl(ev, LTTNG_ABI_ENABLE);
	injected = n && disarm();
	r->event = ev;
	if (note(r, "EVENT", ev, errno) >= 0)
		note(r, "ENABLE", ret, errno);
	return injected;
}

/* Text bytes the metadata stream gives now (its packets, headers off). */
static long metadata_text(struct run *r)
{
	static char pkt[SUBBUF_SIZE];
	unsigned long len, padded;
	long total = 0;

	while (!ioctl(r->meta_stream, LTTNG_ABI_RB_GET_NEXT_SUBBUF)) {
		if (ioctl(r->meta_stream, LTTNG_ABI_RB_GET_SUBBUF_SIZE, &len) ||
		    ioctl(r->meta_stream, LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE, &padded) ||
		    padded > sizeof(pkt) || pread(r->meta_stream, pkt, padded, 0) < 0 ||
		    ioctl(r->meta_stream, LTTNG_ABI_RB_PUT_NEXT_SUBBUF))
			die("metadata packet");
		total += len - METADATA_HEADER;
	}
	return total;
}

/*
 * The event's block is appended without allocating unless it overflows
 * the cache, which doubles from 4 KiB (text_grow in lttng-metadata.c):
 * say whether it does here, unfaulted.
 */
static void report_sizes(void)
{
	struct run r = { .event = -1 };
	long before, block;

	if (setup(&r) || ioctl(r.session, LTTNG_ABI_SESSION_START))
		die("unfaulted START");
	before = metadata_text(&r);
	if (make_event(&r))
		die("unfaulted EVENT");
	block = metadata_text(&r);
	ioctl(r.session, LTTNG_ABI_SESSION_STOP);
	teardown(&r);
	printf("# metadata: %ld bytes before the event, %ld in its block%s\n", before,
	       block, before < 4096 && before + block >= 4096 ?
	       ": its append grows the cache (4 KiB to 8 KiB, a slab allocation)" : "");
}

/* Runs N = 0 (no fault), then 1, 2, ... while faults can be injected. */
static int run_case(const char *name, const char *dir, int faults)
{
	int (*fn)(struct run *r, unsigned int n);
	unsigned int n;
	char path[512];

	if (!strcmp(name, "start"))
		fn = run_start;
	else if (!strcmp(name, "event-while-active"))
		fn = run_event_while_active;
	else
		return -1;
	for (n = 0; n <= MAX_N; n++) {
		struct run r = { .event = -1 };
		int injected = fn(&r, n);

		if (injected < 0) {
			printf("%s n=%u setup failed:%s\n", name, n, r.line);
			return 1;
		}
		if (injected)
			note_fault_site(&r);
		fire(&r, 10);
		note(&r, "STOP", ioctl(r.session, LTTNG_ABI_SESSION_STOP), errno);
		snprintf(path, sizeof(path), "%s/%s-%u-%u", dir, name, burst, n);
		save_trace(&r, path);
		teardown(&r);
		printf("%s n=%u burst=%u fault=%s%s\n", name, n, burst,
		       !n ? "none" : injected ? "injected" : "missed", r.line);
		fflush(stdout);
		if (!faults || (n && !injected))
			return 0;
	}
	printf("%s: the call still reached the fault at n=%u\n", name, MAX_N);
	return 1;
}

int main(int argc, char **argv)
{
	int ret, faults;

	if (argc == 5 && !strcmp(argv[1], "--burst")) {
		burst = strtoul(argv[2], NULL, 10);
		argc -= 2;
		argv += 2;
	}
	if (argc != 3 || !burst) {
		fprintf(stderr, "usage: %s [--burst K] start|event-while-active DIR\n",
			argv[0]);
		return 2;
	}
	if (mkdir(argv[2], 0755) && errno != EEXIST)
		die(argv[2]);
	faults = failslab_setup();
	if (!faults)
		printf("# no fault injection in this kernel: the run without a fault only\n");
	report_sizes();
	ret = run_case(argv[1], argv[2], faults);
	if (ret < 0) {
		fprintf(stderr, "unknown case %s\n", argv[1]);
		return 2;
	}
	return ret;
}
