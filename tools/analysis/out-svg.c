// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format svg: a timeline to look at in any browser or image viewer.
 * One lane per thread under its host's heading, spans as bars on the
 * common axis (one colour per request, grey for none, a dashed outline
 * where requests could not be kept apart), links as arrows from the
 * write to the read, a time scale at the top and a legend at the bottom.
 * Plain SVG 1.1, no script, no external font or style.
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"
#include "outputs.h"

#define SVG_W		1200
#define LABEL_W		280
#define RIGHT_M		40
#define PLOT_W		(SVG_W - LABEL_W - RIGHT_M)
#define TOP		70
#define LANE_H		24
#define HOST_H		24

static const char *const palette[] = {
	"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
	"#9467bd", "#8c564b", "#e377c2", "#17becf",
};

struct lane {
	const struct fl_host *host;
	int tid;
	int y;			/* top; a host's heading has tid -1 */
	const struct fl_span *any;
};

struct layout {
	struct lane *lanes;
	size_t n;
	int64_t t0, t1;
	int height;
};

/* XML text: escaped, valid UTF-8 (a procname may not be), no controls. */
static void text_esc(const char *str)
{
	char *valid = g_utf8_make_valid(str, -1);
	const char *s;

	for (s = valid; *s; s++) {
		if (*s == '&')
			printf("&amp;");
		else if (*s == '<')
			printf("&lt;");
		else if (*s == '>')
			printf("&gt;");
		else if ((unsigned char)*s >= 0x20)
			putchar(*s);
	}
	g_free(valid);
}

static double x_of(const struct layout *l, int64_t t)
{
	return LABEL_W + (double)(t - l->t0) * PLOT_W / (double)(l->t1 - l->t0);
}

static const struct lane *lane_of(const struct layout *l, const struct fl_span *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->lanes[i].host == s->host && l->lanes[i].tid == s->tid)
			return &l->lanes[i];
	return NULL;
}

static void lane_add(struct layout *l, const struct fl_host *h, int tid,
		     const struct fl_span *s, int *y)
{
	struct lane *ln;

	l->lanes = realloc(l->lanes, (l->n + 1) * sizeof(*l->lanes));
	if (!l->lanes)
		fl_oom();
	ln = &l->lanes[l->n++];
	ln->host = h;
	ln->tid = tid;
	ln->y = *y;
	ln->any = s;
	*y += tid < 0 ? HOST_H : LANE_H;
}

static int span_lane_cmp(const void *a, const void *b)
{
	const struct fl_span *x = *(const struct fl_span *const *)a;
	const struct fl_span *y = *(const struct fl_span *const *)b;

	return (x->tid > y->tid) - (x->tid < y->tid);
}

/* Hosts in the order read, threads by tid: the shown spans' lanes. */
static void layout(struct layout *l, const struct fl_view *v)
{
	const struct fl_span **ss = calloc(v->n_spans + 1, sizeof(*ss));
	const struct fl_host *h;
	int y = TOP;
	size_t i, n;

	if (!ss)
		fl_oom();
	l->t0 = INT64_MAX;
	l->t1 = INT64_MIN;
	for (h = fl_hosts(); h; h = h->next) {
		for (i = 0, n = 0; i < v->n_spans; i++)
			if (v->spans[i].shown && v->spans[i].host == h)
				ss[n++] = &v->spans[i];
		if (!n)
			continue;
		qsort(ss, n, sizeof(*ss), span_lane_cmp);
		lane_add(l, h, -1, NULL, &y);
		for (i = 0; i < n; i++) {
			if (!i || ss[i]->tid != ss[i - 1]->tid)
				lane_add(l, h, ss[i]->tid, ss[i], &y);
			if (ss[i]->begin < l->t0)
				l->t0 = ss[i]->begin;
			if (ss[i]->end > l->t1)
				l->t1 = ss[i]->end;
		}
	}
	free(ss);
	if (l->t0 == INT64_MAX)
		l->t0 = l->t1 = v->origin;
	if (l->t1 <= l->t0)
		l->t1 = l->t0 + 1;
	l->height = y + 70;
}

/* 1, 2 or 5 times a power of ten, for about eight ticks. */
static int64_t tick_step(int64_t range)
{
	int64_t p = 1;

	while (p * 10 <= range / 8)
		p *= 10;
	if (p * 5 <= range / 8)
		return p * 5;
	if (p * 2 <= range / 8)
		return p * 2;
	return p;
}

static void scale(const struct layout *l, const struct fl_view *v)
{
	int64_t step = tick_step(l->t1 - l->t0), t, unit = 1000000000;
	int decimals = 0;

	/* as many decimals of a second as the step needs */
	while (decimals < 9 && step % unit) {
		unit /= 10;
		decimals++;
	}
	printf("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n",
	       LABEL_W, TOP - 10, LABEL_W + PLOT_W, TOP - 10);
	t = l->t0 - v->origin;
	t = (t / step) * step + v->origin;
	if (t < l->t0)
		t += step;
	for (; t <= l->t1; t += step) {
		double x = x_of(l, t);

		printf("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
		       x, TOP - 10, x, l->height - 60);
		printf("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
		       "+%.*f s</text>\n", x, TOP - 16, decimals,
		       (double)(t - v->origin) / 1e9);
	}
}

/* Next to a host's name: how its clock was put on the axis. */
static void clock_note(const struct fl_host *h, int y)
{
	const struct fl_clock *c = fl_clock_of(h);
	char o[40], b[40];

	fl_fmt_ns(o, sizeof(o), c->offset);
	fl_fmt_ns(b, sizeof(b), c->bound);
	printf("<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">", LABEL_W, y);
	if (c->how == FL_CLOCK_REF)
		printf("reference clock");
	else if (c->how == FL_CLOCK_ESTIMATED)
		printf("clock offset %s s \xc2\xb1 %s s (estimated)", o, b);
	else if (c->how == FL_CLOCK_GIVEN)
		printf("clock offset %s s (given)", o);
	else
		printf("own clock: no estimate");
	printf("</text>\n");
}

static void lanes(const struct layout *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct lane *ln = &l->lanes[i];

		if (ln->tid < 0) {
			printf("<text x=\"6\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">host ",
			       ln->y + 17);
			text_esc(ln->host->name);
			printf("</text>\n");
			clock_note(ln->host, ln->y + 17);
			continue;
		}
		printf("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
		       LABEL_W, ln->y, PLOT_W, LANE_H, i % 2 ? "#f7f7f7" : "#efefef");
		printf("<text x=\"18\" y=\"%d\" font-size=\"12\">", ln->y + 16);
		text_esc(ln->any->procname);
		printf(" (tid %d, pid %d)</text>\n", ln->tid, ln->any->pid);
	}
}

static void bar(const struct layout *l, const struct fl_span *s)
{
	const struct lane *ln = lane_of(l, s);
	double x = x_of(l, s->begin), w = x_of(l, s->end) - x;
	const char *fill = s->n_requests ?
		palette[(s->requests[0] - 1) % (sizeof(palette) / sizeof(palette[0]))] :
		"#999";

	if (w < 2)
		w = 2;	/* a short span still shows */
	printf("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s>"
	       "<title>span %u: %lld ns</title></rect>\n", x, ln->y + 4, w, LANE_H - 8,
	       fill, s->n_requests > 1 ?
	       " stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"" : "",
	       s->id, (long long)(s->end - s->begin));
	if (w > 60)
		printf("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#fff\">span %u</text>\n",
		       x + 3, ln->y + 16, s->id);
}

static void arrow(const struct layout *l, const struct fl_link *k)
{
	const struct lane *a = lane_of(l, k->from), *b = lane_of(l, k->to);

	printf("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b00\" "
	       "stroke-width=\"1.5\"%s marker-end=\"url(#arrow)\"><title>%llu B",
	       x_of(l, k->written), a->y + LANE_H / 2, x_of(l, k->read),
	       b->y + LANE_H / 2, k->heuristic ? " stroke-dasharray=\"3 3\"" : "",
	       (unsigned long long)k->bytes);
	if (k->have_net)
		printf(", network delay %lld ns", (long long)(k->received - k->sent));
	printf("</title></line>\n");
}

static void legend(const struct layout *l, const struct fl_view *v)
{
	int x = LABEL_W, y = l->height - 40;
	size_t i;

	for (i = 0; i < v->n_requests && i < 8; i++, x += 110) {
		printf("<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>",
		       x, y, palette[i]);
		printf("<text x=\"%d\" y=\"%d\" font-size=\"12\">request %u</text>\n",
		       x + 18, y + 12, v->requests[i].id);
	}
	printf("<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"#999\"/>"
	       "<text x=\"%d\" y=\"%d\" font-size=\"12\">no request</text>\n",
	       x, y, x + 18, y + 12);
	printf("<text x=\"%d\" y=\"%d\" font-size=\"12\">Bars: flagged intervals (spans); "
	       "arrows: marked bytes written, then read; dashed outline: requests not kept "
	       "apart; dashed arrow: guessed.</text>\n", LABEL_W, y + 32);
}

void fl_out_svg(const struct fl_view *v)
{
	struct layout l = { 0 };
	char utc[64];
	size_t i;

	layout(&l, v);
	fl_fmt_utc(utc, sizeof(utc), v->origin);
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	       "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
	       "height=\"%d\" font-family=\"sans-serif\">\n"
	       "<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" "
	       "refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#b00\"/>"
	       "</marker></defs>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
	       SVG_W, l.height);
	printf("<text x=\"6\" y=\"20\" font-size=\"15\" font-weight=\"bold\">lttng-dt-flows: "
	       "%zu request%s, time on the clock of ", v->n_requests,
	       v->n_requests == 1 ? "" : "s");
	text_esc(fl_clock_ref() ? fl_clock_ref()->name : "(none)");
	printf(", +0 = %s UTC</text>\n", utc);
	scale(&l, v);
	lanes(&l);
	for (i = 0; i < v->n_spans; i++)
		if (v->spans[i].shown)
			bar(&l, &v->spans[i]);
	for (i = 0; i < v->n_links; i++)
		if (v->links[i].shown)
			arrow(&l, &v->links[i]);
	legend(&l, v);
	printf("</svg>\n");
	free(l.lanes);
}
