// SPDX-License-Identifier: GPL-2.0-only
/*
 * ctf-compare: compare our CTF 1.8 metadata with upstream lttng-modules'
 * event by event, and say for each upstream tracepoint event, native
 * syscall, compat syscall and context whether ours is identical, missing
 * or different (doc/upstream-yardstick.md, "Conformance").
 *
 *   ctf-compare [--accepted DOC] [--contexts UP.txt OURS.txt] UPSTREAM OURS
 *   ctf-compare --dump METADATA
 *
 * A syscall is its entry and exit events together; a context is one field
 * of the streams' event context (a sequence with the length field before
 * it counts once). Events and contexts only ours has are listed, and are
 * not differences. DOC's table between the markers
 * "<!-- conformance-accepted:begin -->" and ":end -->" accepts differences:
 * rows "| KIND | NAME | REASON |", KIND one of event, syscall,
 * compat_syscall, context, NAME a name or a glob (*, ?), REASON required.
 * The --contexts files list, one a line, the contexts lttng add-context
 * accepted with each tracer (reported, not judged).
 *
 * Exit status: 0 every difference accepted, 1 some not, 2 bad input.
 */
#include <stdio.h>
#include <string.h>

#include "tsdl.h"

enum kind { K_EVENT, K_SYSCALL, K_COMPAT, K_CONTEXT, K_N };

static const char *const kind_names[K_N] = { "event", "syscall", "compat_syscall",
					     "context" };
static const char *const kind_titles[K_N] = { "Tracepoint events", "Native syscalls",
					      "Compat syscalls", "Contexts" };

/* An event, a syscall (entry and exit) or a context; parts not owned. */
struct item {
	enum kind kind;
	char *name;
	GPtrArray *parts[2];	/* fields: event or entry, exit */
};

struct accepted {
	enum kind kind;
	char *pattern;
	char *reason;
	gboolean used;
};

struct tally {
	guint upstream, identical, missing, different, accepted, ours_only;
};

static void item_free(gpointer p)
{
	struct item *it = p;

	g_free(it->name);
	g_free(it);
}

/* --- items ---------------------------------------------------------------- */

static struct item *get_item(GHashTable *items, GPtrArray *order, enum kind k,
			     const char *name)
{
	char *key = g_strdup_printf("%d:%s", k, name);
	struct item *it = g_hash_table_lookup(items, key);

	if (it) {
		g_free(key);
		return it;
	}
	it = g_new0(struct item, 1);
	it->kind = k;
	it->name = g_strdup(name);
	g_hash_table_insert(items, key, it);
	g_ptr_array_add(order, it);
	return it;
}

/* Which item an event is part of: "syscall_exit_read" is syscall read's. */
static void classify(const char *event, enum kind *k, const char **name, int *part)
{
	static const struct { const char *prefix; enum kind k; int part; } map[] = {
		{ "compat_syscall_entry_", K_COMPAT, 0 },
		{ "compat_syscall_exit_", K_COMPAT, 1 },
		{ "syscall_entry_", K_SYSCALL, 0 },
		{ "syscall_exit_", K_SYSCALL, 1 },
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(map); i++) {
		if (g_str_has_prefix(event, map[i].prefix)) {
			*k = map[i].k;
			*name = event + strlen(map[i].prefix);
			*part = map[i].part;
			return;
		}
	}
	*k = K_EVENT;
	*name = event;
	*part = 0;
}

/*
 * Contexts as items: a field that is the length of the sequence after it
 * goes with that sequence (callstack_kernel and its length are one).
 */
static void add_context_items(struct tsdl *t, GHashTable *items, GPtrArray *order,
			      GPtrArray *keep)
{
	GPtrArray *c = t->contexts;
	guint i;

	for (i = 0; i < c->len; i++) {
		struct tsdl_field *f = c->pdata[i], *n = NULL;
		GPtrArray *fields = g_ptr_array_new();
		struct item *it;

		if (i + 1 < c->len)
			n = c->pdata[i + 1];
		g_ptr_array_add(fields, f);
		if (n && n->length && !strcmp(n->length, f->name)) {
			g_ptr_array_add(fields, n);
			f = n;
			i++;
		}
		it = get_item(items, order, K_CONTEXT, f->name);
		it->parts[0] = fields;
		g_ptr_array_add(keep, fields);
	}
}

/* Every item of T, in the order of its text; KEEP owns what is made. */
static GHashTable *items_of(struct tsdl *t, GPtrArray **order, GPtrArray *keep)
{
	GHashTable *items = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						  item_free);
	guint i;

	*order = g_ptr_array_new();
	for (i = 0; i < t->event_names->len; i++) {
		const char *ev = t->event_names->pdata[i], *name;
		enum kind k;
		int part;

		classify(ev, &k, &name, &part);
		get_item(items, *order, k, name)->parts[part] =
			g_hash_table_lookup(t->events, ev);
	}
	add_context_items(t, items, *order, keep);
	return items;
}

/* --- comparing field lists ------------------------------------------------ */

static struct tsdl_field *find_field(GPtrArray *fields, const char *name)
{
	guint i;

	for (i = 0; i < fields->len; i++)
		if (!strcmp(((struct tsdl_field *)fields->pdata[i])->name, name))
			return fields->pdata[i];
	return NULL;
}

static gboolean same_fields(GPtrArray *a, GPtrArray *b)
{
	guint i;

	if (a->len != b->len)
		return FALSE;
	for (i = 0; i < a->len; i++) {
		struct tsdl_field *x = a->pdata[i], *y = b->pdata[i];

		if (strcmp(x->name, y->name) || strcmp(x->type, y->type))
			return FALSE;
	}
	return TRUE;
}

static void sep(GString *s)
{
	if (s->len)
		g_string_append(s, "; ");
}

/* The names of A that B has too, comma-separated, in A's order. */
static char *common_names(GPtrArray *a, GPtrArray *b)
{
	GString *s = g_string_new(NULL);
	guint i;

	for (i = 0; i < a->len; i++) {
		struct tsdl_field *f = a->pdata[i];

		if (find_field(b, f->name))
			g_string_append_printf(s, "%s%s", s->len ? ", " : "", f->name);
	}
	return g_string_free(s, FALSE);
}

/* What differs between upstream's fields UP and ours, in words. */
static void describe(GString *s, GPtrArray *up, GPtrArray *ours)
{
	char *cu, *co;
	guint i;

	for (i = 0; i < up->len; i++) {
		struct tsdl_field *u = up->pdata[i], *o = find_field(ours, u->name);

		if (!o) {
			sep(s);
			g_string_append_printf(s, "lacks %s (%s)", u->name, u->type);
		} else if (strcmp(u->type, o->type)) {
			sep(s);
			g_string_append_printf(s, "%s is %s, upstream %s", u->name,
					       o->type, u->type);
		}
	}
	for (i = 0; i < ours->len; i++) {
		struct tsdl_field *o = ours->pdata[i];

		if (!find_field(up, o->name)) {
			sep(s);
			g_string_append_printf(s, "adds %s (%s)", o->name, o->type);
		}
	}
	cu = common_names(up, ours);
	co = common_names(ours, up);
	if (strcmp(cu, co)) {
		sep(s);
		g_string_append_printf(s, "order %s, upstream %s", co, cu);
	}
	g_free(cu);
	g_free(co);
}

/* NULL if identical, else what differs. */
static char *compare_item(struct item *up, struct item *ours)
{
	static const char *const part_names[2] = { "entry", "exit" };
	GString *s = g_string_new(NULL);
	int p, parts = up->kind == K_SYSCALL || up->kind == K_COMPAT ? 2 : 1;

	for (p = 0; p < parts; p++) {
		GPtrArray *u = up->parts[p], *o = ours->parts[p];
		GString *d;

		if ((!u && !o) || (u && o && same_fields(u, o)))
			continue;
		d = g_string_new(NULL);
		if (!o)
			g_string_append(d, "no such event here");
		else if (!u)
			g_string_append(d, "upstream has no such event");
		else
			describe(d, u, o);
		sep(s);
		if (parts == 2)
			g_string_append_printf(s, "%s: ", part_names[p]);
		g_string_append(s, d->str);
		g_string_free(d, TRUE);
	}
	if (!s->len) {
		g_string_free(s, TRUE);
		return NULL;
	}
	return g_string_free(s, FALSE);
}

/* --- the accepted differences --------------------------------------------- */

static char *cell(const char *s)
{
	char *c = g_strstrip(g_strdup(s));
	size_t n = strlen(c);

	if (n >= 2 && c[0] == '`' && c[n - 1] == '`') {
		memmove(c, c + 1, n - 2);
		c[n - 2] = '\0';
	}
	return c;
}

/* One table row; FALSE (and *err) if it is not a valid acceptance. */
static gboolean parse_row(const char *line, GPtrArray *out, char **err)
{
	char **cols = g_strsplit(line, "|", -1);
	struct accepted *a;
	char *kind;
	int k;

	if (g_strv_length(cols) < 5) {
		*err = g_strdup_printf("a row needs 3 columns: %s", line);
		g_strfreev(cols);
		return FALSE;
	}
	kind = cell(cols[1]);
	if (!strcmp(kind, "Kind") || g_str_has_prefix(kind, "---")) {
		g_free(kind);
		g_strfreev(cols);
		return TRUE;
	}
	for (k = 0; k < K_N; k++)
		if (!strcmp(kind, kind_names[k]))
			break;
	a = g_new0(struct accepted, 1);
	a->kind = k;
	a->pattern = cell(cols[2]);
	a->reason = cell(cols[3]);
	g_free(kind);
	g_strfreev(cols);
	g_ptr_array_add(out, a);
	if (a->kind == K_N)
		*err = g_strdup_printf("unknown kind in: %s", line);
	else if (!*a->pattern || !*a->reason)
		*err = g_strdup_printf("a name and a reason are required: %s", line);
	return !*err;
}

static void accepted_free(gpointer p)
{
	struct accepted *a = p;

	g_free(a->pattern);
	g_free(a->reason);
	g_free(a);
}

static GPtrArray *read_accepted(const char *path, char **err)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(accepted_free);
	char *text, **lines;
	gboolean in = FALSE, seen = FALSE;
	guint i;

	if (!g_file_get_contents(path, &text, NULL, NULL)) {
		*err = g_strdup_printf("cannot read %s", path);
		return out;
	}
	lines = g_strsplit(text, "\n", -1);
	for (i = 0; lines[i] && !*err; i++) {
		if (strstr(lines[i], "<!-- conformance-accepted:begin -->")) {
			in = seen = TRUE;
		} else if (strstr(lines[i], "<!-- conformance-accepted:end -->")) {
			in = FALSE;
		} else if (in && lines[i][0] == '|') {
			parse_row(lines[i], out, err);
		}
	}
	if (!*err && !seen)
		*err = g_strdup_printf("%s has no conformance-accepted table", path);
	g_strfreev(lines);
	g_free(text);
	return out;
}

static struct accepted *find_accepted(GPtrArray *acc, enum kind k, const char *name)
{
	guint i;

	for (i = 0; acc && i < acc->len; i++) {
		struct accepted *a = acc->pdata[i];

		if (a->kind == k && g_pattern_match_simple(a->pattern, name)) {
			a->used = TRUE;
			return a;
		}
	}
	return NULL;
}

/* --- the report ----------------------------------------------------------- */

struct report {
	struct tally t[K_N];
	GString *failing, *accepted, *extra;
	guint n_failing, n_accepted, n_extra;
};

static void judge(struct report *r, GPtrArray *acc, struct item *up, struct item *ours)
{
	struct tally *t = &r->t[up->kind];
	char *what = ours ? compare_item(up, ours) : NULL;
	const char *verdict = ours ? "different" : "missing";
	struct accepted *a;

	t->upstream++;
	if (ours && !what) {
		t->identical++;
		return;
	}
	if (ours)
		t->different++;
	else
		t->missing++;
	a = find_accepted(acc, up->kind, up->name);
	if (a) {
		t->accepted++;
		r->n_accepted++;
		g_string_append_printf(r->accepted, "%s %s %s%s%s (accepted: %s)\n",
				       verdict, kind_names[up->kind], up->name,
				       what ? ": " : "", what ? what : "", a->reason);
	} else {
		r->n_failing++;
		g_string_append_printf(r->failing, "%s %s %s%s%s\n", verdict,
				       kind_names[up->kind], up->name,
				       what ? ": " : "", what ? what : "");
	}
	g_free(what);
}

static GPtrArray *read_lines(const char *path)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	char *text, **l;
	guint i;

	if (!g_file_get_contents(path, &text, NULL, NULL))
		return out;
	l = g_strsplit(text, "\n", -1);
	for (i = 0; l[i]; i++)
		if (*g_strstrip(l[i]))
			g_ptr_array_add(out, g_strdup(l[i]));
	g_strfreev(l);
	g_free(text);
	return out;
}

static gboolean has_line(GPtrArray *a, const char *s)
{
	guint i;

	for (i = 0; i < a->len; i++)
		if (!strcmp(a->pdata[i], s))
			return TRUE;
	return FALSE;
}

/* Which contexts lttng add-context took from each tracer. */
static void print_context_lists(const char *up_path, const char *ours_path)
{
	GPtrArray *up = read_lines(up_path), *ours = read_lines(ours_path);
	guint i;

	printf("lttng add-context accepted: upstream %u, ours %u (prio and the perf "
	       "hardware counters are not tried on upstream)\n", up->len, ours->len);
	printf("  refused by ours, accepted by upstream:");
	for (i = 0; i < up->len; i++)
		if (!has_line(ours, up->pdata[i]))
			printf(" %s", (char *)up->pdata[i]);
	printf("\n  accepted by ours only:");
	for (i = 0; i < ours->len; i++)
		if (!has_line(up, ours->pdata[i]))
			printf(" %s", (char *)ours->pdata[i]);
	printf("\n");
	g_ptr_array_unref(up);
	g_ptr_array_unref(ours);
}

static void print_report(struct report *r, GPtrArray *acc)
{
	guint k, i;

	for (k = 0; k < K_N; k++) {
		struct tally *t = &r->t[k];

		printf("%s: %u of upstream's %u identical, %u missing, %u different"
		       " (%u of them accepted); ours only: %u\n", kind_titles[k],
		       t->identical, t->upstream, t->missing, t->different,
		       t->accepted, t->ours_only);
	}
	printf("\nDifferences not accepted: %u\n%s", r->n_failing, r->failing->str);
	printf("\nDifferences accepted in the yardstick: %u\n%s", r->n_accepted,
	       r->accepted->str);
	printf("\nOurs only (not differences): %u\n%s", r->n_extra, r->extra->str);
	for (i = 0; acc && i < acc->len; i++) {
		struct accepted *a = acc->pdata[i];

		if (!a->used)
			printf("stale acceptance (no such difference): %s %s\n",
			       kind_names[a->kind], a->pattern);
	}
}

static int compare(const char *up_path, const char *ours_path, const char *doc,
		   const char *ctx_up, const char *ctx_ours)
{
	struct tsdl *up = NULL, *ours = NULL;
	GPtrArray *acc = NULL, *up_order = NULL, *ours_order = NULL;
	GPtrArray *keep = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	GHashTable *up_items = NULL, *ours_items = NULL;
	struct report r = { 0 };
	char *err = NULL;
	int ret = 2;
	guint i;

	up = tsdl_parse_file(up_path, &err);
	if (up)
		ours = tsdl_parse_file(ours_path, &err);
	if (ours && doc)
		acc = read_accepted(doc, &err);
	if (err) {
		fprintf(stderr, "ctf-compare: %s\n", err);
		goto out;
	}
	up_items = items_of(up, &up_order, keep);
	ours_items = items_of(ours, &ours_order, keep);
	r.failing = g_string_new(NULL);
	r.accepted = g_string_new(NULL);
	r.extra = g_string_new(NULL);
	for (i = 0; i < up_order->len; i++) {
		struct item *u = up_order->pdata[i];
		char *key = g_strdup_printf("%d:%s", u->kind, u->name);

		judge(&r, acc, u, g_hash_table_lookup(ours_items, key));
		g_free(key);
	}
	for (i = 0; i < ours_order->len; i++) {
		struct item *o = ours_order->pdata[i];
		char *key = g_strdup_printf("%d:%s", o->kind, o->name);

		if (!g_hash_table_contains(up_items, key)) {
			r.t[o->kind].ours_only++;
			r.n_extra++;
			g_string_append_printf(r.extra, "extra %s %s\n",
					       kind_names[o->kind], o->name);
		}
		g_free(key);
	}
	print_report(&r, acc);
	if (ctx_up)
		print_context_lists(ctx_up, ctx_ours);
	ret = r.n_failing ? 1 : 0;
	g_string_free(r.failing, TRUE);
	g_string_free(r.accepted, TRUE);
	g_string_free(r.extra, TRUE);
out:
	if (up_items) {
		g_hash_table_unref(up_items);
		g_hash_table_unref(ours_items);
		g_ptr_array_unref(up_order);
		g_ptr_array_unref(ours_order);
	}
	g_ptr_array_unref(keep);
	if (acc)
		g_ptr_array_unref(acc);
	tsdl_free(up);
	tsdl_free(ours);
	g_free(err);
	return ret;
}

/* Every event's fields and the contexts, one line each: for a look. */
static int dump(const char *path)
{
	char *err = NULL;
	struct tsdl *t = tsdl_parse_file(path, &err);
	guint i, j;

	if (!t) {
		fprintf(stderr, "ctf-compare: %s\n", err);
		g_free(err);
		return 2;
	}
	for (i = 0; i < t->event_names->len; i++) {
		GPtrArray *f = g_hash_table_lookup(t->events, t->event_names->pdata[i]);

		printf("event %s:", (char *)t->event_names->pdata[i]);
		for (j = 0; j < f->len; j++)
			printf(" %s: %s;", ((struct tsdl_field *)f->pdata[j])->name,
			       ((struct tsdl_field *)f->pdata[j])->type);
		printf("\n");
	}
	for (j = 0; j < t->contexts->len; j++)
		printf("context %s: %s\n", ((struct tsdl_field *)t->contexts->pdata[j])->name,
		       ((struct tsdl_field *)t->contexts->pdata[j])->type);
	tsdl_free(t);
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: ctf-compare [--accepted DOC] [--contexts UP OURS] UPSTREAM OURS\n"
			"       ctf-compare --dump METADATA\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *doc = NULL, *ctx_up = NULL, *ctx_ours = NULL;
	int i = 1;

	if (argc == 3 && !strcmp(argv[1], "--dump"))
		return dump(argv[2]);
	while (i < argc && g_str_has_prefix(argv[i], "--")) {
		if (!strcmp(argv[i], "--accepted") && i + 1 < argc) {
			doc = argv[i + 1];
			i += 2;
		} else if (!strcmp(argv[i], "--contexts") && i + 2 < argc) {
			ctx_up = argv[i + 1];
			ctx_ours = argv[i + 2];
			i += 3;
		} else {
			return usage();
		}
	}
	if (argc - i != 2)
		return usage();
	return compare(argv[i], argv[i + 1], doc, ctx_up, ctx_ours);
}
