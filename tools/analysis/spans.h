/* SPDX-License-Identifier: GPL-2.0-only */
/* Between spans.c and span-links.c: the steps of a view's building. */
#ifndef _LTTNG_DT_SPANS_H
#define _LTTNG_DT_SPANS_H

#include "flows.h"

/* v->spans made: the links between them, bytes in and out. */
void fl_links_build(struct fl_view *v);
/* v->links made: the requests from the roots, each span's requests. */
void fl_requests_build(struct fl_view *v);

#endif
