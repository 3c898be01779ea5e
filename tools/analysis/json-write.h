/* SPDX-License-Identifier: GPL-2.0-only */
/* JSON strings for out-json.c and out-chrome.c. */
#ifndef _LTTNG_DT_JSON_WRITE_H
#define _LTTNG_DT_JSON_WRITE_H

/* s as a JSON string, quoted and escaped, to stdout. */
void fl_json_str(const char *s);

#endif
