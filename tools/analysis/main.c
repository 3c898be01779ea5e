// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-flows: follow traced requests through the CTF traces of one
 * or more hosts: which threads were flagged, when and why, how long they
 * ran while flagged, and which marked segments went where (doc/analysis.md,
 * lttng-dt-flows(1)). Options with popt, like lttng; errors are
 * "Error: ..." on stderr and exit 1.
 */
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>

#include "flows.h"

enum { OPT_HELP = 1, OPT_VERSION, OPT_HOSTS };

static const struct poptOption options[] = {
	{ "help", 'h', POPT_ARG_NONE, NULL, OPT_HELP, "Show this help", NULL },
	{ "version", 'V', POPT_ARG_NONE, NULL, OPT_VERSION, "Show the version", NULL },
	{ "hosts", 0, POPT_ARG_NONE, NULL, OPT_HOSTS,
	  "Only list the hosts found and their event counts", NULL },
	POPT_TABLEEND
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: lttng-dt-flows [--hosts] TRACE_PATH...\n\n"
		"Read the CTF traces under each TRACE_PATH (a trace directory, or a\n"
		"directory holding traces, one per host or a session's output), group\n"
		"them by hostname, and print per host the threads that were flagged\n"
		"(reasons, intervals, flagged and on-CPU time) and the marked\n"
		"connections, then the marked sends matched to their receipts.\n\n"
		"Options:\n"
		"  -h, --help     Show this help\n"
		"  -V, --version  Show the version\n"
		"      --hosts    Only list the hosts found and their event counts\n\n"
		"See lttng-dt-flows(1) for the whole documentation.\n");
}

static int run(const char **paths, int hosts_only)
{
	unsigned int n;
	int i;

	for (i = 0; paths[i]; i++)
		if (fl_read_path(paths[i], &n))
			return 1;
	if (hosts_only)
		fl_print_hosts();
	else
		fl_print_report();
	return 0;
}

int main(int argc, const char **argv)
{
	poptContext pc = poptGetContext("lttng-dt-flows", argc, argv, options, 0);
	const char **paths;
	int opt, hosts_only = 0, ret = 1;

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
	ret = run(paths, hosts_only);
out:
	fl_conns_free();
	fl_hosts_free();
	poptFreeContext(pc);
	return ret;
}
