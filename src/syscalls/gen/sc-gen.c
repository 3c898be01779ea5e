// SPDX-License-Identifier: GPL-2.0-only
/*
 * sc-gen: write the system-call table of the kernel the modules are
 * built against (run by Kbuild, see ../Kbuild).
 *
 *   sc-gen TABLE SYSCALLS_H AUTOCONF_H OVERRIDES > table.h
 *
 * TABLE is the kernel's syscall table (syscalls_64.h, or unistd_64.h);
 * SYSCALLS_H its include/linux/syscalls.h; AUTOCONF_H its configuration;
 * OVERRIDES our x86_64.overrides. Every number of the table gets an entry
 * from, in order of preference, the overrides' prototype or the header's,
 * changed by the overrides' amendments of that syscall; numbers with
 * neither prototype are listed in a comment and recorded as
 * syscall_entry_unknown / syscall_exit_unknown.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sc-parse.h"

struct protos {
	struct sc_proto *p;
	size_t nr, cap;
};

struct amends {
	struct sc_amend *a;
	size_t nr, cap;
};

/* What the overrides file holds. */
struct overrides {
	struct protos protos;
	struct amends amends;
};

struct table {
	char name[SC_MAX_NR][SC_NAME_LEN];	/* "" where no syscall */
	unsigned int len;			/* highest number + 1 */
};

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			char *b = realloc(buf, cap + 65536);

			if (!b) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = b;
			cap += 65536;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n);
	buf[len] = '\0';
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static const struct sc_proto *find(const struct protos *ps, const char *name)
{
	size_t i;

	for (i = 0; i < ps->nr; i++)
		if (!strcmp(ps->p[i].name, name))
			return &ps->p[i];
	return NULL;
}

/* The first declaration of a name counts (the configuration chose it). */
static int add_proto(const struct sc_proto *p, void *priv)
{
	struct protos *ps = priv;

	if (find(ps, p->name))
		return 0;
	if (ps->nr == ps->cap) {
		struct sc_proto *n;

		ps->cap = ps->cap ? ps->cap * 2 : 512;
		n = realloc(ps->p, ps->cap * sizeof(*n));
		if (!n)
			return -1;
		ps->p = n;
	}
	ps->p[ps->nr++] = *p;
	return 0;
}

static int add_override_proto(const struct sc_proto *p, void *priv)
{
	struct overrides *o = priv;

	return add_proto(p, &o->protos);
}

static int add_amend(const struct sc_amend *am, void *priv)
{
	struct amends *as = &((struct overrides *)priv)->amends;

	if (as->nr == as->cap) {
		struct sc_amend *n;

		as->cap = as->cap ? as->cap * 2 : 256;
		n = realloc(as->a, as->cap * sizeof(*n));
		if (!n)
			return -1;
		as->a = n;
	}
	as->a[as->nr++] = *am;
	return 0;
}

/*
 * The amendments of one syscall, in the file's order. One that names an
 * argument this kernel's prototype lacks is ignored, and said: the
 * kernel renamed it, and the overrides file should follow.
 */
static int amend(struct sc_proto *p, const struct amends *as, const char *path)
{
	size_t i;

	for (i = 0; i < as->nr; i++) {
		const struct sc_amend *am = &as->a[i];
		int ret;

		if (strcmp(am->sc, p->name))
			continue;
		ret = sc_apply_amend(p, am);
		if (ret > 0)
			fprintf(stderr, "sc-gen: %s: warning: %s has no argument %s\n",
				path, p->name, am->arg);
		if (ret < 0) {
			fprintf(stderr, "sc-gen: %s: %s.%s: does not suit the argument\n",
				path, p->name, am->arg);
			return -1;
		}
	}
	return 0;
}

static void read_table(const char *text, struct table *t)
{
	const char *line = text;

	while (line && *line) {
		char name[SC_NAME_LEN];
		unsigned int nr;

		if (sc_parse_table_line(line, &nr, name, sizeof(name)) &&
		    !t->name[nr][0]) {
			strcpy(t->name[nr], name);
			if (nr + 1 > t->len)
				t->len = nr + 1;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
}

static bool described_before(const struct table *t, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (!strcmp(t->name[i], t->name[nr]))
			return true;
	return false;
}

static int emit_table(const struct table *t, const struct protos *header,
		      const struct overrides *overrides, const char *path)
{
	unsigned int nr, missing = 0;

	printf("LTTNG_SC_TABLE_LEN(%u)\n", t->len);
	for (nr = 0; nr < t->len; nr++) {
		const char *name = t->name[nr];
		const struct sc_proto *p;
		struct sc_proto amended;

		if (!name[0])
			continue;
		p = find(&overrides->protos, name);
		if (!p)
			p = find(header, name);
		/* One event per name: a second number gets "unknown". */
		if (!p || !strcmp(name, "ni_syscall") || described_before(t, nr)) {
			printf("/* %u %s: not described, recorded as unknown */\n",
			       nr, name);
			missing++;
			continue;
		}
		amended = *p;
		if (amend(&amended, &overrides->amends, path))
			return -1;
		if (sc_emit(stdout, nr, &amended)) {
			fprintf(stderr, "sc-gen: cannot describe syscall %s\n", name);
			return -1;
		}
	}
	printf("/* %u of %u numbers not described */\n", missing, t->len);
	return 0;
}

int main(int argc, char **argv)
{
	struct protos header = { 0 };
	struct overrides overrides = { 0 };
	static struct table table;
	char *text[4];
	struct sc_config cfg;
	int i, bad_line = 0;

	if (argc != 5) {
		fprintf(stderr, "usage: sc-gen TABLE SYSCALLS_H AUTOCONF_H OVERRIDES\n");
		return 2;
	}
	for (i = 0; i < 4; i++) {
		text[i] = read_file(argv[i + 1]);
		if (!text[i]) {
			fprintf(stderr, "sc-gen: %s: %s\n", argv[i + 1], strerror(errno));
			return 1;
		}
	}
	read_table(text[0], &table);
	if (!table.len) {
		fprintf(stderr, "sc-gen: %s: no syscall found\n", argv[1]);
		return 1;
	}
	if (sc_config_parse(text[2], &cfg) ||
	    sc_scan_header(text[1], &cfg, add_proto, &header)) {
		fprintf(stderr, "sc-gen: %s: cannot read its declarations\n", argv[2]);
		return 1;
	}
	if (sc_scan_overrides(text[3], add_override_proto, add_amend, &overrides,
			      &bad_line)) {
		fprintf(stderr, "sc-gen: %s:%d: not a prototype\n", argv[4], bad_line);
		return 1;
	}
	printf("/* SPDX-License-Identifier: GPL-2.0-only */\n"
	       "/* Generated by sc-gen from %s and %s: do not edit. */\n",
	       argv[1], argv[2]);
	if (emit_table(&table, &header, &overrides, argv[4]) || fflush(stdout))
		return 1;
	sc_config_free(&cfg);
	for (i = 0; i < 4; i++)
		free(text[i]);
	free(header.p);
	free(overrides.protos.p);
	free(overrides.amends.a);
	return 0;
}
