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
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"

enum { OPT_HELP = 1, OPT_VERSION, OPT_HOSTS, OPT_INTERVAL, OPT_WAIT, OPT_QUIET };

/* Some traces unreadable, the others' report printed. */
#define EXIT_PARTIAL	2

static int interval = 5;

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
	POPT_TABLEEND
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: lttng-dt-flows [--hosts] [--interval=SECONDS] [--wait] [--quiet]\n"
		"                      (TRACE_PATH | net://RELAYD[:PORT]/host/HOST/SESSION)...\n\n"
		"Read the CTF traces under each TRACE_PATH (a trace directory, or a\n"
		"directory holding traces, one per host or a session's output), group\n"
		"them by hostname, and print per host the threads that were flagged\n"
		"(reasons, intervals, flagged and on-CPU time) and the marked\n"
		"connections, then the marked sends matched to their receipts.\n"
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
		"  -q, --quiet             No progress line on stderr while traces are read\n\n"
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

int main(int argc, const char **argv)
{
	poptContext pc = poptGetContext("lttng-dt-flows", argc, argv, options, 0);
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
	fl_progress_init(quiet);
	ret = run(paths, hosts_only, wait);
out:
	fl_conns_free();
	fl_hosts_free();
	poptFreeContext(pc);
	return ret;
}
