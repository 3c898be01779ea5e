// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-ctl: issue the distributed-trace ioctls on /proc/lttng from VM
 * scenarios and print the outcome in a form scripts compare.
 *
 *   lttng-dt-ctl version                  "dt M.m"
 *   lttng-dt-ctl track-pid|track-tid ID [no-inherit]
 *   lttng-dt-ctl untrack-pid|untrack-tid ID
 *   lttng-dt-ctl untrack-all              each prints "0" or an errno name
 *   lttng-dt-ctl list                     "TID PID REASONS FLAGS COMM" lines
 *   lttng-dt-ctl list-cap N               "total T, untouched U": LIST_THREADS
 *                                         with room for N, U = entries past N
 *                                         left as they were (all of them)
 *   lttng-dt-ctl since TID REASON         the since time of one reason
 *   lttng-dt-ctl gate-set NAME 0|1 [FLAGS] "0" or an errno name (FLAGS:
 *                                         LTTNG_DT_ABI_GATE_*, C syntax)
 *   lttng-dt-ctl gate-get NAME            "gated G gated_out N passed M",
 *                                         " kept" added for a kept state
 *   lttng-dt-ctl stats                    "flagged F set M/I/N cleared C"
 *   lttng-dt-ctl trust-add|trust-remove CIDR   "0" or an errno name
 *   lttng-dt-ctl trust-add-raw FAMILY ADDR PREFIX   the same, unchecked
 *   lttng-dt-ctl trust-list               the trust list, one CIDR a line
 *   lttng-dt-ctl bad WHAT                 errno name of a malformed call:
 *       track-padding, track-flags, untrack-flags, track-negative,
 *       list-padding, list-null, gate-reserved, gate-padding, gate-value,
 *       gate-unterminated, gate-empty, efault
 *   lttng-dt-ctl as-nobody CMD...         open /proc/lttng as root, then drop
 *                                         to uid 65534 and run CMD on it
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <lttng/abi.h>

#define ROOT_PATH "/proc/lttng"

static int root_fd = -1;

static const char *errno_name(int e)
{
	switch (e) {
	case 0: return "0";
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOTTY: return "ENOTTY";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case ENOMEM: return "ENOMEM";
	case EEXIST: return "EEXIST";
	case ENODEV: return "ENODEV";
	case ENOSPC: return "ENOSPC";
	default: return strerror(e);
	}
}

static int root(void)
{
	if (root_fd >= 0)
		return root_fd;
	root_fd = open(ROOT_PATH, O_RDWR);
	if (root_fd < 0) {
		fprintf(stderr, "open %s: %s\n", ROOT_PATH, strerror(errno));
		exit(2);
	}
	return root_fd;
}

/* Print "0" or the errno name of ioctl(cmd, arg); return its errno. */
static int report(unsigned long cmd, void *arg)
{
	int e = ioctl(root(), cmd, arg) ? errno : 0;

	printf("%s\n", errno_name(e));
	return e;
}

static int do_track(unsigned long cmd, const char *id, const char *opt)
{
	struct lttng_dt_abi_track tr = { .id = atoi(id) };

	if (opt && !strcmp(opt, "no-inherit"))
		tr.flags = LTTNG_DT_TRACK_NO_INHERIT;
	report(cmd, &tr);
	return 0;
}

static void print_reasons(uint32_t reasons)
{
	static const char * const names[] = { "manual", "inherited", "network" };
	const char *sep = "";
	unsigned int r;

	for (r = 0; r < LTTNG_DT_NR_REASONS; r++) {
		if (reasons & LTTNG_DT_REASON_BIT(r)) {
			printf("%s%s", sep, names[r]);
			sep = ",";
		}
	}
}

/* All flagged threads, in a buffer grown until they fit. */
static struct lttng_dt_abi_thread *get_list(uint32_t *count)
{
	struct lttng_dt_abi_thread_list l = { 0 };
	struct lttng_dt_abi_thread *t = NULL;
	uint32_t cap = 0;

	for (;;) {
		l.count = cap;
		l.threads = (uintptr_t)t;
		if (ioctl(root(), LTTNG_DT_ABI_LIST_THREADS, &l)) {
			printf("%s\n", errno_name(errno));
			exit(1);
		}
		if (l.count <= cap)
			break;
		cap = l.count + 8;
		t = realloc(t, cap * sizeof(*t));
	}
	*count = l.count;
	return t;
}

static int do_list(void)
{
	struct lttng_dt_abi_thread *t;
	uint32_t n, i;

	t = get_list(&n);
	for (i = 0; i < n; i++) {
		printf("%d %d ", t[i].tid, t[i].pid);
		print_reasons(t[i].reasons);
		printf(" %s %.16s\n", t[i].flags & LTTNG_DT_TRACK_NO_INHERIT ?
		       "no-inherit" : "inherit", t[i].comm);
	}
	free(t);
	return 0;
}

static int do_since(const char *tid, const char *reason)
{
	struct lttng_dt_abi_thread *t;
	uint32_t n, i;
	int r = atoi(reason);

	t = get_list(&n);
	for (i = 0; i < n; i++)
		if (t[i].tid == atoi(tid))
			printf("%llu\n", (unsigned long long)t[i].since[r]);
	free(t);
	return 0;
}

static int do_list_cap(const char *cap)
{
	uint32_t room = atoi(cap), i, untouched = 0;
	struct lttng_dt_abi_thread t[64];
	struct lttng_dt_abi_thread_list l = { .count = room, .threads = (uintptr_t)t };

	memset(t, 0xa5, sizeof(t));
	if (room > 64 || ioctl(root(), LTTNG_DT_ABI_LIST_THREADS, &l)) {
		printf("%s\n", errno_name(errno));
		return 1;
	}
	for (i = room; i < 64; i++) {
		const unsigned char *p = (const unsigned char *)&t[i];
		size_t b;

		for (b = 0; b < sizeof(t[i]) && p[b] == 0xa5; b++)
			;
		untouched += b == sizeof(t[i]);
	}
	printf("total %u, untouched %u\n", l.count, untouched);
	return 0;
}

static int do_gate_set(const char *name, const char *gated, const char *flags)
{
	struct lttng_dt_abi_gate g = {
		.gated = atoi(gated),
		.flags = flags ? strtoul(flags, NULL, 0) : 0,
	};

	snprintf(g.session_name, sizeof(g.session_name), "%s", name);
	report(LTTNG_DT_ABI_GATE_SET, &g);
	return 0;
}

static int do_gate_get(const char *name)
{
	struct lttng_dt_abi_gate g = { 0 };

	snprintf(g.session_name, sizeof(g.session_name), "%s", name);
	if (ioctl(root(), LTTNG_DT_ABI_GATE_GET, &g)) {
		printf("%s\n", errno_name(errno));
		return 0;
	}
	printf("gated %u gated_out %llu passed %llu%s\n", g.gated,
	       (unsigned long long)g.gated_out, (unsigned long long)g.passed,
	       g.flags & LTTNG_DT_ABI_GATE_KEPT ? " kept" : "");
	return 0;
}

static int do_version(void)
{
	struct lttng_dt_abi_version v;

	if (ioctl(root(), LTTNG_DT_ABI_VERSION, &v)) {
		printf("%s\n", errno_name(errno));
		return 0;
	}
	printf("dt %u.%u\n", v.major, v.minor);
	return 0;
}

static int do_stats(void)
{
	struct lttng_dt_abi_stats s;

	if (ioctl(root(), LTTNG_DT_ABI_STATS, &s)) {
		printf("%s\n", errno_name(errno));
		return 0;
	}
	printf("flagged %llu set %llu/%llu/%llu cleared %llu\n",
	       (unsigned long long)s.flagged_threads,
	       (unsigned long long)s.flags_set[0], (unsigned long long)s.flags_set[1],
	       (unsigned long long)s.flags_set[2], (unsigned long long)s.flags_cleared);
	return 0;
}

/* "A.B.C.D/N" or "X::/N"; exits on a malformed one (a test bug). */
static void parse_cidr(const char *cidr, struct lttng_dt_abi_trust_net *net)
{
	char buf[64], *slash;

	memset(net, 0, sizeof(*net));
	snprintf(buf, sizeof(buf), "%s", cidr);
	slash = strchr(buf, '/');
	if (!slash) {
		fprintf(stderr, "no prefix in %s\n", cidr);
		exit(2);
	}
	*slash = 0;
	net->prefix = atoi(slash + 1);
	net->family = strchr(buf, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(net->family, buf, net->addr) != 1) {
		fprintf(stderr, "bad address %s\n", buf);
		exit(2);
	}
}

static int do_trust(unsigned long cmd, const char *cidr)
{
	struct lttng_dt_abi_trust_net net;

	parse_cidr(cidr, &net);
	report(cmd, &net);
	return 0;
}

static int do_trust_raw(const char *family, const char *addr, const char *prefix)
{
	struct lttng_dt_abi_trust_net net = { .family = atoi(family),
					      .prefix = atoi(prefix) };

	inet_pton(strchr(addr, ':') ? AF_INET6 : AF_INET, addr, net.addr);
	report(LTTNG_DT_ABI_TRUST_ADD, &net);
	return 0;
}

static int do_trust_list(void)
{
	struct lttng_dt_abi_trust_net nets[64];
	struct lttng_dt_abi_trust_list l = { .count = 64,
					     .nets = (uintptr_t)nets };
	char a[INET6_ADDRSTRLEN];
	unsigned int i;

	if (ioctl(root(), LTTNG_DT_ABI_TRUST_LIST, &l)) {
		printf("%s\n", errno_name(errno));
		return 0;
	}
	for (i = 0; i < l.count && i < 64; i++) {
		inet_ntop(nets[i].family, nets[i].addr, a, sizeof(a));
		printf("%s/%u\n", a, nets[i].prefix);
	}
	return 0;
}

static int do_bad(const char *what)
{
	struct lttng_dt_abi_track tr = { .id = getpid() };
	struct lttng_dt_abi_thread_list l = { 0 };
	struct lttng_dt_abi_gate g = { .session_name = "any" };

	if (!strcmp(what, "track-padding")) {
		tr.padding[23] = 1;
		return report(LTTNG_DT_ABI_TRACK_TID, &tr), 0;
	}
	if (!strcmp(what, "track-flags")) {
		tr.flags = 1U << 7;
		return report(LTTNG_DT_ABI_TRACK_PID, &tr), 0;
	}
	if (!strcmp(what, "untrack-flags")) {
		tr.flags = LTTNG_DT_TRACK_NO_INHERIT;
		return report(LTTNG_DT_ABI_UNTRACK_TID, &tr), 0;
	}
	if (!strcmp(what, "track-negative")) {
		tr.id = -5;
		return report(LTTNG_DT_ABI_TRACK_TID, &tr), 0;
	}
	if (!strcmp(what, "list-padding")) {
		l.padding = 1;
		return report(LTTNG_DT_ABI_LIST_THREADS, &l), 0;
	}
	if (!strcmp(what, "list-null")) {
		l.count = 4;
		return report(LTTNG_DT_ABI_LIST_THREADS, &l), 0;
	}
	if (!strcmp(what, "gate-reserved")) {
		g.reserved[31] = 1;
		return report(LTTNG_DT_ABI_GATE_SET, &g), 0;
	}
	if (!strcmp(what, "gate-padding")) {
		g.flags = LTTNG_DT_ABI_GATE_KEEP;	/* GET takes no flags */
		return report(LTTNG_DT_ABI_GATE_GET, &g), 0;
	}
	if (!strcmp(what, "gate-value")) {
		g.gated = 2;
		return report(LTTNG_DT_ABI_GATE_SET, &g), 0;
	}
	if (!strcmp(what, "gate-unterminated")) {
		memset(g.session_name, 'x', sizeof(g.session_name));
		return report(LTTNG_DT_ABI_GATE_SET, &g), 0;
	}
	if (!strcmp(what, "gate-empty")) {
		g.session_name[0] = 0;
		return report(LTTNG_DT_ABI_GATE_GET, &g), 0;
	}
	if (!strcmp(what, "efault"))
		return report(LTTNG_DT_ABI_TRACK_TID, (void *)16), 0;
	fprintf(stderr, "unknown bad call %s\n", what);
	return 2;
}

static int run(int argc, char **argv)
{
	const char *c = argv[1];

	if (argc >= 2 && !strcmp(c, "version"))
		return do_version();
	if (argc >= 3 && !strcmp(c, "track-pid"))
		return do_track(LTTNG_DT_ABI_TRACK_PID, argv[2], argv[3]);
	if (argc >= 3 && !strcmp(c, "track-tid"))
		return do_track(LTTNG_DT_ABI_TRACK_TID, argv[2], argv[3]);
	if (argc >= 3 && !strcmp(c, "untrack-pid"))
		return do_track(LTTNG_DT_ABI_UNTRACK_PID, argv[2], NULL);
	if (argc >= 3 && !strcmp(c, "untrack-tid"))
		return do_track(LTTNG_DT_ABI_UNTRACK_TID, argv[2], NULL);
	if (argc >= 2 && !strcmp(c, "untrack-all"))
		return report(LTTNG_DT_ABI_UNTRACK_ALL, NULL), 0;
	if (argc >= 2 && !strcmp(c, "list"))
		return do_list();
	if (argc >= 3 && !strcmp(c, "list-cap"))
		return do_list_cap(argv[2]);
	if (argc >= 4 && !strcmp(c, "since"))
		return do_since(argv[2], argv[3]);
	if (argc >= 4 && !strcmp(c, "gate-set"))
		return do_gate_set(argv[2], argv[3], argc >= 5 ? argv[4] : NULL);
	if (argc >= 3 && !strcmp(c, "gate-get"))
		return do_gate_get(argv[2]);
	if (argc >= 2 && !strcmp(c, "stats"))
		return do_stats();
	if (argc >= 3 && !strcmp(c, "bad"))
		return do_bad(argv[2]);
	if (argc >= 3 && !strcmp(c, "trust-add"))
		return do_trust(LTTNG_DT_ABI_TRUST_ADD, argv[2]);
	if (argc >= 3 && !strcmp(c, "trust-remove"))
		return do_trust(LTTNG_DT_ABI_TRUST_REMOVE, argv[2]);
	if (argc >= 5 && !strcmp(c, "trust-add-raw"))
		return do_trust_raw(argv[2], argv[3], argv[4]);
	if (argc >= 2 && !strcmp(c, "trust-list"))
		return do_trust_list();
	fprintf(stderr, "usage: see the comment at the top of lttng-dt-ctl.c\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "as-nobody")) {
		root();
		if (setgid(65534) || setuid(65534)) {
			perror("setuid");
			return 2;
		}
		return run(argc - 1, argv + 1);
	}
	return run(argc, argv);
}
