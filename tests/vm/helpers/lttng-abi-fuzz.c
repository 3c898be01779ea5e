// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-abi-fuzz: hammer the tracer's file descriptors with valid,
 * mutated and random requests from several threads, for the kernel's
 * sanitizers and lockdep to judge (tests/vm/scenarios/ioctl-fuzz.sh).
 *
 *   lttng-abi-fuzz [--seed N] [--seconds S] [--calls N] [--threads T] [--trace]
 *                  [--quiet-probes]
 *
 * It first builds a live object graph through the real ioctls: /proc/lttng,
 * sessions with a metadata channel and its stream, data channels (splice
 * and mmap output) with a stream per CPU, events of every kind (tracepoint
 * by name and by glob, system call, kprobe, kretprobe, uprobe on a memfd of
 * its own), contexts, enable and disable, start and stop, and the
 * distributed-trace commands (track, gate, list). Then T threads (3 by
 * default) pick random objects of that graph and send them valid commands
 * with mutated arguments, random command numbers of the 0xF6 space and bad
 * user pointers (NULL, a PROT_NONE page, structures straddling it, kernel
 * and non-canonical addresses); huge channel sizes; they read, poll, mmap
 * and splice stream files, consume packets as lttng-consumerd does, close
 * descriptors in any order (also while other threads use them) and rebuild
 * parts of the graph.
 *
 * It stops after S seconds (default 30 when neither limit is given) or N
 * calls, whichever comes first. It prints its seed first and, at the end,
 * its call counts per kind and their total, then exits 0: errors returned
 * by the kernel are expected. A positive result from a command that
 * creates no file is reported as an "anomaly" line (and counted). Exit 1:
 * the first graph could not be built; 2: bad usage.
 *
 * The seed fixes each thread's sequence of choices; with --threads 1 a run
 * repeats the same calls (up to the kernel's answers, e.g. data arriving in
 * buffers); --trace prints every call before it is made.
 *
 * --quiet-probes places kprobes and kretprobes only on a function nothing
 * calls while they are made (the tracer's calibration target, CALIBRATE
 * left out): it isolates other findings from races of probes placed on
 * busy functions (the fuzzer's first finding, a probe that fired before
 * its recorders existed, now fixed: doc/testing.md).
 *
 * It writes to nothing but its own descriptors (a pipe, a memfd) and sends
 * no network traffic.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/ucontext.h>
#include <time.h>
#include <unistd.h>

#include <lttng/abi.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define PAGE		4096UL
#define MAX_THREADS	16
#define NR_OBJS		160
#define MAX_CHANNELS	16	/* live channel descriptors the valid path allows */
#define MAX_CHANNELS_PER_SESSION 4
#define MAX_SESSIONS	8
#define MAX_LISTS	6
#define MAX_EVENTS_PER_CHAN 48
#define SCRATCH_LEN	(64 * 1024)
#define READ_LEN	(1024 * 1024)
#define MAX_MAPS	8

/* Call counters, printed at the end. */
enum counter {
	C_IOC_ROOT, C_IOC_SESSION, C_IOC_CHANNEL, C_IOC_ENABLE, C_IOC_EVENT,
	C_IOC_STREAM, C_IOC_DT, C_IOC_OTHER, C_IOC_RANDOM,
	C_READ, C_POLL, C_MMAP, C_SPLICE, C_CLOSE,
	NR_CALL_COUNTERS,
	C_REBUILD = NR_CALL_COUNTERS, C_IOC_OK, C_ANOMALY,
	NR_COUNTERS
};

static const char *const counter_names[NR_COUNTERS] = {
	[C_IOC_ROOT] = "ioctl root (0x40-0x4f)",
	[C_IOC_SESSION] = "ioctl session (0x50-0x5f, 0xa0-0xa2)",
	[C_IOC_CHANNEL] = "ioctl channel (0x60-0x7f)",
	[C_IOC_ENABLE] = "ioctl enable/disable (0x80-0x83)",
	[C_IOC_EVENT] = "ioctl event (0x90-0x91)",
	[C_IOC_STREAM] = "ioctl ring buffer (0x00-0x2f)",
	[C_IOC_DT] = "ioctl dt (0xd0-0xdf)",
	[C_IOC_OTHER] = "ioctl other numbers",
	[C_IOC_RANDOM] = "ioctl random numbers",
	[C_READ] = "read",
	[C_POLL] = "poll",
	[C_MMAP] = "mmap/munmap/touch",
	[C_SPLICE] = "splice",
	[C_CLOSE] = "close",
	[C_REBUILD] = "rebuild",
	[C_IOC_OK] = "ioctls that succeeded",
	[C_ANOMALY] = "anomalies",
};

static unsigned long counters[NR_COUNTERS];
static unsigned long total_calls;
static unsigned long errno_counts[256];
static unsigned long max_calls;
static volatile int stop_now;
static bool trace;
static bool quiet_probes;

/* The object graph: every tracer file descriptor the fuzzer holds. */
enum kind {
	K_FREE, K_ROOT, K_SESSION, K_CHANNEL, K_METACHAN, K_STREAM,
	K_METASTREAM, K_EVENT, K_LIST, NR_KINDS
};
#define M(k)		(1U << (k))
#define M_ANY		(M(K_ROOT) | M(K_SESSION) | M(K_CHANNEL) | M(K_METACHAN) | \
			 M(K_STREAM) | M(K_METASTREAM) | M(K_EVENT) | M(K_LIST))
#define M_STREAMS	(M(K_STREAM) | M(K_METASTREAM))

static const char *const kind_names[NR_KINDS] = {
	"free", "root", "session", "channel", "metadata-channel", "stream",
	"metadata-stream", "event", "list",
};

struct obj {
	int fd;
	enum kind kind;
	int users;		/* threads using fd now */
	bool dead;		/* closed: fd is /dev/null until the last user goes */
	int events;		/* channels: EVENTs sent; sessions: CHANNELs sent */
};

static struct obj objs[NR_OBJS];
static pthread_mutex_t objs_lock = PTHREAD_MUTEX_INITIALIZER;
static int null_fd;

/* Things shared by all threads, set up before they start. */
static int memfd = -1;			/* uprobe target: NOPs, never run */
static char *guard;			/* RW page, then PROT_NONE page */
static char *ro_page;			/* PROT_READ page */
static pid_t tids[MAX_THREADS + 1];
static unsigned int nr_threads = 3;
static unsigned long kprobe_addr;	/* do_sys_openat2 in /proc/kallsyms */

struct thr {
	unsigned int id;
	uint64_t rng;
	char *scratch;
	char *readbuf;
	int pipe[2];
	struct { char *addr; size_t len; } maps[MAX_MAPS];
	char desc[160];		/* the current call (--trace prints it) */
};

static __thread sigjmp_buf touch_env;
static __thread volatile int touching;

/* --- random numbers (splitmix64, one state per thread) ------------------ */

static uint64_t rnd(struct thr *t)
{
	uint64_t z = (t->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t below(struct thr *t, uint64_t n)
{
	return n ? rnd(t) % n : 0;
}

static bool chance(struct thr *t, unsigned int percent)
{
	return below(t, 100) < percent;
}

#define PICK(t, a)	((a)[below((t), ARRAY_SIZE(a))])

/* Interesting 64-bit values, for sizes, ids and offsets. */
static uint64_t special64(struct thr *t)
{
	static const uint64_t v[] = {
		0, 1, 2, 3, 7, 8, 4095, 4096, 4097, 65536, 1ULL << 20,
		1ULL << 31, 1ULL << 32, (1ULL << 32) - 1, 1ULL << 40,
		1ULL << 62, 1ULL << 63, (1ULL << 63) + 4096, (1ULL << 63) - 1,
		UINT64_MAX, UINT64_MAX - 4095, 0x8000000000000000ULL >> 1,
		INT32_MAX, (uint64_t)INT32_MIN, (uint64_t)-1 << 12,
	};

	return chance(t, 80) ? PICK(t, v) : rnd(t) >> below(t, 64);
}

/*
 * A value the kernel may take for a pointer: never one into the fuzzer's
 * own memory (it would write there), so user addresses above the
 * unmappable first 64 KiB become bad pointers.
 */
static unsigned long bad_ptr(struct thr *t, size_t len);
static unsigned long safe_value(struct thr *t, uint64_t v)
{
	if (v >= 0x10000 && v < 0x800000000000ULL)
		return bad_ptr(t, 8);
	return v;
}

/* --- counting and tracing ----------------------------------------------- */

static void count(enum counter c)
{
	__atomic_add_fetch(&counters[c], 1, __ATOMIC_RELAXED);
	if (c < NR_CALL_COUNTERS &&
	    __atomic_add_fetch(&total_calls, 1, __ATOMIC_RELAXED) >= max_calls)
		stop_now = 1;
}

static void count_errno(int e)
{
	__atomic_add_fetch(&errno_counts[e > 0 && e < 255 ? e : 255], 1,
			   __ATOMIC_RELAXED);
}

static void tracef(struct thr *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void tracef(struct thr *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->desc, sizeof(t->desc), fmt, ap);
	va_end(ap);
	if (trace)
		fprintf(stderr, "T%u %s\n", t->id, t->desc);
}

/* --- the object table --------------------------------------------------- */

/* Take a live object of one of the kinds in mask; -1 if there is none. */
static int grab(struct thr *t, unsigned int mask)
{
	int cand[NR_OBJS], n = 0, i;

	pthread_mutex_lock(&objs_lock);
	for (i = 0; i < NR_OBJS; i++)
		if (objs[i].kind != K_FREE && !objs[i].dead &&
		    (mask & M(objs[i].kind)))
			cand[n++] = i;
	i = n ? cand[below(t, n)] : -1;
	if (i >= 0)
		objs[i].users++;
	pthread_mutex_unlock(&objs_lock);
	return i;
}

/* Done with an object; the last user of a closed one frees its number. */
static void put(int slot)
{
	int fd = -1;

	pthread_mutex_lock(&objs_lock);
	if (--objs[slot].users == 0 && objs[slot].dead) {
		fd = objs[slot].fd;
		objs[slot].kind = K_FREE;
	}
	pthread_mutex_unlock(&objs_lock);
	if (fd >= 0)
		close(fd);
}

/*
 * Close a grabbed object. If other threads use it now, its number becomes
 * /dev/null (dup2 drops the tracer file under their calls, and the number
 * cannot be reused by a new file meanwhile); the last user closes it.
 */
static void kill_obj(struct thr *t, int slot)
{
	bool others;

	pthread_mutex_lock(&objs_lock);
	if (objs[slot].dead) {
		pthread_mutex_unlock(&objs_lock);
		put(slot);
		return;
	}
	objs[slot].dead = true;
	others = objs[slot].users > 1;
	pthread_mutex_unlock(&objs_lock);
	tracef(t, "close %s fd %d%s", kind_names[objs[slot].kind], objs[slot].fd,
	       others ? " (in use: dup2 /dev/null)" : "");
	count(C_CLOSE);
	if (others)
		dup2(null_fd, objs[slot].fd);
	put(slot);
}

static int live_count(unsigned int mask)
{
	int i, n = 0;

	pthread_mutex_lock(&objs_lock);
	for (i = 0; i < NR_OBJS; i++)
		if (objs[i].kind != K_FREE && !objs[i].dead && (mask & M(objs[i].kind)))
			n++;
	pthread_mutex_unlock(&objs_lock);
	return n;
}

static int free_slots(void)
{
	int i, n = 0;

	pthread_mutex_lock(&objs_lock);
	for (i = 0; i < NR_OBJS; i++)
		n += objs[i].kind == K_FREE;
	pthread_mutex_unlock(&objs_lock);
	return n;
}

/* The kind of a tracer file, from its anonymous inode's name. */
static enum kind kind_of_fd(int fd)
{
	static const struct { const char *name; enum kind kind; } names[] = {
		{ "anon_inode:[lttng_session]", K_SESSION },
		{ "anon_inode:[lttng_channel]", K_CHANNEL },
		{ "anon_inode:[lttng_metadata_channel]", K_METACHAN },
		{ "anon_inode:[lttng_stream]", K_STREAM },
		{ "anon_inode:[lttng_metadata_stream]", K_METASTREAM },
		{ "anon_inode:[lttng_event]", K_EVENT },
		{ "anon_inode:[lttng_event_list]", K_LIST },
		{ "anon_inode:[lttng_tracker_ids_list]", K_LIST },
	};
	char path[64], link[128];
	ssize_t n;
	size_t i;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return K_FREE;
	link[n] = 0;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(link, names[i].name))
			return names[i].kind;
	if (!strcmp(link, "/proc/lttng"))
		return K_ROOT;
	return K_FREE;
}

/* Put a new descriptor in the table (closed if the table is full). */
static int add_obj(int fd, enum kind kind)
{
	int i;

	pthread_mutex_lock(&objs_lock);
	for (i = 0; i < NR_OBJS; i++)
		if (objs[i].kind == K_FREE)
			break;
	if (i < NR_OBJS) {
		objs[i].fd = fd;
		objs[i].kind = kind;
		objs[i].users = 0;
		objs[i].dead = false;
		objs[i].events = 0;
	}
	pthread_mutex_unlock(&objs_lock);
	if (i == NR_OBJS) {
		close(fd);
		return -1;
	}
	return i;
}

static bool fd_in_table(int fd)
{
	bool found = false;
	int i;

	pthread_mutex_lock(&objs_lock);
	for (i = 0; i < NR_OBJS; i++)
		if (objs[i].kind != K_FREE && objs[i].fd == fd)
			found = true;
	pthread_mutex_unlock(&objs_lock);
	return found;
}

/* --- ioctl with accounting ---------------------------------------------- */

static enum counter family(unsigned long cmd)
{
	unsigned int nr = _IOC_NR(cmd);

	if (_IOC_TYPE(cmd) != LTTNG_ABI_IOC)
		return C_IOC_OTHER;
	if (nr <= 0x2f)
		return C_IOC_STREAM;
	if (nr >= 0x40 && nr <= 0x4f)
		return C_IOC_ROOT;
	if ((nr >= 0x50 && nr <= 0x5f) || (nr >= 0xa0 && nr <= 0xa2))
		return C_IOC_SESSION;
	if (nr >= 0x60 && nr <= 0x7f)
		return C_IOC_CHANNEL;
	if (nr >= 0x80 && nr <= 0x83)
		return C_IOC_ENABLE;
	if (nr == 0x90 || nr == 0x91)
		return C_IOC_EVENT;
	if (nr >= 0xd0 && nr <= 0xdf)
		return C_IOC_DT;
	return C_IOC_OTHER;
}

/* The commands whose positive result is a new file. */
static bool creates_fd(unsigned long cmd)
{
	switch (cmd) {
	case LTTNG_ABI_SESSION:
	case LTTNG_ABI_TRACEPOINT_LIST:
	case LTTNG_ABI_SYSCALL_LIST:
	case LTTNG_ABI_EVENT_NOTIFIER_GROUP_CREATE:
	case LTTNG_ABI_METADATA:
	case LTTNG_ABI_CHANNEL:
	case LTTNG_ABI_STREAM:
	case LTTNG_ABI_EVENT:
	case LTTNG_ABI_SESSION_LIST_TRACKER_PIDS:
	case LTTNG_ABI_SESSION_LIST_TRACKER_IDS:
	/* lttng-modules' old numbers of the same commands */
	case 0x0000F640: case 0x0000F642: case 0x4148F650: case 0x4148F651:
	case 0x0000F660: case 0x4238F661:
	case 0x8008F6A0:	/* old LIST_TRACKER_IDS */
		return true;
	}
	return false;
}

/*
 * ioctl(fd, cmd, arg), counted by command family (or as random), its
 * errno counted; a new file it returns goes into the table. Returns the
 * result and, through *slot_out if given, the new object's slot.
 */
static long xioctl(struct thr *t, int fd, unsigned long cmd, unsigned long arg,
		   bool random_cmd, int *slot_out)
{
	long ret;
	int e, slot = -1;

	tracef(t, "ioctl fd %d cmd 0x%08lx arg 0x%lx", fd, cmd, arg);
	count(random_cmd ? C_IOC_RANDOM : family(cmd));
	ret = ioctl(fd, cmd, arg);
	e = ret < 0 ? errno : 0;
	if (ret < 0) {
		count_errno(e);
	} else {
		count(C_IOC_OK);
	}
	if (ret > 0) {
		enum kind k = kind_of_fd((int)ret);

		if (ret > INT_MAX || k == K_FREE || !creates_fd(cmd) ||
		    fd_in_table((int)ret)) {
			count(C_ANOMALY);
			fprintf(stderr, "anomaly: T%u ioctl(fd %d [%s], 0x%08lx, 0x%lx) returned %ld\n",
				t->id, fd, kind_names[kind_of_fd(fd)], cmd, arg, ret);
		} else {
			slot = add_obj((int)ret, k);
		}
	}
	if (trace)
		fprintf(stderr, "T%u   -> %ld%s%s\n", t->id, ret, e ? " " : "",
			e ? strerror(e) : "");
	if (slot_out)
		*slot_out = slot;
	errno = e;
	return ret;
}

/* --- arguments ---------------------------------------------------------- */

/* A pointer the kernel cannot use, or only in part. */
static unsigned long bad_ptr(struct thr *t, size_t len)
{
	switch (below(t, 9)) {
	case 0: return 0;
	case 1: return 1 + below(t, 4095);
	case 2: return (unsigned long)guard + PAGE + below(t, PAGE);	/* PROT_NONE */
	case 3:	/* starts in the guard's RW page, runs into its PROT_NONE page */
		return (unsigned long)guard + PAGE - 1 - below(t, len && len < PAGE ? len : PAGE - 1);
	case 4: return (unsigned long)ro_page + below(t, 64);	/* read-only */
	case 5: return 0xffff888000000000UL + (below(t, 1 << 20) << 12);
	case 6: return 0xffffffff81000000UL + below(t, 1 << 24);
	case 7: return 0x8000000000000000UL + below(t, 1 << 20);
	default: return 0x00007ffffffff000UL + below(t, PAGE);
	}
}

/*
 * Where a structure of len bytes goes: mostly the scratch buffer (already
 * filled by the caller), or a bad pointer; for structures the caller
 * built in scratch, a bad pointer still sees a copy at the guard's edge.
 */
static unsigned long arg_ptr(struct thr *t, size_t len, unsigned int bad_percent)
{
	unsigned long p;

	if (!chance(t, bad_percent))
		return (unsigned long)t->scratch;
	p = bad_ptr(t, len);
	if (p >= (unsigned long)guard && p < (unsigned long)guard + PAGE) {
		size_t room = (unsigned long)guard + PAGE - p;

		memcpy((void *)p, t->scratch, room < len ? room : len);
	}
	return p;
}

static void fill_random(struct thr *t, void *p, size_t len)
{
	unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		b[i] = (unsigned char)rnd(t);
}

/* Mutate a built structure: a few flipped bits, bytes or special words. */
static void mutate(struct thr *t, void *p, size_t len)
{
	unsigned char *b = p;
	unsigned int n = 1 + below(t, 4);

	while (n--) {
		size_t at = below(t, len);

		switch (below(t, 4)) {
		case 0:
			b[at] ^= 1 << below(t, 8);
			break;
		case 1:
			b[at] = (unsigned char)rnd(t);
			break;
		case 2:
			if (at + 8 <= len) {
				uint64_t v = special64(t);

				memcpy(b + at, &v, 8);
			}
			break;
		default:
			memset(b + at, chance(t, 50) ? 0xff : 'A', len - at);
			break;
		}
	}
}

/* A name: known to exist, a glob, or junk; sometimes unterminated. */
static void put_name(struct thr *t, char *dst, size_t len, const char *const *names,
		     size_t nr)
{
	memset(dst, 0, len);
	switch (below(t, 10)) {
	case 0:
		memset(dst, 'a' + below(t, 26), len);	/* no NUL */
		break;
	case 1:
		fill_random(t, dst, below(t, len));
		break;
	case 2:
		break;					/* empty */
	default:
		snprintf(dst, len, "%s", names[below(t, nr)]);
		break;
	}
}

static const char *const tracepoints[] = {
	"sched_switch", "sched_wakeup", "sched_waking", "sched_process_fork",
	"sched_process_exit", "sched_*", "irq_*", "irq_handler_entry",
	"softirq_entry", "timer_*", "hrtimer_expire_entry", "signal_*",
	"lttng_dt_flag", "lttng_dt_*", "lttng_test_filter_event", "*",
	"no_such_event", "sched_switch*", "**", "s*", "lttng_statedump_*",
};
static const char *const syscalls[] = {
	"openat", "read", "close", "getpid", "ioctl", "poll", "splice",
	"mmap", "munmap", "*", "no_such_syscall", "open*", "unknown",
};
static const char *const quiet_kprobe_syms[] = {
	"lttng_calibrate_kretprobe", "no_such_symbol_fz",
};
static const char *const kprobe_syms[] = {
	"do_sys_openat2", "vfs_read", "ksys_read", "__x64_sys_getpid",
	"lttng_calibrate_kretprobe", "__x64_sys_ioctl", "do_nanosleep",
	"no_such_symbol_fz",
};
static const char *const session_names[] = {
	"fz0", "fz1", "fz2", "fz3", "fz4", "fz5", "fz6", "fz7", "auto", "x",
};

/* lttng_abi_channel: mostly sane, or with sizes up to 2^63. */
static void build_channel(struct thr *t, struct lttng_abi_channel *c, bool metadata,
			  bool sane)
{
	memset(c, 0, sizeof(*c));
	c->subbuf_size = PAGE << below(t, metadata ? 3 : 4);
	c->num_subbuf = 2ULL << below(t, 3);
	c->switch_timer_interval = chance(t, 70) ? 0 : 1000 + below(t, 100000);
	c->read_timer_interval = chance(t, 50) ? 0 : 1000 + below(t, 200000);
	c->output = metadata ? LTTNG_ABI_OUTPUT_MMAP : below(t, 2);
	c->overwrite = metadata ? 0 : below(t, 2);
	if (sane)
		return;
	switch (below(t, 6)) {
	case 0:
		c->subbuf_size = special64(t);
		break;
	case 1:
		c->num_subbuf = special64(t);
		break;
	case 2:
		c->subbuf_size = 1ULL << below(t, 64);
		c->num_subbuf = 1ULL << below(t, 64);
		break;
	case 3:
		c->output = (uint32_t)special64(t);
		c->overwrite = (int32_t)special64(t);
		break;
	case 4:
		c->switch_timer_interval = (uint32_t)special64(t);
		c->read_timer_interval = (uint32_t)special64(t);
		break;
	default:
		mutate(t, c, sizeof(*c));
		break;
	}
	/*
	 * Sizes the tracer may accept but that would exhaust the VM's memory
	 * (the OOM killer is not what is tested): more than 2 MiB per CPU
	 * but less than 2^40 bytes becomes the sane size again. Beyond 2^40
	 * the allocation must fail cleanly.
	 */
	{
		unsigned __int128 total = (unsigned __int128)c->subbuf_size * c->num_subbuf;

		if (total > (2U << 20) && total < ((unsigned __int128)1 << 40)) {
			c->subbuf_size = PAGE;
			c->num_subbuf = 4;
		}
	}
}

/* lttng_abi_event of one kind; mutated unless sane. */
static void build_event(struct thr *t, struct lttng_abi_event *ev, uint32_t kind,
			bool sane)
{
	memset(ev, 0, sizeof(*ev));
	ev->instrumentation = kind;
	switch (kind) {
	case LTTNG_ABI_TRACEPOINT:
		if (sane)
			snprintf(ev->name, sizeof(ev->name), "%s", PICK(t, tracepoints));
		else
			put_name(t, ev->name, sizeof(ev->name), tracepoints,
				 ARRAY_SIZE(tracepoints));
		break;
	case LTTNG_ABI_SYSCALL:
		if (sane)
			snprintf(ev->name, sizeof(ev->name), "%s", PICK(t, syscalls));
		else
			put_name(t, ev->name, sizeof(ev->name), syscalls,
				 ARRAY_SIZE(syscalls));
		ev->u.syscall.entryexit = below(t, 3);
		break;
	case LTTNG_ABI_KPROBE:
	case LTTNG_ABI_KRETPROBE:
		/* Event names must be unique per channel: mostly fresh ones. */
		snprintf(ev->name, sizeof(ev->name), "fz_%s_%" PRIu64,
			 kind == LTTNG_ABI_KPROBE ? "kp" : "krp", below(t, 64));
		if (kprobe_addr && chance(t, 15))
			ev->u.kprobe.addr = kprobe_addr;
		else if (quiet_probes)
			snprintf(ev->u.kprobe.symbol_name, LTTNG_ABI_SYM_NAME_LEN,
				 "%s", PICK(t, quiet_kprobe_syms));
		else
			snprintf(ev->u.kprobe.symbol_name, LTTNG_ABI_SYM_NAME_LEN,
				 "%s", PICK(t, kprobe_syms));
		break;
	case LTTNG_ABI_UPROBE:
		snprintf(ev->name, sizeof(ev->name), "fz_up_%" PRIu64, below(t, 64));
		ev->u.uprobe.fd = memfd;
		break;
	default:
		snprintf(ev->name, sizeof(ev->name), "fz_other_%" PRIu64, below(t, 64));
		break;
	}
	if (sane)
		return;
	switch (below(t, 8)) {
	case 0:
		ev->instrumentation = chance(t, 50) ? below(t, 8) : (uint32_t)rnd(t);
		break;
	case 1:
		ev->token = rnd(t);
		fill_random(t, ev->padding, sizeof(ev->padding));
		break;
	case 2:
		ev->u.syscall.entryexit = (uint8_t)rnd(t);
		ev->u.syscall.abi = below(t, 4);
		ev->u.syscall.match = below(t, 3);
		ev->u.syscall.nr = (uint32_t)special64(t);
		break;
	case 3:	/* kprobe/kretprobe location */
		ev->u.kprobe.offset = chance(t, 50) ? below(t, 32) : special64(t);
		if (kprobe_addr && chance(t, 30))
			ev->u.kprobe.addr = kprobe_addr + below(t, 64);
		if (chance(t, 20))
			ev->u.kprobe.addr = special64(t);
		if (chance(t, 20))
			memset(ev->u.kprobe.symbol_name, 'k', LTTNG_ABI_SYM_NAME_LEN);
		ev->u.kretprobe.entryexit = chance(t, 50) ? 0 : (uint8_t)rnd(t);
		break;
	case 4: {	/* uprobe on descriptors that are no binary, or none */
		static const int fds[] = { -1, 0, 999999, INT_MIN };

		switch (below(t, 4)) {
		case 0: ev->u.uprobe.fd = PICK(t, fds); break;
		case 1: ev->u.uprobe.fd = null_fd; break;
		case 2: ev->u.uprobe.fd = t->pipe[0]; break;
		default: ev->u.uprobe.fd = (int32_t)below(t, 256); break;
		}
		break;
	}
	case 5:
		memset(ev->name, 'e', sizeof(ev->name));
		break;
	default:
		mutate(t, ev, sizeof(*ev));
		break;
	}
}

static void build_context(struct thr *t, struct lttng_abi_context *c, bool sane)
{
	memset(c, 0, sizeof(*c));
	c->ctx = sane ? below(t, 38) : (chance(t, 50) ? below(t, 64) : (uint32_t)rnd(t));
	if (c->ctx == 1 || !sane) {
		c->u.perf_counter.type = below(t, 6);
		c->u.perf_counter.config = below(t, 16);
		snprintf(c->u.perf_counter.name, sizeof(c->u.perf_counter.name),
			 "perf_fz_%u", (unsigned int)below(t, 8));
	}
	if (!sane)
		mutate(t, c, sizeof(*c));
}

/* --- operations on the graph --------------------------------------------- */

static long on_slot(struct thr *t, int slot, unsigned long cmd, unsigned long arg,
		    int *new_slot)
{
	return xioctl(t, objs[slot].fd, cmd, arg, false, new_slot);
}

/* EVENT on a channel, then usually ENABLE; uprobes get call sites. */
static void make_event(struct thr *t, int chan, uint32_t kind, bool sane)
{
	struct lttng_abi_event *ev = (void *)t->scratch;
	int ev_slot;
	long ret;

	build_event(t, ev, kind, sane);
	ret = on_slot(t, chan, LTTNG_ABI_EVENT,
		      sane ? (unsigned long)ev : arg_ptr(t, sizeof(*ev), 10), &ev_slot);
	__atomic_add_fetch(&objs[chan].events, 1, __ATOMIC_RELAXED);
	if (ret <= 0 || ev_slot < 0)
		return;
	pthread_mutex_lock(&objs_lock);
	objs[ev_slot].users++;
	pthread_mutex_unlock(&objs_lock);
	if (kind == LTTNG_ABI_UPROBE) {
		unsigned int n = 1 + below(t, 3);

		while (n--) {
			struct lttng_abi_event_callsite *cs = (void *)t->scratch;

			memset(cs, 0, sizeof(*cs));
			cs->u.uprobe.offset = sane || chance(t, 70) ?
					      below(t, 16 * PAGE) : special64(t);
			on_slot(t, ev_slot, LTTNG_ABI_ADD_CALLSITE,
				arg_ptr(t, sizeof(*cs), sane ? 0 : 10), NULL);
		}
	}
	if (sane || chance(t, 80))
		on_slot(t, ev_slot, LTTNG_ABI_ENABLE, 0, NULL);
	put(ev_slot);
}

/* STREAM on a channel until it fails (sessiond's loop). */
static void open_streams(struct thr *t, int chan)
{
	unsigned int i;

	for (i = 0; i < 64; i++)
		if (on_slot(t, chan, LTTNG_ABI_STREAM, 0, NULL) < 0)
			break;
}

/*
 * A session of the graph: name, creation time, metadata channel and its
 * stream, one or two data channels with their streams, events of every
 * kind, contexts; started or not. Sane arguments throughout.
 */
static bool build_session(struct thr *t, bool all_kinds)
{
	static const uint32_t kinds[] = {
		LTTNG_ABI_TRACEPOINT, LTTNG_ABI_TRACEPOINT, LTTNG_ABI_SYSCALL,
		LTTNG_ABI_KPROBE, LTTNG_ABI_KRETPROBE, LTTNG_ABI_UPROBE,
	};
	struct lttng_abi_channel *attr = (void *)t->scratch;
	int root, sess, chan, meta;
	unsigned int c, nchan, i, nev;
	bool ok = false;

	root = grab(t, M(K_ROOT));
	if (root < 0)
		return false;
	if (on_slot(t, root, LTTNG_ABI_SESSION, 0, &sess) <= 0 || sess < 0) {
		put(root);
		return false;
	}
	put(root);
	pthread_mutex_lock(&objs_lock);
	objs[sess].users++;
	pthread_mutex_unlock(&objs_lock);

	memset(t->scratch, 0, LTTNG_ABI_SESSION_NAME_LEN);
	snprintf(t->scratch, LTTNG_ABI_SESSION_NAME_LEN, "%s", PICK(t, session_names));
	on_slot(t, sess, LTTNG_ABI_SESSION_SET_NAME, (unsigned long)t->scratch, NULL);
	memset(t->scratch, 0, LTTNG_ABI_SESSION_CREATION_TIME_LEN);
	snprintf(t->scratch, LTTNG_ABI_SESSION_CREATION_TIME_LEN, "20260101T%02u0000+0000",
		 (unsigned int)below(t, 24));
	on_slot(t, sess, LTTNG_ABI_SESSION_SET_CREATION_TIME, (unsigned long)t->scratch, NULL);

	nchan = 1 + below(t, 2);
	for (c = 0; c < nchan && live_count(M(K_CHANNEL)) < MAX_CHANNELS; c++) {
		objs[sess].events++;
		build_channel(t, attr, false, true);
		if (c == 1)
			attr->output = !attr->output;
		if (on_slot(t, sess, LTTNG_ABI_CHANNEL, (unsigned long)attr, &chan) <= 0 ||
		    chan < 0)
			continue;
		pthread_mutex_lock(&objs_lock);
		objs[chan].users++;
		pthread_mutex_unlock(&objs_lock);
		for (i = 0; i < 3; i++) {
			struct lttng_abi_context *ctx = (void *)t->scratch;

			build_context(t, ctx, true);
			if (i < 2)
				ctx->ctx = i == 0 ? 0 /* pid */ : 6 /* tid */;
			on_slot(t, chan, LTTNG_ABI_CONTEXT, (unsigned long)ctx, NULL);
		}
		nev = all_kinds ? ARRAY_SIZE(kinds) : 1 + below(t, 3);
		for (i = 0; i < nev; i++)
			make_event(t, chan, all_kinds ? kinds[i] : PICK(t, kinds), true);
		open_streams(t, chan);
		put(chan);
		ok = true;
	}
	build_channel(t, attr, true, true);
	if (on_slot(t, sess, LTTNG_ABI_METADATA, (unsigned long)attr, &meta) > 0 && meta >= 0) {
		pthread_mutex_lock(&objs_lock);
		objs[meta].users++;
		pthread_mutex_unlock(&objs_lock);
		on_slot(t, meta, LTTNG_ABI_STREAM, 0, NULL);
		put(meta);
	}
	if (all_kinds || chance(t, 60))
		on_slot(t, sess, LTTNG_ABI_SESSION_START, 0, NULL);
	put(sess);
	return ok;
}

/* Reopen /proc/lttng when no root descriptor is left. */
static void ensure_root(struct thr *t)
{
	int fd;

	if (live_count(M(K_ROOT)) > 0)
		return;
	tracef(t, "open /proc/lttng");
	fd = open("/proc/lttng", O_RDWR);
	if (fd >= 0)
		add_obj(fd, K_ROOT);
}

/* Rebuild part of the graph: a session, a channel, events or streams. */
static void op_rebuild(struct thr *t)
{
	int s;

	count(C_REBUILD);
	ensure_root(t);
	if (free_slots() < 24) {
		/* Full: make room instead. */
		s = grab(t, M_ANY & ~M(K_ROOT));
		if (s >= 0)
			kill_obj(t, s);
		return;
	}
	switch (below(t, 4)) {
	case 0:
		if (live_count(M(K_SESSION)) < MAX_SESSIONS)
			build_session(t, chance(t, 20));
		break;
	case 1:
		s = grab(t, M(K_SESSION));
		if (s >= 0) {
			struct lttng_abi_channel *attr = (void *)t->scratch;
			int chan;

			build_channel(t, attr, chance(t, 20), true);
			if (live_count(M(K_CHANNEL) | M(K_METACHAN)) < MAX_CHANNELS &&
			    __atomic_add_fetch(&objs[s].events, 1, __ATOMIC_RELAXED) <=
			    MAX_CHANNELS_PER_SESSION &&
			    on_slot(t, s, chance(t, 80) ? LTTNG_ABI_CHANNEL : LTTNG_ABI_METADATA,
				    (unsigned long)attr, &chan) > 0 && chan >= 0) {
				pthread_mutex_lock(&objs_lock);
				objs[chan].users++;
				pthread_mutex_unlock(&objs_lock);
				open_streams(t, chan);
				put(chan);
			}
			put(s);
		}
		break;
	case 2:
		s = grab(t, M(K_CHANNEL));
		if (s >= 0) {
			if (objs[s].events < MAX_EVENTS_PER_CHAN)
				make_event(t, s, below(t, 7), chance(t, 50));
			put(s);
		}
		break;
	default:
		s = grab(t, M(K_CHANNEL) | M(K_METACHAN));
		if (s >= 0) {
			open_streams(t, s);
			put(s);
		}
		break;
	}
}

/* The stream commands, with their argument sizes. */
static const unsigned long stream_cmds[] = {
	LTTNG_ABI_RB_SNAPSHOT, LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED,
	LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED, LTTNG_ABI_RB_GET_SUBBUF,
	LTTNG_ABI_RB_PUT_SUBBUF, LTTNG_ABI_RB_GET_NEXT_SUBBUF,
	LTTNG_ABI_RB_PUT_NEXT_SUBBUF, LTTNG_ABI_RB_GET_SUBBUF_SIZE,
	LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE, LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE,
	LTTNG_ABI_RB_GET_MMAP_LEN, LTTNG_ABI_RB_GET_MMAP_READ_OFFSET,
	LTTNG_ABI_RB_FLUSH, LTTNG_ABI_RB_GET_METADATA_VERSION,
	LTTNG_ABI_RB_SNAPSHOT_SAMPLE_POSITIONS, LTTNG_ABI_RB_FLUSH_EMPTY,
	LTTNG_ABI_RB_METADATA_CACHE_DUMP, LTTNG_ABI_RB_CLEAR,
	LTTNG_ABI_RB_GET_NEXT_SUBBUF_METADATA_CHECK, LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN,
	LTTNG_ABI_RB_GET_TIMESTAMP_END, LTTNG_ABI_RB_GET_EVENTS_DISCARDED,
	LTTNG_ABI_RB_GET_CONTENT_SIZE, LTTNG_ABI_RB_GET_PACKET_SIZE,
	LTTNG_ABI_RB_GET_STREAM_ID, LTTNG_ABI_RB_GET_CURRENT_TIMESTAMP,
	LTTNG_ABI_RB_GET_SEQ_NUM, LTTNG_ABI_RB_INSTANCE_ID,
};

/* Every valid command of the 0xF6 space (but the dt ones). */
static const unsigned long all_cmds[] = {
	LTTNG_ABI_SESSION, LTTNG_ABI_TRACER_VERSION, LTTNG_ABI_TRACEPOINT_LIST,
	LTTNG_ABI_WAIT_QUIESCENT, LTTNG_ABI_CALIBRATE, LTTNG_ABI_SYSCALL_LIST,
	LTTNG_ABI_TRACER_ABI_VERSION, LTTNG_ABI_EVENT_NOTIFIER_GROUP_CREATE,
	LTTNG_ABI_METADATA, LTTNG_ABI_CHANNEL, LTTNG_ABI_SESSION_START,
	LTTNG_ABI_SESSION_STOP, LTTNG_ABI_SESSION_TRACK_PID,
	LTTNG_ABI_SESSION_UNTRACK_PID, LTTNG_ABI_SESSION_LIST_TRACKER_PIDS,
	LTTNG_ABI_SESSION_METADATA_REGEN, LTTNG_ABI_SESSION_STATEDUMP,
	LTTNG_ABI_SESSION_SET_NAME, LTTNG_ABI_SESSION_SET_CREATION_TIME,
	LTTNG_ABI_SESSION_LIST_TRACKER_IDS, LTTNG_ABI_SESSION_TRACK_ID,
	LTTNG_ABI_SESSION_UNTRACK_ID, LTTNG_ABI_STREAM, LTTNG_ABI_EVENT,
	LTTNG_ABI_SYSCALL_MASK, LTTNG_ABI_CONTEXT, LTTNG_ABI_ENABLE,
	LTTNG_ABI_DISABLE, LTTNG_ABI_FILTER, LTTNG_ABI_ADD_CALLSITE,
};

/*
 * The argument of cmd, built in scratch: a sane or mutated structure of
 * the type the command takes, or random bytes; sometimes a bad pointer
 * instead. Commands that take a value get a value.
 */
static unsigned long build_arg(struct thr *t, unsigned long cmd, bool sane)
{
	size_t len = _IOC_SIZE(cmd);

	fill_random(t, t->scratch, 1024);
	switch (cmd) {
	case LTTNG_ABI_SESSION_TRACK_PID:
	case LTTNG_ABI_SESSION_UNTRACK_PID:
		return chance(t, 50) ? (unsigned long)(long)(int)below(t, 4) - 1 : special64(t);
	case LTTNG_ABI_CALIBRATE:
		*(uint32_t *)t->scratch = sane ? 0 : (uint32_t)special64(t);
		break;
	case LTTNG_ABI_METADATA:
	case LTTNG_ABI_CHANNEL:
		build_channel(t, (void *)t->scratch, cmd == LTTNG_ABI_METADATA, sane);
		break;
	case LTTNG_ABI_EVENT:
		build_event(t, (void *)t->scratch, below(t, 7), sane);
		break;
	case LTTNG_ABI_CONTEXT:
		build_context(t, (void *)t->scratch, sane);
		break;
	case LTTNG_ABI_SESSION_SET_NAME:
		put_name(t, t->scratch, LTTNG_ABI_SESSION_NAME_LEN, session_names,
			 ARRAY_SIZE(session_names));
		break;
	case LTTNG_ABI_SESSION_SET_CREATION_TIME:
		snprintf(t->scratch, LTTNG_ABI_SESSION_CREATION_TIME_LEN, "20260102T030405+0100");
		if (!sane)
			mutate(t, t->scratch, LTTNG_ABI_SESSION_CREATION_TIME_LEN);
		break;
	case LTTNG_ABI_SESSION_LIST_TRACKER_IDS:
	case LTTNG_ABI_SESSION_TRACK_ID:
	case LTTNG_ABI_SESSION_UNTRACK_ID: {
		struct lttng_abi_tracker_args *a = (void *)t->scratch;

		a->type = below(t, 7) - 1;
		a->id = chance(t, 50) ? getpid() : (int32_t)special64(t);
		break;
	}
	case LTTNG_ABI_SYSCALL_MASK: {
		struct lttng_abi_syscall_mask *m = (void *)t->scratch;

		/* The table has about 450 entries; scratch holds 500K bits. */
		m->len = chance(t, 50) ? below(t, 1024) : (uint32_t)special64(t);
		if (m->len > (SCRATCH_LEN - 4) * 8 && chance(t, 50))
			m->len = (SCRATCH_LEN - 4) * 8;
		break;
	}
	case LTTNG_ABI_FILTER: {
		uint32_t *h = (void *)t->scratch;

		h[0] = chance(t, 50) ? below(t, 512) : (uint32_t)special64(t);
		h[1] = below(t, 64);
		break;
	}
	case LTTNG_ABI_ADD_CALLSITE:
		*(uint64_t *)t->scratch = chance(t, 50) ? below(t, 16 * PAGE) : special64(t);
		break;
	case LTTNG_ABI_RB_GET_SUBBUF:
		*(unsigned long *)t->scratch = chance(t, 50) ? below(t, 64) * PAGE : special64(t);
		break;
	default:
		if (!len && chance(t, 50))
			return chance(t, 50) ? 0 : safe_value(t, special64(t));
		break;
	}
	if (len < 8)
		len = 8;
	return arg_ptr(t, len, sane ? 3 : 20);
}

/* A command meant for kinds of objects, sent to one of them (mostly). */
static void op_ioctl(struct thr *t, bool sane)
{
	static const unsigned long root_cmds[] = {
		LTTNG_ABI_TRACER_VERSION, LTTNG_ABI_TRACER_ABI_VERSION,
		LTTNG_ABI_TRACEPOINT_LIST, LTTNG_ABI_SYSCALL_LIST,
		LTTNG_ABI_WAIT_QUIESCENT, LTTNG_ABI_CALIBRATE, LTTNG_ABI_SESSION,
		LTTNG_ABI_EVENT_NOTIFIER_GROUP_CREATE,
	};
	static const unsigned long session_cmds[] = {
		LTTNG_ABI_CHANNEL, LTTNG_ABI_METADATA, LTTNG_ABI_SESSION_START,
		LTTNG_ABI_SESSION_STOP, LTTNG_ABI_SESSION_START, LTTNG_ABI_SESSION_STOP,
		LTTNG_ABI_ENABLE, LTTNG_ABI_DISABLE, LTTNG_ABI_SESSION_SET_NAME,
		LTTNG_ABI_SESSION_SET_CREATION_TIME, LTTNG_ABI_SESSION_STATEDUMP,
		LTTNG_ABI_SESSION_TRACK_PID, LTTNG_ABI_SESSION_UNTRACK_PID,
		LTTNG_ABI_SESSION_LIST_TRACKER_PIDS, LTTNG_ABI_SESSION_METADATA_REGEN,
		LTTNG_ABI_SESSION_LIST_TRACKER_IDS, LTTNG_ABI_SESSION_TRACK_ID,
		LTTNG_ABI_SESSION_UNTRACK_ID,
	};
	static const unsigned long channel_cmds[] = {
		LTTNG_ABI_STREAM, LTTNG_ABI_EVENT, LTTNG_ABI_CONTEXT,
		LTTNG_ABI_ENABLE, LTTNG_ABI_DISABLE, LTTNG_ABI_SYSCALL_MASK,
	};
	static const unsigned long event_cmds[] = {
		LTTNG_ABI_ENABLE, LTTNG_ABI_DISABLE, LTTNG_ABI_FILTER,
		LTTNG_ABI_CONTEXT, LTTNG_ABI_ADD_CALLSITE,
	};
	unsigned long cmd, arg;
	int slot;

	slot = grab(t, chance(t, 90) ? M_ANY : M(K_ROOT));
	if (slot < 0)
		return;
	if (chance(t, 10)) {
		cmd = PICK(t, all_cmds);	/* meant for another kind */
	} else {
		switch (objs[slot].kind) {
		case K_ROOT: cmd = PICK(t, root_cmds); break;
		case K_SESSION: cmd = PICK(t, session_cmds); break;
		case K_CHANNEL: case K_METACHAN: cmd = PICK(t, channel_cmds); break;
		case K_EVENT: cmd = PICK(t, event_cmds); break;
		case K_STREAM: case K_METASTREAM: cmd = PICK(t, stream_cmds); break;
		default: cmd = PICK(t, all_cmds); break;
		}
	}
	/* Bounded growth: channels and events stay with their session. */
	if (((cmd == LTTNG_ABI_CHANNEL || cmd == LTTNG_ABI_METADATA) &&
	     (live_count(M(K_CHANNEL) | M(K_METACHAN)) >= MAX_CHANNELS ||
	      objs[slot].events >= MAX_CHANNELS_PER_SESSION)) ||
	    (cmd == LTTNG_ABI_SESSION && live_count(M(K_SESSION)) >= MAX_SESSIONS) ||
	    ((cmd == LTTNG_ABI_TRACEPOINT_LIST || cmd == LTTNG_ABI_SYSCALL_LIST ||
	      cmd == LTTNG_ABI_SESSION_LIST_TRACKER_PIDS ||
	      cmd == LTTNG_ABI_SESSION_LIST_TRACKER_IDS) &&
	     live_count(M(K_LIST)) >= MAX_LISTS) ||
	    (cmd == LTTNG_ABI_EVENT && objs[slot].events >= MAX_EVENTS_PER_CHAN))
		cmd = LTTNG_ABI_TRACER_VERSION;
	if (quiet_probes && cmd == LTTNG_ABI_CALIBRATE)
		cmd = LTTNG_ABI_TRACER_VERSION;
	if (cmd == LTTNG_ABI_EVENT || cmd == LTTNG_ABI_CHANNEL || cmd == LTTNG_ABI_METADATA)
		__atomic_add_fetch(&objs[slot].events, 1, __ATOMIC_RELAXED);
	arg = build_arg(t, cmd, sane);
	on_slot(t, slot, cmd, arg, NULL);
	put(slot);
}

/* Random command numbers of the 0xF6 space (and a few outside). */
static void op_random_ioctl(struct thr *t)
{
	static const unsigned int sizes[] = {
		0, 1, 4, 8, 12, 26, 256, 308, 320, 564, 604, 40, 64, 232, 16383,
	};
	unsigned long cmd, arg;
	int slot = grab(t, M_ANY);

	if (slot < 0)
		return;
	switch (below(t, 4)) {
	case 0:	/* a valid number with another direction or size */
		cmd = PICK(t, all_cmds);
		cmd = _IOC(below(t, 4), LTTNG_ABI_IOC, _IOC_NR(cmd),
			   chance(t, 50) ? _IOC_SIZE(cmd) : PICK(t, sizes));
		break;
	case 1:
		cmd = PICK(t, stream_cmds) ^ (1UL << below(t, 32));
		break;
	case 2:
		cmd = _IOC(below(t, 4), LTTNG_ABI_IOC, below(t, 256),
			   chance(t, 60) ? PICK(t, sizes) : below(t, 1 << 14));
		break;
	default:
		cmd = chance(t, 90) ? _IOC(below(t, 4), LTTNG_ABI_IOC, below(t, 256), 0) |
				      (rnd(t) & 0x3fff0000UL)
				    : (uint32_t)rnd(t);
		break;
	}
	/* Those would create objects without bound; the valid path makes them. */
	if (creates_fd(cmd) || cmd == LTTNG_ABI_WAIT_QUIESCENT ||
	    (quiet_probes && cmd == LTTNG_ABI_CALIBRATE))
		cmd = LTTNG_ABI_TRACER_VERSION;
	fill_random(t, t->scratch, 1024);
	/* The lists' user pointers: never into the fuzzer's memory. */
	if (cmd == LTTNG_DT_ABI_LIST_THREADS || cmd == LTTNG_DT_ABI_TRUST_LIST)
		((struct lttng_dt_abi_thread_list *)t->scratch)->threads = bad_ptr(t, 8);
	switch (below(t, 3)) {
	case 0: arg = (unsigned long)t->scratch; break;
	case 1: arg = bad_ptr(t, _IOC_SIZE(cmd)); break;
	default: arg = safe_value(t, special64(t)); break;
	}
	xioctl(t, objs[slot].fd, cmd, arg, true, NULL);
	put(slot);
}

/* The distributed-trace commands on /proc/lttng. */
static void op_dt(struct thr *t)
{
	static const unsigned long cmds[] = {
		LTTNG_DT_ABI_VERSION, LTTNG_DT_ABI_TRACK_PID, LTTNG_DT_ABI_TRACK_TID,
		LTTNG_DT_ABI_UNTRACK_PID, LTTNG_DT_ABI_UNTRACK_TID,
		LTTNG_DT_ABI_UNTRACK_ALL, LTTNG_DT_ABI_LIST_THREADS,
		LTTNG_DT_ABI_GATE_SET, LTTNG_DT_ABI_GATE_GET, LTTNG_DT_ABI_STATS,
		LTTNG_DT_ABI_TRUST_ADD, LTTNG_DT_ABI_TRUST_REMOVE,
		LTTNG_DT_ABI_TRUST_LIST, LTTNG_DT_ABI_TRACK_TID,
		LTTNG_DT_ABI_GATE_SET, LTTNG_DT_ABI_LIST_THREADS,
	};
	unsigned long cmd = PICK(t, cmds), arg;
	bool sane = chance(t, 60);
	size_t len = _IOC_SIZE(cmd);
	int slot = grab(t, chance(t, 95) ? M(K_ROOT) : M_ANY);

	if (slot < 0)
		return;
	memset(t->scratch, 0, 1024);
	switch (cmd) {
	case LTTNG_DT_ABI_TRACK_PID: case LTTNG_DT_ABI_TRACK_TID:
	case LTTNG_DT_ABI_UNTRACK_PID: case LTTNG_DT_ABI_UNTRACK_TID: {
		struct lttng_dt_abi_track *tr = (void *)t->scratch;

		tr->id = chance(t, 70) ? tids[below(t, nr_threads + 1)] :
					 (int32_t)special64(t);
		if (cmd == LTTNG_DT_ABI_TRACK_PID || cmd == LTTNG_DT_ABI_TRACK_TID)
			tr->flags = below(t, 2);
		break;
	}
	case LTTNG_DT_ABI_LIST_THREADS: case LTTNG_DT_ABI_TRUST_LIST: {
		struct lttng_dt_abi_thread_list *l = (void *)t->scratch;
		size_t each = cmd == LTTNG_DT_ABI_LIST_THREADS ?
			      sizeof(struct lttng_dt_abi_thread) :
			      sizeof(struct lttng_dt_abi_trust_net);

		l->count = below(t, (SCRATCH_LEN - 1024) / each);
		l->threads = (uintptr_t)t->scratch + 1024;
		if (!sane) {
			if (chance(t, 50))
				l->threads = bad_ptr(t, l->count * each);
			else
				l->count = (uint32_t)special64(t);
		}
		break;
	}
	case LTTNG_DT_ABI_GATE_SET: case LTTNG_DT_ABI_GATE_GET: {
		struct lttng_dt_abi_gate *g = (void *)t->scratch;

		snprintf(g->session_name, sizeof(g->session_name), "%s",
			 PICK(t, session_names));
		g->gated = below(t, 2);
		break;
	}
	case LTTNG_DT_ABI_TRUST_ADD: case LTTNG_DT_ABI_TRUST_REMOVE: {
		struct lttng_dt_abi_trust_net *n = (void *)t->scratch;

		n->family = chance(t, 50) ? 2 : 10;
		n->prefix = n->family == 2 ? 24 + below(t, 9) : 64 + below(t, 65);
		n->addr[0] = n->family == 2 ? 192 : 0x20;
		n->addr[1] = n->family == 2 ? 0 : 0x01;
		n->addr[2] = n->family == 2 ? 2 : 0x0d;
		n->addr[3] = n->family == 2 ? 0 : 0xb8;
		if (n->prefix < (n->family == 2 ? 32 : 128))
			n->prefix = n->family == 2 ? 24 : 64;	/* no host bits */
		break;
	}
	}
	if (!sane) {
		struct lttng_dt_abi_thread_list *l = (void *)t->scratch;
		uint64_t want = l->threads;

		mutate(t, t->scratch, len);
		/* A mutated list pointer must not point into our memory. */
		if ((cmd == LTTNG_DT_ABI_LIST_THREADS || cmd == LTTNG_DT_ABI_TRUST_LIST) &&
		    l->threads != want)
			l->threads = bad_ptr(t, 8);
	}
	arg = arg_ptr(t, len ? len : 8, sane ? 2 : 20);
	on_slot(t, slot, cmd, arg, NULL);
	put(slot);
}

/*
 * A SIGBUS or SIGSEGV while touching a mapping ends the touch. Anywhere
 * else it is a crash of the fuzzer, or memory the kernel wrote where it
 * should not have: say where, and after which call, then die of it.
 */
static struct thr *all_threads;		/* for the crash report */

/* Write a formatted line to standard error without stdio's locks. */
static void crash_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void crash_line(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0 && write(2, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1) < 0)
		return;
}

static void sig_touch(int sig, siginfo_t *si, void *ucv)
{
	const ucontext_t *uc = ucv;
	pid_t tid = (pid_t)syscall(SYS_gettid);
	char maps[4096];
	unsigned int i;
	ssize_t n;
	int fd;

	if (touching)
		siglongjmp(touch_env, 1);
	signal(sig, SIG_DFL);
	crash_line("crash: signal %d code %d at address %p, ip 0x%llx sp 0x%llx, tid %d\n",
		   sig, si->si_code, si->si_addr,
		   (unsigned long long)uc->uc_mcontext.gregs[REG_RIP],
		   (unsigned long long)uc->uc_mcontext.gregs[REG_RSP], tid);
	for (i = 0; all_threads && i <= nr_threads; i++)
		crash_line("crash: T%u (tid %d%s) last call: %.160s\n", i, tids[i + 1 > nr_threads ? 0 : i + 1],
			   tids[i + 1 > nr_threads ? 0 : i + 1] == tid ? ", this one" : "",
			   all_threads[i].desc);
	fd = open("/proc/self/maps", O_RDONLY);
	while (fd >= 0 && (n = read(fd, maps, sizeof(maps))) > 0)
		if (write(2, maps, n) < 0)
			break;
	raise(sig);
}

static void touch_map(struct thr *t, const char *addr, size_t len)
{
	volatile char sink = 0;
	unsigned int n = 1 + below(t, 8);

	count(C_MMAP);
	if (sigsetjmp(touch_env, 1)) {
		touching = 0;
		return;
	}
	touching = 1;
	while (n--)
		sink += addr[below(t, len)];
	touching = 0;
	(void)sink;
}

static void unmap(struct thr *t, int i)
{
	count(C_MMAP);
	tracef(t, "munmap %p %zu", (void *)t->maps[i].addr, t->maps[i].len);
	munmap(t->maps[i].addr, t->maps[i].len);
	t->maps[i].addr = NULL;
}

/* mmap a stream (whole buffer, or wrong lengths, offsets, protections). */
static void op_mmap(struct thr *t)
{
	unsigned long len = 0;
	int slot, i, prot = PROT_READ, flags = MAP_SHARED;
	off_t off = 0;
	void *p;

	for (i = 0; i < MAX_MAPS; i++)
		if (t->maps[i].addr && chance(t, 30)) {
			if (chance(t, 50))
				touch_map(t, t->maps[i].addr, t->maps[i].len);
			else
				unmap(t, i);
		}
	for (i = 0; i < MAX_MAPS && t->maps[i].addr; i++)
		;
	if (i == MAX_MAPS)
		unmap(t, i = below(t, MAX_MAPS));
	slot = grab(t, chance(t, 90) ? M_STREAMS : M_ANY);
	if (slot < 0)
		return;
	if (on_slot(t, slot, LTTNG_ABI_RB_GET_MMAP_LEN, (unsigned long)&len, NULL) || !len)
		len = PAGE << below(t, 6);
	if (chance(t, 25)) {
		switch (below(t, 5)) {
		case 0: len += PAGE * (below(t, 3) + 1); break;
		case 1: len = len > PAGE ? len - PAGE : PAGE; break;
		case 2: off = PAGE * (1 + below(t, 4)); break;
		case 3: prot |= chance(t, 50) ? PROT_WRITE : PROT_EXEC; break;
		default: flags = MAP_PRIVATE; prot |= chance(t, 50) ? PROT_WRITE : 0; break;
		}
	} else if (chance(t, 30)) {
		flags = MAP_PRIVATE;	/* as lttng-consumerd maps */
	}
	count(C_MMAP);
	tracef(t, "mmap fd %d len %lu prot %d flags %d off %ld", objs[slot].fd, len,
	       prot, flags, (long)off);
	p = mmap(NULL, len, prot, flags, objs[slot].fd, off);
	if (p != MAP_FAILED) {
		t->maps[i].addr = p;
		t->maps[i].len = len;
		touch_map(t, p, len);
		if (chance(t, 20)) {	/* protections it must refuse */
			count(C_MMAP);
			mprotect(p, len, PROT_READ | PROT_WRITE);
			count(C_MMAP);
			if (mremap(p, len, len + PAGE, 0) != MAP_FAILED)
				t->maps[i].len = len + PAGE;
		}
	} else {
		count_errno(errno);
	}
	put(slot);
}

static void drain_pipe(struct thr *t)
{
	while (read(t->pipe[0], t->readbuf, READ_LEN) > 0)
		;
}

static void op_read(struct thr *t, int slot)
{
	size_t len = chance(t, 50) ? PAGE << below(t, 8) : below(t, 70000);
	unsigned long buf = (unsigned long)t->readbuf;
	ssize_t n;

	if (len > READ_LEN)
		len = READ_LEN;
	if (chance(t, 10)) {
		buf = bad_ptr(t, len);
		if (chance(t, 50))
			len = special64(t);
	}
	count(C_READ);
	tracef(t, "read fd %d buf 0x%lx len %zu", objs[slot].fd, buf, len);
	if (chance(t, 30))
		n = pread(objs[slot].fd, (void *)buf, len,
			  chance(t, 50) ? (off_t)below(t, 2 * PAGE) : (off_t)special64(t));
	else
		n = read(objs[slot].fd, (void *)buf, len);
	if (n < 0)
		count_errno(errno);
}

static void op_splice(struct thr *t, int slot)
{
	size_t len = chance(t, 70) ? PAGE << below(t, 6) : special64(t);
	loff_t off = chance(t, 50) ? (loff_t)(below(t, 4) * PAGE) : (loff_t)special64(t);
	unsigned int flags = SPLICE_F_NONBLOCK | (chance(t, 20) ? SPLICE_F_MOVE : 0);
	ssize_t n;

	count(C_SPLICE);
	tracef(t, "splice fd %d off %lld len %zu", objs[slot].fd, (long long)off, len);
	n = splice(objs[slot].fd, chance(t, 60) ? &off : NULL, t->pipe[1], NULL, len, flags);
	if (n < 0)
		count_errno(errno);
	drain_pipe(t);
}

/*
 * What lttng-consumerd does with a stream: take the next packet, read its
 * sizes and header fields, copy it (splice, read or mmap), give it back
 * (mostly; sometimes the packet stays held, for close and other threads).
 */
static void op_consume(struct thr *t)
{
	static const unsigned long info[] = {
		LTTNG_ABI_RB_GET_SUBBUF_SIZE, LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE,
		LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN, LTTNG_ABI_RB_GET_TIMESTAMP_END,
		LTTNG_ABI_RB_GET_EVENTS_DISCARDED, LTTNG_ABI_RB_GET_CONTENT_SIZE,
		LTTNG_ABI_RB_GET_PACKET_SIZE, LTTNG_ABI_RB_GET_SEQ_NUM,
		LTTNG_ABI_RB_GET_MMAP_READ_OFFSET,
	};
	unsigned long v[4];
	int slot = grab(t, M_STREAMS);
	unsigned int i;

	if (slot < 0)
		return;
	on_slot(t, slot, LTTNG_ABI_RB_SNAPSHOT_SAMPLE_POSITIONS, 0, NULL);
	if (chance(t, 30))
		on_slot(t, slot, chance(t, 50) ? LTTNG_ABI_RB_FLUSH : LTTNG_ABI_RB_FLUSH_EMPTY,
			0, NULL);
	if (on_slot(t, slot, objs[slot].kind == K_METASTREAM && chance(t, 50) ?
			     LTTNG_ABI_RB_GET_NEXT_SUBBUF_METADATA_CHECK :
			     LTTNG_ABI_RB_GET_NEXT_SUBBUF,
		    (unsigned long)v, NULL) == 0) {
		for (i = 0; i < 3; i++)
			on_slot(t, slot, PICK(t, info), (unsigned long)v, NULL);
		switch (below(t, 3)) {
		case 0: op_splice(t, slot); break;
		case 1: op_read(t, slot); break;
		default: break;		/* mmap readers: op_mmap touches */
		}
		if (chance(t, 90))
			on_slot(t, slot, chance(t, 85) ? LTTNG_ABI_RB_PUT_NEXT_SUBBUF :
					 LTTNG_ABI_RB_PUT_SUBBUF, 0, NULL);
	}
	put(slot);
}

static void op_poll(struct thr *t)
{
	struct pollfd pfd[8];
	int slots[8], n = 1 + below(t, 8), i, got = 0;

	for (i = 0; i < n; i++) {
		slots[got] = grab(t, chance(t, 70) ? M_STREAMS | M(K_CHANNEL) : M_ANY);
		if (slots[got] < 0)
			continue;
		pfd[got].fd = objs[slots[got]].fd;
		pfd[got].events = chance(t, 70) ? POLLIN | POLLPRI : (short)rnd(t);
		got++;
	}
	count(C_POLL);
	tracef(t, "poll %d fds", got);
	if (poll(pfd, got, chance(t, 80) ? 0 : (int)below(t, 5)) < 0)
		count_errno(errno);
	for (i = 0; i < got; i++)
		put(slots[i]);
}

static void op_close(struct thr *t)
{
	int slot = grab(t, chance(t, 97) ? M_ANY & ~M(K_ROOT) : M_ANY);

	if (slot >= 0)
		kill_obj(t, slot);
}

static void *worker(void *arg)
{
	struct thr *t = arg;

	{	/* the crash report runs on its own stack */
		stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 };

		if (ss.ss_sp)
			sigaltstack(&ss, NULL);
	}
	tids[t->id + 1] = (pid_t)syscall(SYS_gettid);
	while (!stop_now) {
		unsigned int r = below(t, 100);
		int slot;

		if (r < 30) {
			op_ioctl(t, chance(t, 50));
		} else if (r < 42) {
			op_random_ioctl(t);
		} else if (r < 50) {
			op_dt(t);
		} else if (r < 60) {
			op_consume(t);
		} else if (r < 66) {
			slot = grab(t, chance(t, 80) ? M_STREAMS | M(K_LIST) : M_ANY);
			if (slot >= 0) {
				op_read(t, slot);
				put(slot);
			}
		} else if (r < 72) {
			op_poll(t);
		} else if (r < 78) {
			op_mmap(t);
		} else if (r < 84) {
			slot = grab(t, chance(t, 90) ? M_STREAMS | M(K_LIST) : M_ANY);
			if (slot >= 0) {
				op_splice(t, slot);
				put(slot);
			}
		} else if (r < 91) {
			op_close(t);
		} else {
			op_rebuild(t);
		}
	}
	return NULL;
}

/* --- set-up --------------------------------------------------------------- */

static unsigned long kallsyms_addr(const char *name)
{
	char line[512], sym[256];
	unsigned long addr = 0, a;
	char type;
	FILE *f = fopen("/proc/kallsyms", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx %c %255s", &a, &type, sym) == 3 &&
		    !strcmp(sym, name) && (type == 't' || type == 'T')) {
			addr = a;
			break;
		}
	fclose(f);
	return addr;
}

static int setup(struct thr *t)
{
	static const unsigned char nop = 0x90;
	unsigned int i;

	null_fd = open("/dev/null", O_RDONLY);
	guard = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro_page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (null_fd < 0 || guard == MAP_FAILED || ro_page == MAP_FAILED ||
	    mprotect(guard + PAGE, PAGE, PROT_NONE)) {
		perror("set-up");
		return -1;
	}
	/* The uprobe target: 16 pages of NOPs in a file of our own. */
	memfd = memfd_create("lttng-abi-fuzz-uprobe", 0);
	for (i = 0; memfd >= 0 && i < 16 * PAGE; i++)
		if (write(memfd, &nop, 1) != 1)
			break;
	kprobe_addr = quiet_probes ? 0 : kallsyms_addr("do_sys_openat2");
	tids[0] = getpid();
	(void)t;
	return 0;
}

static int init_thread(struct thr *t, unsigned int id, uint64_t seed)
{
	t->id = id;
	t->rng = seed ^ (0x5851f42d4c957f2dULL * (id + 1));
	t->scratch = malloc(SCRATCH_LEN);
	t->readbuf = malloc(READ_LEN);
	if (!t->scratch || !t->readbuf || pipe2(t->pipe, O_NONBLOCK | O_CLOEXEC)) {
		perror("thread set-up");
		return -1;
	}
	memset(t->scratch, 0, SCRATCH_LEN);
	return 0;
}

/*
 * The first graph, from the main thread: two sessions, with events of
 * every kind, one started; the dt commands once each.
 */
static int first_graph(struct thr *t)
{
	struct lttng_dt_abi_track *tr = (void *)t->scratch;
	struct lttng_dt_abi_gate *g = (void *)t->scratch;
	struct lttng_dt_abi_thread_list *l = (void *)t->scratch;
	int fd, root, i;

	fd = open("/proc/lttng", O_RDWR);
	if (fd < 0) {
		perror("/proc/lttng");
		return -1;
	}
	add_obj(fd, K_ROOT);
	if (!build_session(t, true)) {
		fprintf(stderr, "could not build a session with a channel\n");
		return -1;
	}
	build_session(t, true);
	root = grab(t, M(K_ROOT));
	memset(tr, 0, sizeof(*tr));
	tr->id = getpid();
	on_slot(t, root, LTTNG_DT_ABI_TRACK_TID, (unsigned long)tr, NULL);
	memset(g, 0, sizeof(*g));
	strcpy(g->session_name, "fz0");
	g->gated = 1;
	on_slot(t, root, LTTNG_DT_ABI_GATE_SET, (unsigned long)g, NULL);
	memset(l, 0, sizeof(*l));
	l->count = 16;
	l->threads = (uintptr_t)t->scratch + 1024;
	on_slot(t, root, LTTNG_DT_ABI_LIST_THREADS, (unsigned long)l, NULL);
	memset(g, 0, sizeof(*g));
	strcpy(g->session_name, "fz0");
	on_slot(t, root, LTTNG_DT_ABI_GATE_SET, (unsigned long)g, NULL);
	memset(tr, 0, sizeof(*tr));
	tr->id = getpid();
	on_slot(t, root, LTTNG_DT_ABI_UNTRACK_TID, (unsigned long)tr, NULL);
	put(root);
	for (i = 0; i < NR_OBJS; i++)
		if (objs[i].kind == K_SESSION && chance(t, 50)) {
			on_slot(t, i, LTTNG_ABI_SESSION_STOP, 0, NULL);
			on_slot(t, i, LTTNG_ABI_SESSION_START, 0, NULL);
		}
	return 0;
}

static double elapsed(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

static void usage(void)
{
	fprintf(stderr, "usage: lttng-abi-fuzz [--seed N] [--seconds S] [--calls N] "
		"[--threads T] [--trace] [--quiet-probes]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static struct thr threads[MAX_THREADS + 1];
	pthread_t ids[MAX_THREADS];
	struct sigaction sa = { .sa_sigaction = sig_touch, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	unsigned long seconds = 0, calls = 0;
	uint64_t seed;
	struct timespec ts;
	unsigned int i, kinds[NR_KINDS] = { 0 };
	int n, j;

	clock_gettime(CLOCK_REALTIME, &ts);
	seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
	seed %= 1000000000ULL;
	for (n = 1; n < argc; n++) {
		char *end;

		if (!strcmp(argv[n], "--trace")) {
			trace = true;
			continue;
		}
		if (!strcmp(argv[n], "--quiet-probes")) {
			quiet_probes = true;
			continue;
		}
		if (n + 1 >= argc)
			usage();
		errno = 0;
		if (!strcmp(argv[n], "--seed"))
			seed = strtoull(argv[++n], &end, 0);
		else if (!strcmp(argv[n], "--seconds"))
			seconds = strtoul(argv[++n], &end, 0);
		else if (!strcmp(argv[n], "--calls"))
			calls = strtoul(argv[++n], &end, 0);
		else if (!strcmp(argv[n], "--threads"))
			nr_threads = strtoul(argv[++n], &end, 0);
		else
			usage();
		if (errno || *end || !nr_threads || nr_threads > MAX_THREADS)
			usage();
	}
	if (!seconds && !calls)
		seconds = 30;
	max_calls = calls ? calls : ULONG_MAX;
	setvbuf(stdout, NULL, _IOLBF, 0);
	setvbuf(stderr, NULL, _IOLBF, 0);
	printf("lttng-abi-fuzz: seed %" PRIu64 ", %u threads, %lu s, %lu calls at most\n",
	       seed, nr_threads, seconds, calls);

	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i <= nr_threads; i++)
		if (init_thread(&threads[i], i, seed))
			return 1;
	all_threads = threads;
	{
		stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 };

		if (ss.ss_sp)
			sigaltstack(&ss, NULL);
	}
	if (setup(&threads[nr_threads]) || first_graph(&threads[nr_threads]))
		return 1;
	for (i = 0; i < NR_OBJS; i++)
		kinds[objs[i].kind]++;
	printf("graph:");
	for (i = 1; i < NR_KINDS; i++)
		printf(" %s %u", kind_names[i], kinds[i]);
	printf("\n");

	clock_gettime(CLOCK_MONOTONIC, &ts);
	for (i = 0; i < nr_threads; i++)
		if (pthread_create(&ids[i], NULL, worker, &threads[i])) {
			perror("pthread_create");
			return 1;
		}
	while (!stop_now) {
		usleep(100000);
		if (seconds && elapsed(&ts) >= seconds)
			stop_now = 1;
	}
	for (i = 0; i < nr_threads; i++)
		pthread_join(ids[i], NULL);

	/* Tear down: unmap, close everything, in table order. */
	for (i = 0; i <= nr_threads; i++)
		for (j = 0; j < MAX_MAPS; j++)
			if (threads[i].maps[j].addr)
				munmap(threads[i].maps[j].addr, threads[i].maps[j].len);
	for (i = 0; i < NR_OBJS; i++)
		if (objs[i].kind != K_FREE) {
			close(objs[i].fd);
			objs[i].kind = K_FREE;
		}

	printf("counts after %.1f s:\n", elapsed(&ts));
	for (i = 0; i < NR_COUNTERS; i++)
		printf("  %-40s %lu\n", counter_names[i], counters[i]);
	printf("  %-40s %lu\n", "total calls", total_calls);
	printf("errors:");
	for (i = 1; i < 256; i++)
		if (errno_counts[i])
			printf(" %s %lu", i == 255 ? "other" : strerrorname_np(i) ?
			       strerrorname_np(i) : "?", errno_counts[i]);
	printf("\n");
	return 0;
}
