// SPDX-License-Identifier: GPL-2.0-only
/*
 * A JSON string: quotes, backslashes and control characters escaped
 * (RFC 8259, section 7). Names come from traces: a procname may hold
 * anything a process chose to call itself, invalid UTF-8 included, which
 * becomes U+FFFD (JSON text is UTF-8).
 */
#include <glib.h>
#include <stdio.h>

#include "json-write.h"

void fl_json_str(const char *s)
{
	char *valid = g_utf8_make_valid(s, -1);
	const unsigned char *p = (const unsigned char *)valid;

	putchar('"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
	g_free(valid);
}
