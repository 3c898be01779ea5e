// SPDX-License-Identifier: GPL-2.0-only
/*
 * The traces under the paths given: every directory holding a
 * "metadata" file, at any depth, grouped by the trace UUID its metadata
 * declares. A rotated session writes each chunk as a trace directory
 * of its own (SESSION/archives/BEGIN-END-N/kernel/ and the current
 * chunk), all with the session's trace UUID; source.ctf.fs given them
 * all as inputs reads them as one trace, so a thread flagged across a
 * rotation has one interval, not one per chunk ending at the chunk's
 * end. A directory whose metadata has no UUID (or cannot be read: its
 * reading will say why) is a group of its own.
 *
 * The UUID is read here, before babeltrace2 opens anything: from the
 * header of packetized metadata (lttng's, which carries it in every
 * packet), or from the text's top-level trace block.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "flows.h"

#define METADATA_HEAD	65536	/* the trace block comes first */

static const unsigned char packet_magic_le[4] = { 0x57, 0x1d, 0xd1, 0x75 };
static const unsigned char packet_magic_be[4] = { 0x75, 0xd1, 0x1d, 0x57 };

static int hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "8-4-4-4-12" hex digits into 16 bytes; 0 or -1. */
int fl_uuid_parse(const char *s, size_t len, unsigned char uuid[16])
{
	size_t i, n = 0;
	int hi, lo;

	for (i = 0; i < len && n < 16; i++) {
		if (s[i] == '-')
			continue;
		if (i + 1 >= len || (hi = hex(s[i])) < 0 || (lo = hex(s[i + 1])) < 0)
			return -1;
		uuid[n++] = (unsigned char)(hi << 4 | lo);
		i++;
	}
	return n == 16 && i == len ? 0 : -1;
}

/* 16 bytes as "8-4-4-4-12" hex digits. */
void fl_uuid_format(const unsigned char uuid[16], char out[37])
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*out++ = '-';
		*out++ = digits[uuid[i] >> 4];
		*out++ = digits[uuid[i] & 15];
	}
	*out = '\0';
}

/* Past a comment or string at p, or p itself if it starts neither. */
static const char *skip_lexeme(const char *p, const char *end)
{
	if (p + 1 < end && p[0] == '/' && p[1] == '*') {
		for (p += 2; p + 1 < end && !(p[0] == '*' && p[1] == '/'); p++)
			;
		return p + 1 < end ? p + 2 : end;
	}
	if (p + 1 < end && p[0] == '/' && p[1] == '/') {
		while (p < end && *p != '\n')
			p++;
		return p;
	}
	if (*p == '"') {
		for (p++; p < end && *p != '"'; p++)
			if (*p == '\\')
				p++;
		return p < end ? p + 1 : end;
	}
	return p;
}

static bool is_ident(char c)
{
	return c == '_' || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* After "uuid" in the trace block: = "TEXT". */
static int uuid_value(const char *p, const char *end, unsigned char uuid[16])
{
	const char *q;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p >= end || *p++ != '=')
		return -1;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p >= end || *p != '"')
		return -1;
	q = memchr(p + 1, '"', (size_t)(end - p - 1));
	return q ? fl_uuid_parse(p + 1, (size_t)(q - p - 1), uuid) : -1;
}

/*
 * TSDL: the uuid of the top-level "trace { ... }" block, at its own
 * level (not a clock's, nor a field's inside a nested struct).
 */
static int text_uuid(const char *p, const char *end, unsigned char uuid[16])
{
	bool after_trace = false, in_trace = false;
	int depth = 0;
	const char *q;

	while (p < end) {
		q = skip_lexeme(p, end);
		if (q != p) {
			p = q;
			continue;
		}
		if (is_ident(*p)) {
			for (q = p; q < end && is_ident(*q); q++)
				;
			after_trace = depth == 0 && q - p == 5 && !strncmp(p, "trace", 5);
			if (in_trace && depth == 1 && q - p == 4 &&
			    !strncmp(p, "uuid", 4) && !uuid_value(q, end, uuid))
				return 0;
			p = q;
			continue;
		}
		if (*p == '{') {
			if (depth++ == 0)
				in_trace = after_trace;
		} else if (*p == '}') {
			if (--depth <= 0)
				in_trace = false;
		}
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			after_trace = false;
		p++;
	}
	return -1;
}

int fl_trace_uuid(const char *dir, unsigned char uuid[16])
{
	char path[4096], *buf = fl_xalloc(METADATA_HEAD);
	size_t n;
	FILE *f;
	int ret = -1;

	snprintf(path, sizeof(path), "%s/metadata", dir);
	f = fopen(path, "rb");
	if (!f)
		goto out;
	n = fread(buf, 1, METADATA_HEAD, f);
	fclose(f);
	if (n >= 20 && (!memcmp(buf, packet_magic_le, 4) ||
			!memcmp(buf, packet_magic_be, 4))) {
		memcpy(uuid, buf + 4, 16);
		ret = 0;
	} else {
		ret = text_uuid(buf, buf + n, uuid);
	}
out:
	free(buf);
	return ret;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir's entries but dot files, in name order, in an array the caller frees. */
static size_t dir_names(const char *path, char ***out)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *d = opendir(path);

	*out = NULL;
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			names = realloc(names, cap * sizeof(*names));
			if (!names)
				fl_oom();
		}
		names[n] = strdup(de->d_name);
		if (!names[n++])
			fl_oom();
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), name_cmp);
	*out = names;
	return n;
}

struct groups {
	struct fl_trace_group *v;
	size_t n, cap;
	size_t path;			/* the index of the path being walked */
	size_t n_dirs;			/* under that path */
};

static void group_add_dir(struct fl_trace_group *g, const char *dir, size_t path)
{
	g->dirs = realloc(g->dirs, (g->n_dirs + 1) * sizeof(*g->dirs));
	if (!g->dirs)
		fl_oom();
	g->dirs[g->n_dirs].dir = strdup(dir);
	g->dirs[g->n_dirs].path = path;
	if (!g->dirs[g->n_dirs++].dir)
		fl_oom();
}

/* A trace directory into the group of its UUID, or a new group. */
static void add_trace(struct groups *gs, const char *dir)
{
	unsigned char uuid[16];
	bool has_uuid = !fl_trace_uuid(dir, uuid);
	struct fl_trace_group *g;
	size_t i;

	gs->n_dirs++;
	for (i = 0; has_uuid && i < gs->n; i++)
		if (gs->v[i].has_uuid && !memcmp(gs->v[i].uuid, uuid, 16)) {
			group_add_dir(&gs->v[i], dir, gs->path);
			return;
		}
	if (gs->n == gs->cap) {
		gs->cap = gs->cap ? 2 * gs->cap : 8;
		gs->v = realloc(gs->v, gs->cap * sizeof(*gs->v));
		if (!gs->v)
			fl_oom();
	}
	g = &gs->v[gs->n++];
	memset(g, 0, sizeof(*g));
	g->has_uuid = has_uuid;
	if (has_uuid)
		memcpy(g->uuid, uuid, 16);
	group_add_dir(g, dir, gs->path);
}

/* Every trace directory under path, depth first, in name order. */
static void walk(const char *path, struct groups *gs)
{
	char buf[4096], **names;
	struct stat st;
	size_t n, i;

	snprintf(buf, sizeof(buf), "%s/metadata", path);
	if (!stat(buf, &st) && S_ISREG(st.st_mode)) {
		add_trace(gs, path);
		return;
	}
	n = dir_names(path, &names);
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%s/%s", path, names[i]);
		if (!stat(buf, &st) && S_ISDIR(st.st_mode))
			walk(buf, gs);
		free(names[i]);
	}
	free(names);
}

/*
 * The groups of the traces under the paths, in the order their first
 * directory was found; a path that does not exist, is no directory or
 * holds no trace gets an "Error: " line and bad[i] set.
 */
size_t fl_trace_groups(const char *const *paths, size_t n_paths,
		       struct fl_trace_group **out, bool *bad)
{
	struct groups gs = { 0 };
	struct stat st;

	for (gs.path = 0; gs.path < n_paths; gs.path++) {
		const char *p = paths[gs.path];

		bad[gs.path] = true;
		if (stat(p, &st)) {
			fprintf(stderr, "Error: %s: %s\n", p, strerror(errno));
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			fprintf(stderr, "Error: %s: not a directory\n", p);
			continue;
		}
		gs.n_dirs = 0;
		walk(p, &gs);
		if (!gs.n_dirs) {
			fprintf(stderr, "Error: %s: no CTF trace found\n", p);
			continue;
		}
		bad[gs.path] = false;
	}
	*out = gs.v;
	return gs.n;
}

void fl_trace_groups_free(struct fl_trace_group *g, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < g[i].n_dirs; j++)
			free(g[i].dirs[j].dir);
		free(g[i].dirs);
	}
	free(g);
}
