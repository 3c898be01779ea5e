// SPDX-License-Identifier: GPL-2.0-only
/*
 * The report: per host its flagged threads and their intervals, and its
 * marked connections; then every connection direction with its sends
 * matched to their receipts across hosts; then (out-text.c) the hosts'
 * clocks and the requests as chains of spans. Times are seconds on the
 * common axis from the first event of all hosts ("+S.NNNNNNNNN"), so
 * that the hosts' times compare. The layout is documented in
 * lttng-dt-flows(1), which scripts may rely on. The other formats
 * (--format) draw the same view (spans.c).
 */
#include <arpa/inet.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "flows.h"
#include "outputs.h"
#include "text-write.h"

static enum fl_format format;
static struct fl_filter filter;
static bool to_file;		/* --output: stdout is that file */
static unsigned int n_reports;

void fl_fmt_ns(char *buf, size_t len, int64_t ns)
{
	char b[FL_NUM_MAX];
	size_t n;

	if (len >= FL_NUM_MAX) {
		fl_fmt_ns_len(buf, ns);
		return;
	}
	if (!len)
		return;
	n = fl_fmt_ns_len(b, ns);	/* truncated as snprintf would */
	if (n >= len)
		n = len - 1;
	memcpy(buf, b, n);
	buf[n] = '\0';
}

/* On the common axis, from the first event of all hosts. */
static void print_rel(const struct fl_host *h, int64_t t)
{
	fl_put("+");
	fl_put_ns(fl_axis(h, t) - fl_axis_origin());
}

void fl_fmt_utc(char *buf, size_t len, int64_t ns)
{
	int64_t sec = ns / 1000000000, frac = ns % 1000000000;
	time_t tt;
	struct tm tm;
	char d[40];

	if (frac < 0) {
		frac += 1000000000;
		sec--;
	}
	tt = (time_t)sec;
	strftime(d, sizeof(d), "%Y-%m-%d %H:%M:%S", gmtime_r(&tt, &tm));
	snprintf(buf, len, "%s.%09lld", d, (long long)frac);
}

void fl_fmt_reasons(char *buf, size_t len, unsigned int reasons)
{
	const char *sep = "";
	unsigned int r;
	size_t n = 0;

	buf[0] = 0;
	for (r = 0; r < FL_NR_REASONS && n < len; r++)
		if (reasons & (1u << r)) {
			n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, fl_reason_name(r));
			sep = ",";
		}
}

const char *fl_clock_how_name(enum fl_clock_how how)
{
	static const char *const names[] = {
		[FL_CLOCK_REF] = "reference", [FL_CLOCK_ESTIMATED] = "estimated",
		[FL_CLOCK_GIVEN] = "given", [FL_CLOCK_TRACE] = "trace",
	};

	return names[how];
}

static void print_reasons(unsigned int reasons)
{
	const char *sep = "";
	unsigned int r;

	for (r = 0; r < FL_NR_REASONS; r++)
		if (reasons & (1u << r)) {
			fl_put(sep);
			fl_put(fl_reason_name(r));
			sep = ",";
		}
}

/* a.b.c.d, for the IPv4 addresses most connections have. */
static size_t fmt_ipv4(char *buf, const uint8_t *a)
{
	size_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			buf[n++] = '.';
		n += fl_fmt_u64(buf + n, a[i]);
	}
	return n;
}

void fl_print_addr(const struct fl_key *k, bool src, char *buf, size_t len)
{
	const uint8_t *a = src ? k->saddr : k->daddr;
	static const uint8_t v4mapped[12] = { [10] = 0xff, [11] = 0xff };
	char ip[INET6_ADDRSTRLEN];

	if (!memcmp(a, v4mapped, sizeof(v4mapped)) && len >= 2 * FL_NUM_MAX) {
		size_t n = fmt_ipv4(buf, a + 12);

		buf[n++] = ':';
		fl_fmt_u64(buf + n, src ? k->sport : k->dport);
	} else if (!memcmp(a, v4mapped, sizeof(v4mapped))) {
		inet_ntop(AF_INET, a + 12, ip, sizeof(ip));
		snprintf(buf, len, "%s:%u", ip, src ? k->sport : k->dport);
	} else {
		inet_ntop(AF_INET6, a, ip, sizeof(ip));
		snprintf(buf, len, "[%s]:%u", ip, src ? k->sport : k->dport);
	}
}

void fl_fmt_key(char *buf, size_t len, const struct fl_key *k)
{
	char s[64], d[64];

	fl_print_addr(k, true, s, sizeof(s));
	fl_print_addr(k, false, d, sizeof(d));
	snprintf(buf, len, "%s -> %s", s, d);
}

static void print_key(const struct fl_key *k)
{
	char b[64];

	fl_print_addr(k, true, b, sizeof(b));
	fl_put(b);
	fl_put(" -> ");
	fl_print_addr(k, false, b, sizeof(b));
	fl_put(b);
}

/*
 * A thread still flagged (a live session's report while it runs): its
 * open interval so far, up to the host's last event, and its time on
 * CPU in it. A finished trace has none: fl_trace_end() closed them.
 */
static void open_part(const struct fl_host *h, const struct fl_thread *t,
		      int64_t *flagged, int64_t *on_cpu)
{
	*flagged = *on_cpu = 0;
	if (!t->reasons_now)
		return;
	if (h->last > t->iv_begin)
		*flagged = h->last - t->iv_begin;
	if (t->on_cpu && h->last > t->acc_from)
		*on_cpu = h->last - t->acc_from;
}

static void print_interval(const struct fl_host *h, int64_t begin, int64_t end,
			   unsigned int reasons, const char *note)
{
	fl_put("    ");
	print_rel(h, begin);
	fl_put(" .. ");
	print_rel(h, end);
	fl_put("  ");
	fl_put_ns(end - begin);
	fl_put(" s  ");
	print_reasons(reasons);
	fl_put(note);
	fl_put("\n");
}

/* An interval's note, and whether events were lost while it lasted. */
static const char *interval_note(const char *note, bool uncertain)
{
	static char buf[96];

	if (!uncertain)
		return note;
	snprintf(buf, sizeof(buf), "%s  (uncertain: events lost)", note);
	return buf;
}

static void print_thread(const struct fl_host *h, const struct fl_thread *t)
{
	int64_t open_ns, open_cpu_ns;
	size_t i, n_iv = t->n_iv + (t->reasons_now != 0);

	open_part(h, t, &open_ns, &open_cpu_ns);
	fl_put("  thread ");
	fl_put_d(t->tid);
	fl_put(" pid ");
	fl_put_d(t->pid);
	fl_put(" ");
	fl_put(t->procname[0] ? t->procname : "?");
	fl_put(": ");
	print_reasons(t->reasons_seen);
	fl_put("; ");
	fl_put_u(n_iv);
	fl_put(n_iv == 1 ? " interval, flagged " : " intervals, flagged ");
	fl_put_ns(t->flagged_ns + open_ns);
	fl_put(" s, on CPU ");
	if (h->sched_switch_enabled) {
		fl_put_ns(t->on_cpu_ns + open_cpu_ns);
		fl_put(" s\n");
	} else {
		fl_put("n/a\n");
	}
	for (i = 0; i < t->n_iv; i++)
		print_interval(h, t->iv[i].begin, t->iv[i].end, t->iv[i].reasons,
			       interval_note(t->iv[i].open_at_end ? "  (open at trace end)" : "",
					     t->iv[i].uncertain));
	if (t->reasons_now)
		print_interval(h, t->iv_begin, t->iv_begin + open_ns, t->iv_reasons,
			       interval_note("  (still flagged)",
					     fl_host_lost_between(h, t->iv_begin, h->last)));
}

/* h's threads that were flagged, by tid, in an array the caller frees. */
static size_t flagged_threads(const struct fl_host *h, struct fl_thread ***out)
{
	size_t n = fl_host_threads(h, out), i, k = 0;

	for (i = 0; i < n; i++)
		if ((*out)[i]->n_iv || (*out)[i]->reasons_now)
			(*out)[k++] = (*out)[i];
	return k;
}

static void print_side(const struct fl_host *h, const char *what,
		       const struct fl_conn_side *s)
{
	if (!s->segments)
		return;
	fl_put("    ");
	fl_put(what);
	fl_put(" ");
	fl_put_u(s->segments);
	fl_put(" segments, ");
	fl_put_u(s->bytes);
	fl_put(" bytes, ");
	print_rel(h, s->first);
	fl_put(" .. ");
	print_rel(h, s->last);
	fl_put("\n");
}

/*
 * What the reader must know of a host before its numbers: that its
 * hostname is another host's too (told apart by the clock UUID), that
 * its tracer lost events.
 */
static void print_host_notes(const struct fl_host *h)
{
	char uuid[37] = "none";

	if (h->same_hostname > 1) {
		if (h->has_clock_uuid)
			fl_uuid_format(h->clock_uuid, uuid);
		printf("  Note: hostname %s names %u hosts, told apart by their clock UUID (boot id); this one's: %s, first trace %s\n",
		       h->hostname, h->same_hostname, uuid,
		       h->first_trace ? h->first_trace : "?");
	}
	if (h->events_discarded || h->packets_discarded || h->n_lost)
		printf("  Lost on %s: %llu events and %llu packets discarded by the tracer; flag intervals during the losses are marked (uncertain)\n",
		       h->name, (unsigned long long)h->events_discarded,
		       (unsigned long long)h->packets_discarded);
}

/*
 * The threads that wrote or read a direction's marked bytes here
 * (lttng_dt_mark_write, lttng_dt_mark_read): a receipt's context is
 * whoever ran when it arrived, these are the threads themselves.
 */
static void print_io(const struct fl_host *h, const struct fl_key *k, bool write)
{
	struct fl_conn_io *io;
	size_t n = fl_conn_io(h, k, write, &io), i;

	for (i = 0; i < n; i++)
		printf("    %s by thread %d: %llu call%s, %llu bytes\n",
		       write ? "written" : "read", io[i].tid,
		       (unsigned long long)io[i].calls, io[i].calls == 1 ? "" : "s",
		       (unsigned long long)io[i].bytes);
	g_free(io);
}

static void print_host(const struct fl_host *h)
{
	struct fl_thread **v;
	struct fl_conn **c;
	char when[64], b[40];
	/* its first event on the axis: the hosts' dates compare */
	time_t sec = (time_t)(fl_axis(h, h->first) / 1000000000);
	struct tm tm;
	size_t n, i;

	n = flagged_threads(h, &v);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", gmtime_r(&sec, &tm));
	fl_fmt_ns(b, sizeof(b), h->last - h->first);
	printf("Host %s: %u trace%s, %llu events from %s UTC over %s s\n", h->name,
	       h->n_traces, h->n_traces == 1 ? "" : "s",
	       (unsigned long long)h->n_events, when, b);
	print_host_notes(h);
	printf("Flagged threads on %s: %zu%s\n", h->name, n,
	       h->sched_switch_enabled ? "" : " (sched_switch not recorded: on-CPU time n/a)");
	for (i = 0; i < n; i++)
		print_thread(h, v[i]);
	free(v);
	printf("Marked connections on %s:\n", h->name);
	n = fl_host_conns(h, &c);
	for (i = 0; i < n; i++) {
		fl_put("  ");
		print_key(&c[i]->key);
		fl_put("\n");
		print_side(h, "sent", &c[i]->sent);
		print_side(h, "received", &c[i]->received);
		print_io(h, &c[i]->key, true);
		print_io(h, &c[i]->key, false);
	}
	free(c);
	printf("\n");
}

/*
 * The first segment's delay on the common axis: exact on one host,
 * within the two clocks' bounds across hosts when they were aligned,
 * a raw difference when one has no offset (its trace's clock).
 */
static void print_delay(const struct fl_match *m)
{
	const struct fl_clock *a = fl_clock_of(m->send_host);
	const struct fl_clock *r = fl_clock_of(m->recv_host);
	int64_t d = m->first_delay - r->offset + a->offset;

	fl_put("; first segment's one-way delay ");
	fl_put_ns(d);
	fl_put(" s");
	if (m->send_host == m->recv_host) {
		fl_put(" (one clock)");
	} else if (a->how == FL_CLOCK_TRACE || r->how == FL_CLOCK_TRACE) {
		fl_put(" (trace clocks, not aligned)");
	} else {
		fl_put(" (common axis, +/- ");
		fl_put_ns(a->bound + r->bound);
		fl_put(" s)");
	}
}

static void print_match(const struct fl_conn *c, struct fl_match *tot)
{
	struct fl_match m;

	fl_conn_match(&c->key, &m);
	fl_put("  ");
	print_key(&c->key);
	fl_put(": ");
	fl_put_u(m.sent);
	fl_put(" sent");
	if (m.send_host) {
		fl_put(" on ");
		fl_put(m.send_host->name);
	}
	fl_put(", ");
	fl_put_u(m.received);
	fl_put(" received");
	if (m.recv_host) {
		fl_put(" on ");
		fl_put(m.recv_host->name);
	}
	fl_put(", ");
	fl_put_u(m.matched);
	fl_put(" matched");
	if (m.have_delay)
		print_delay(&m);
	fl_put("\n");
	tot->sent += m.sent;
	tot->received += m.received;
	tot->matched += m.matched;
}

/* Each direction once, from the first host that saw it. */
static void print_matches(struct fl_match *tot)
{
	GHashTable *seen = g_hash_table_new(fl_key_hash, fl_key_equal);
	const struct fl_host *h;
	struct fl_conn **c;
	size_t n, i;

	for (h = fl_hosts(); h; h = h->next) {
		n = fl_host_conns(h, &c);
		for (i = 0; i < n; i++)
			if (g_hash_table_add(seen, &c[i]->key))
				print_match(c[i], tot);
		free(c);
	}
	g_hash_table_destroy(seen);
}

int fl_format_parse(const char *name)
{
	static const char *const names[] = {
		[FL_FORMAT_TEXT] = "text", [FL_FORMAT_JSON] = "json",
		[FL_FORMAT_CHROME] = "chrome", [FL_FORMAT_SVG] = "svg",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i]))
			return (int)i;
	return -1;
}

void fl_output_setup(enum fl_format f, const struct fl_filter *flt, bool file)
{
	format = f;
	filter = *flt;
	to_file = file;
}

/*
 * A live session's next report, in a file and a format that is one
 * document (JSON, SVG): it replaces the previous one, so that the file
 * always opens. Text reports follow each other.
 */
static void rewind_document(void)
{
	if (!to_file || format == FL_FORMAT_TEXT || !n_reports++)
		return;
	fflush(stdout);
	if (ftruncate(fileno(stdout), 0) == 0)
		rewind(stdout);
}

/* --host: the per-host sections of those hosts only. */
static bool host_shown(const struct fl_host *h)
{
	const char *const *n;

	if (!filter.hosts)
		return true;
	for (n = filter.hosts; *n; n++)
		if (!strcmp(*n, h->name))
			return true;
	return false;
}

static gpointer make_view(gpointer f)
{
	return fl_view_make(f);
}

/*
 * The per-host sections and the matches need no view: they are printed
 * while another thread makes it (a third of a large report's time),
 * from what fl_view_prepare() finished and the view's making leaves
 * alone; then the view's sections.
 */
static void print_text(void)
{
	const struct fl_host *h;
	struct fl_match tot = { 0 };
	struct fl_view *v;
	GThread *maker;

	fl_view_prepare();
	maker = g_thread_new("view", make_view, &filter);
	for (h = fl_hosts(); h; h = h->next)
		if (host_shown(h))
			print_host(h);
	printf("Sends matched to receipts (addresses, ports, seq), all hosts:\n");
	print_matches(&tot);
	printf("Total: %llu marked segments sent, %llu received, %llu matched\n",
	       (unsigned long long)tot.sent, (unsigned long long)tot.received,
	       (unsigned long long)tot.matched);
	v = g_thread_join(maker);
	fl_out_text(v);
	fl_view_free(v);
}

/* The view is built afresh: a live session's report can come again. */
void fl_print_report(void)
{
	struct fl_view *v;

	rewind_document();
	if (format == FL_FORMAT_TEXT) {
		print_text();
		return;
	}
	v = fl_view_build(&filter);
	switch (format) {
	case FL_FORMAT_JSON:
		fl_out_json(v);
		break;
	case FL_FORMAT_CHROME:
		fl_out_chrome(v);
		break;
	case FL_FORMAT_SVG:
		fl_out_svg(v);
		break;
	default:
		break;
	}
	fl_view_free(v);
}

void fl_print_hosts(void)
{
	const struct fl_host *h;

	for (h = fl_hosts(); h; h = h->next)
		printf("%s: %u trace%s, %llu events, %llu lttng-dt events\n",
		       h->name, h->n_traces, h->n_traces == 1 ? "" : "s",
		       (unsigned long long)h->n_events,
		       (unsigned long long)h->n_dt_events);
}
