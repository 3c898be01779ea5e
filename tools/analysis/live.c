// SPDX-License-Identifier: GPL-2.0-only
/*
 * Live sessions: lttng-live URLs read side by side while their sessions
 * run, one babeltrace2 graph each (trace-read.c), stepped in turn. Every
 * interval seconds, if events came since the last report, the report is
 * printed again over all that was read so far (threads still flagged
 * shown so); when every session has ended (destroyed: the relay daemon
 * no longer has it) or on SIGINT/SIGTERM, a final one. Reports go to a
 * terminal or a file as they come: stdout is flushed after each.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flows.h"

/* babeltrace2's src.ctf.lttng-live takes net:// and net4:// URLs. */
bool fl_is_live_url(const char *arg)
{
	return !strncmp(arg, "net://", 6) || !strncmp(arg, "net4://", 7);
}

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t events_read(void)
{
	const struct fl_host *h;
	uint64_t n = 0;

	for (h = fl_hosts(); h; h = h->next)
		n += h->n_events;
	return n;
}

static void report(const struct fl_live_opts *o, const char *what)
{
	time_t t = time(NULL);
	char when[32];
	struct tm tm;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
	printf("== %s, %s UTC, %llu events read ==\n", what, when,
	       (unsigned long long)events_read());
	o->report();
	printf("\n");
	fflush(stdout);
}

/* A session whose reading ended: 0, or -1 after an "Error: " message. */
static int finish(struct fl_source *s)
{
	struct fl_source_counts c;

	fl_source_finish(s, &c);
	if (!c.n_traces) {
		fprintf(stderr, "Error: %s: no trace received (no such live session on the relay daemon?)\n",
			fl_source_name(s));
		return -1;
	}
	if (!c.dt_events) {
		fprintf(stderr, "Error: %s: no lttng-dt event (lttng_dt_flag, lttng_dt_mark_send, _recv, _write, _read) in the live session\n",
			fl_source_name(s));
		return -1;
	}
	return 0;
}

/*
 * Step every running session once; how many still run, or -1 on an
 * error. *data says whether one of them moved.
 */
static int step_all(struct fl_source **src, size_t n, bool *data)
{
	size_t i, running = 0;

	*data = false;
	for (i = 0; i < n; i++) {
		if (!src[i])
			continue;
		switch (fl_source_step(src[i])) {
		case FL_STEP_OK:
			*data = true;
			break;
		case FL_STEP_AGAIN:
			break;
		case FL_STEP_END:
			if (finish(src[i]))
				return -1;
			fl_source_free(src[i]);
			src[i] = NULL;
			continue;
		default:
			return -1;
		}
		running++;
	}
	return (int)running;
}

static int watch(struct fl_source **src, size_t n, const struct fl_live_opts *o)
{
	const struct timespec idle = { 0, 100 * 1000 * 1000 };
	double next = now_s() + o->interval;
	uint64_t reported = events_read();
	unsigned int nr = 0;
	char what[64];
	bool data;
	int running;

	while (!interrupted) {
		running = step_all(src, n, &data);
		if (running < 0)
			return -1;
		if (!running)
			break;
		if (now_s() >= next) {
			if (events_read() != reported) {
				reported = events_read();
				snprintf(what, sizeof(what), "Live report %u", ++nr);
				report(o, what);
			}
			next = now_s() + o->interval;
		}
		if (!data)
			nanosleep(&idle, NULL);	/* EINTR: a signal, seen above */
	}
	return 0;
}

int fl_live_run(const char *const *urls, size_t n, const struct fl_live_opts *o)
{
	struct fl_source **src = fl_xalloc(n * sizeof(*src));
	struct fl_source_counts c;
	int ret = -1;
	size_t i;

	for (i = 0; i < n; i++)
		if (!(src[i] = fl_source_live(urls[i], o->wait)))
			goto out;
	catch_signals();
	if (watch(src, n, o))
		goto out;
	for (i = 0; i < n; i++)		/* interrupted: end what runs */
		if (src[i])
			fl_source_finish(src[i], &c);
	report(o, interrupted ? "Final report: interrupted" :
	       "Final report: every session ended");
	ret = 0;
out:
	for (i = 0; i < n; i++)
		fl_source_free(src[i]);
	free(src);
	return ret;
}
