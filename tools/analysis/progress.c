// SPDX-License-Identifier: GPL-2.0-only
/*
 * A progress line on stderr while trace directories are read, for runs
 * long enough that a silent terminal looks hung (a million marks take
 * seconds): "lttng-dt-flows: trace 2/3, 1200000 events read", rewritten
 * in place with \r at most four times a second from the first second on,
 * and erased when the reading ends, so that it never mixes with the
 * report or the error lines. Only on a terminal (a log file would keep
 * every \r'd copy), not with --quiet, and not for live sessions, whose
 * reports come on the same terminal while they are read.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "flows.h"

#define FIRST_AFTER	1.0	/* seconds: short runs show nothing */
#define EVERY		0.25

static bool enabled;
static bool reading;			/* trace directories, not live sessions */
static double started, next;
static size_t trace_i, n_traces;
static uint64_t events;
static int shown;			/* length of the line on screen */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void fl_progress_init(bool quiet)
{
	enabled = !quiet && isatty(STDERR_FILENO);
	started = now_s();
	next = started + FIRST_AFTER;
}

static void show(void)
{
	int n = fprintf(stderr, "\rlttng-dt-flows: trace %zu/%zu, %llu events read",
			trace_i, n_traces, (unsigned long long)events);

	if (n > 0 && n < shown)		/* shorter than the last one */
		fprintf(stderr, "%*s", shown - n, "");
	if (n > shown)
		shown = n;
	fflush(stderr);
}

static void maybe_show(void)
{
	double t;

	if (!enabled || !reading)
		return;
	t = now_s();
	if (t < next)
		return;
	next = t + EVERY;
	show();
}

void fl_progress_trace(size_t i, size_t n)
{
	trace_i = i;
	n_traces = n;
	reading = true;
	maybe_show();
}

void fl_progress_events(uint64_t n)
{
	events += n;
	maybe_show();
}

/* Erase the line, before anything else is printed; it comes back. */
void fl_progress_clear(void)
{
	if (shown)
		fprintf(stderr, "\r%*s\r", shown, "");
	shown = 0;
	fflush(stderr);
}

/* The reading is over: erase the line for good. */
void fl_progress_done(void)
{
	reading = false;
	fl_progress_clear();
}
