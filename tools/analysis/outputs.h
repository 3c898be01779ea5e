/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The report's formats. output.c picks one (--format) and builds the
 * view (spans.c) they all draw; each out-*.c writes it to stdout. Times
 * are on the common axis (clock-offset.c), from v->origin.
 */
#ifndef _LTTNG_DT_OUTPUTS_H
#define _LTTNG_DT_OUTPUTS_H

#include <stdio.h>

#include "flows.h"

enum fl_format { FL_FORMAT_TEXT, FL_FORMAT_JSON, FL_FORMAT_CHROME,
		 FL_FORMAT_SVG };

/* "text", "json", "chrome", "svg"; -1 if none. */
int fl_format_parse(const char *name);
/* What every later fl_print_report() prints; file: stdout is --output's. */
void fl_output_setup(enum fl_format format, const struct fl_filter *filter,
		     bool file);

/* Shared by the formats. */
void fl_fmt_ns(char *buf, size_t len, int64_t ns);	/* "-S.NNNNNNNNN" */
void fl_fmt_utc(char *buf, size_t len, int64_t ns);	/* "YYYY-MM-DD HH:MM:SS.NNNNNNNNN" */
void fl_fmt_key(char *buf, size_t len, const struct fl_key *k);
const char *fl_clock_how_name(enum fl_clock_how how);
/* "manual,network" */
void fl_fmt_reasons(char *buf, size_t len, unsigned int reasons);

void fl_out_text(const struct fl_view *v);	/* out-text.c: clocks, requests */
void fl_out_json(const struct fl_view *v);	/* out-json.c */
void fl_out_chrome(const struct fl_view *v);	/* out-chrome.c */
void fl_out_svg(const struct fl_view *v);	/* out-svg.c */

#endif
