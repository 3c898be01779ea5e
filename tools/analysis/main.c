// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-flows: follow traced requests through the CTF traces of one
 * or more hosts: which threads were flagged, when and why, how long they
 * ran while flagged, and which marked segments went where (doc/analysis.md,
 * lttng-dt-flows(1)). Trace directories are read first, then the live
 * sessions (lttng-live URLs) while they run. Options with popt, like
 * lttng; errors are "Error: ..." on stderr and exit 1, or exit 2 when
 * some traces could not be read but the others were, and reported.
 */
#include <errno.h>
#include <glib.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"
#include "outputs.h"

enum { OPT_HELP = 1, OPT_VERSION, OPT_HOSTS, OPT_INTERVAL, OPT_WAIT, OPT_QUIET,
       OPT_FORMAT, OPT_OUTPUT, OPT_CLOCK_OFFSET, OPT_BEGIN, OPT_END, OPT_HOST,
       OPT_THREAD, OPT_JOBS };

/* Some traces unreadable, the others' report printed. */
#define EXIT_PARTIAL	2

static int interval = 5;
static int jobs;			/* 0: as many as CPUs */

static const struct poptOption options[] = {
	{ "help", 'h', POPT_ARG_NONE, NULL, OPT_HELP, "Show this help", NULL },
	{ "version", 'V', POPT_ARG_NONE, NULL, OPT_VERSION, "Show the version", NULL },
	{ "hosts", 0, POPT_ARG_NONE, NULL, OPT_HOSTS,
	  "Only list the hosts found and their event counts", NULL },
	{ "interval", 'i', POPT_ARG_INT, &interval, OPT_INTERVAL,
	  "Live: a report every SECONDS while events come", "SECONDS" },
	{ "wait", 'w', POPT_ARG_NONE, NULL, OPT_WAIT,
	  "Live: wait for the sessions to exist; end on SIGINT", NULL },
	{ "quiet", 'q', POPT_ARG_NONE, NULL, OPT_QUIET,
	  "No progress line on stderr", NULL },
	{ "format", 'f', POPT_ARG_STRING, NULL, OPT_FORMAT,
	  "text (default), json, chrome or svg", "FORMAT" },
	{ "output", 'o', POPT_ARG_STRING, NULL, OPT_OUTPUT,
	  "Write the report to FILE", "FILE" },
	{ "clock-offset", 0, POPT_ARG_STRING, NULL, OPT_CLOCK_OFFSET,
	  "HOST's clock minus the common axis, in ns (repeatable)", "HOST=NS" },
	{ "begin", 0, POPT_ARG_STRING, NULL, OPT_BEGIN,
	  "Spans that end before are left out", "TIME" },
	{ "end", 0, POPT_ARG_STRING, NULL, OPT_END,
	  "Spans that begin after are left out", "TIME" },
	{ "host", 0, POPT_ARG_STRING, NULL, OPT_HOST,
	  "Only this host (repeatable)", "HOST" },
	{ "thread", 0, POPT_ARG_STRING, NULL, OPT_THREAD,
	  "Only this thread, by tid or name (repeatable)", "TID|NAME" },
	{ "jobs", 'j', POPT_ARG_INT, &jobs, OPT_JOBS,
	  "Decode up to N traces at once (default: the CPUs online)", "N" },
	POPT_TABLEEND
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: lttng-dt-flows [--hosts] [--interval=SECONDS] [--wait] [--quiet]\n"
		"                      [--jobs=N] [--format=FORMAT] [--output=FILE] [--clock-offset=HOST=NS]...\n"
		"                      [--begin=TIME] [--end=TIME] [--host=HOST]... [--thread=TID|NAME]...\n"
		"                      (TRACE_PATH | net://RELAYD[:PORT]/host/HOST/SESSION)...\n\n"
		"Read the CTF traces under each TRACE_PATH (a trace directory, or a\n"
		"directory holding traces, one per host or a session's output), group\n"
		"them by hostname, and print per host the threads that were flagged\n"
		"(reasons, intervals, flagged and on-CPU time) and the marked\n"
		"connections, then the marked sends matched to their receipts, the\n"
		"hosts' clocks on one time axis, and each tracked request as a chain\n"
		"of spans (a thread's flagged interval) linked by the bytes they sent.\n"
		"A net:// URL names a live session on an lttng-relayd: it is read while\n"
		"it runs, with a report every SECONDS that brought events, and a final\n"
		"one when every session has been destroyed.\n\n"
		"Options:\n"
		"  -h, --help              Show this help\n"
		"  -V, --version           Show the version\n"
		"      --hosts             Only list the hosts found and their event counts\n"
		"  -i, --interval=SECONDS  Live: seconds between two reports (default 5)\n"
		"  -w, --wait              Live: wait for sessions that do not exist yet\n"
		"                          and for new ones of that name; end on SIGINT\n"
		"  -q, --quiet             No progress line on stderr while traces are read\n"
		"  -j, --jobs=N            Decode up to N traces (hosts) at once, each on a\n"
		"                          thread of its own (default: the CPUs online;\n"
		"                          1: one thread); the report is the same\n"
		"  -f, --format=FORMAT     text (default), json, chrome (chrome://tracing,\n"
		"                          ui.perfetto.dev) or svg (a timeline picture)\n"
		"  -o, --output=FILE       Write the report to FILE, not the standard output\n"
		"      --clock-offset=HOST=NS\n"
		"                          HOST's clock minus the common axis, in nanoseconds,\n"
		"                          instead of the estimate (repeatable)\n"
		"      --begin=TIME, --end=TIME\n"
		"                          Only spans that overlap TIME..TIME on the axis:\n"
		"                          seconds from the first event, or\n"
		"                          \"YYYY-MM-DD HH:MM:SS[.NS]\" UTC\n"
		"      --host=HOST         Only HOST (repeatable)\n"
		"      --thread=TID|NAME   Only these threads' spans (repeatable)\n\n"
		"See lttng-dt-flows(1) for the whole documentation.\n");
}

/* Whether a host of what was read has an lttng-dt event to report. */
static bool have_dt_events(void)
{
	const struct fl_host *h;

	for (h = fl_hosts(); h; h = h->next)
		if (h->n_dt_events)
			return true;
	return false;
}

/*
 * Directories first, all at once (a trace's chunks may be under two of
 * them), then the live sessions while they run. When some traces
 * cannot be read, the others are still reported: exit 2.
 */
static int run(const char **args, int hosts_only, bool wait)
{
	struct fl_live_opts o = {
		.interval = (unsigned int)interval,
		.wait = wait,
		.report = hosts_only ? fl_print_hosts : fl_print_report,
	};
	const char **urls, **dirs;
	size_t n_urls = 0, n_dirs = 0;
	unsigned int n;
	int i, ret = 0;

	for (i = 0; args[i]; i++)
		;
	urls = fl_xalloc((i + 1) * sizeof(*urls));
	dirs = fl_xalloc((i + 1) * sizeof(*dirs));
	for (i = 0; args[i]; i++) {
		if (fl_is_live_url(args[i]))
			urls[n_urls++] = args[i];
		else
			dirs[n_dirs++] = args[i];
	}
	if (n_dirs && fl_read_paths(dirs, n_dirs, &n)) {
		ret = EXIT_PARTIAL;
		if (!have_dt_events()) {
			ret = 1;
			goto out;
		}
	}
	if (n_urls) {
		if (fl_live_run(urls, n_urls, &o))
			ret = 1;
	} else {
		o.report();
	}
	if (ret == EXIT_PARTIAL)
		fprintf(stderr, "Error: some traces could not be read (above): the report is of the others\n");
out:
	free(urls);
	free(dirs);
	return ret;
}

struct opts {
	int format;
	bool to_file;
	GPtrArray *hosts, *threads;	/* of strings poptGetOptArg() gave */
	struct fl_filter filter;
};

static int time_opt(const char *name, const char *arg, struct fl_when *w)
{
	if (!fl_when_parse(arg, w))
		return 0;
	fprintf(stderr, "Error: --%s: %s: not seconds from the first event nor "
		"\"YYYY-MM-DD HH:MM:SS[.NS]\"\n", name, arg);
	return -1;
}

static int output_opt(const char *path)
{
	if (freopen(path, "w", stdout))
		return 0;
	fprintf(stderr, "Error: --output: %s: %s\n", path, strerror(errno));
	return -1;
}

/* The options of the report; -1 after an "Error: " line. */
static int report_opt(int opt, char *arg, struct opts *o)
{
	switch (opt) {
	case OPT_FORMAT:
		o->format = fl_format_parse(arg);
		if (o->format < 0)
			fprintf(stderr, "Error: --format: %s: not text, json, chrome or svg\n", arg);
		free(arg);
		return o->format < 0 ? -1 : 0;
	case OPT_OUTPUT:
		opt = output_opt(arg);
		o->to_file = !opt;
		free(arg);
		return opt;
	case OPT_CLOCK_OFFSET:
		opt = fl_clock_give(arg);
		free(arg);
		return opt;
	case OPT_BEGIN:
	case OPT_END:
		opt = time_opt(opt == OPT_BEGIN ? "begin" : "end", arg,
			       opt == OPT_BEGIN ? &o->filter.begin : &o->filter.end);
		free(arg);
		return opt;
	case OPT_HOST:
		g_ptr_array_add(o->hosts, arg);
		return 0;
	case OPT_THREAD:
		g_ptr_array_add(o->threads, arg);
		return 0;
	}
	return 0;
}

/* The filter's lists: NULL when no option gave any. */
static void setup_output(struct opts *o)
{
	if (o->hosts->len) {
		g_ptr_array_add(o->hosts, NULL);
		o->filter.hosts = (const char **)o->hosts->pdata;
	}
	if (o->threads->len) {
		g_ptr_array_add(o->threads, NULL);
		o->filter.threads = (const char **)o->threads->pdata;
	}
	fl_output_setup((enum fl_format)o->format, &o->filter, o->to_file);
}

int main(int argc, const char **argv)
{
	poptContext pc = poptGetContext("lttng-dt-flows", argc, argv, options, 0);
	struct opts o = { .hosts = g_ptr_array_new_with_free_func(free),
			  .threads = g_ptr_array_new_with_free_func(free) };
	const char **paths;
	int opt, hosts_only = 0, ret = 1;
	bool wait = false, quiet = false;

	while ((opt = poptGetNextOpt(pc)) > 0) {
		switch (opt) {
		case OPT_HELP:
			usage(stdout);
			ret = 0;
			goto out;
		case OPT_VERSION:
			printf("lttng-dt-flows (lttng-dt) %s\n", PACKAGE_VERSION);
			ret = 0;
			goto out;
		case OPT_HOSTS:
			hosts_only = 1;
			break;
		case OPT_INTERVAL:
			if (interval < 1) {
				fprintf(stderr, "Error: --interval: %d: not a number of seconds >= 1\n",
					interval);
				goto out;
			}
			break;
		case OPT_WAIT:
			wait = true;
			break;
		case OPT_QUIET:
			quiet = true;
			break;
		case OPT_JOBS:
			if (jobs < 1) {
				fprintf(stderr, "Error: --jobs: %d: not a number of threads >= 1\n",
					jobs);
				goto out;
			}
			break;
		default:
			if (report_opt(opt, poptGetOptArg(pc), &o))
				goto out;
		}
	}
	if (opt < -1) {
		fprintf(stderr, "Error: %s: %s\n",
			poptBadOption(pc, POPT_BADOPTION_NOALIAS), poptStrerror(opt));
		goto out;
	}
	paths = poptGetArgs(pc);
	if (!paths || !paths[0]) {
		fprintf(stderr, "Error: no trace path given\n");
		usage(stderr);
		goto out;
	}
	if (o.filter.begin.set && o.filter.end.set &&
	    o.filter.begin.absolute == o.filter.end.absolute &&
	    o.filter.end.ns < o.filter.begin.ns) {
		fprintf(stderr, "Error: --end is before --begin\n");
		goto out;
	}
	setup_output(&o);
	fl_read_set_jobs(jobs ? (unsigned int)jobs : g_get_num_processors());
	fl_progress_init(quiet);
	ret = run(paths, hosts_only, wait);
	if (fflush(stdout)) {
		fprintf(stderr, "Error: writing the report: %s\n", strerror(errno));
		ret = 1;
	}
out:
	fl_spans_free();
	fl_sched_free();
	fl_clock_free();
	fl_conns_free();
	fl_hosts_free();
	g_ptr_array_free(o.hosts, TRUE);
	g_ptr_array_free(o.threads, TRUE);
	poptFreeContext(pc);
	return ret;
}
