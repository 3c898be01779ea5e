// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reader of the TSDL subset tracers write (CTF 1.8): top-level
 * typealias/typedef and named compound types, the trace, env, clock,
 * stream and event blocks, and type specifiers nested to any depth. It
 * keeps only what tsdl.h describes; unknown blocks and attributes are
 * skipped as long as their braces balance.
 *
 * The text is read twice: the first pass only learns the trace's byte
 * order, so that "byte_order = le" on a little-endian trace and no byte
 * order at all resolve to the same type, wherever the trace block is.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tsdl.h"

enum tok_kind { T_END, T_IDENT, T_NUMBER, T_STRING, T_PUNCT };

struct tok {
	enum tok_kind kind;
	char *text;		/* a string's text without its quotes */
	int line;
};

struct parser {
	GArray *toks;		/* struct tok */
	guint pos;
	GHashTable *aliases;	/* name -> struct ptype * */
	GPtrArray *pool;	/* every struct ptype, freed at the end */
	char trace_order;	/* 'l', 'b' or 0 before it is known */
	char *err;
	struct tsdl *out;
};

/* A parsed type: its canonical string, and its fields when a struct. */
struct ptype {
	char *repr;
	GPtrArray *fields;	/* struct tsdl_field, or NULL */
};

static void field_free(gpointer p)
{
	struct tsdl_field *f = p;

	g_free(f->name);
	g_free(f->type);
	g_free(f->length);
	g_free(f);
}

static void ptype_free(gpointer p)
{
	struct ptype *t = p;

	g_free(t->repr);
	if (t->fields)
		g_ptr_array_unref(t->fields);
	g_free(t);
}

static struct ptype *ptype_new(struct parser *p, char *repr, GPtrArray *fields)
{
	struct ptype *t = g_new0(struct ptype, 1);

	t->repr = repr;
	t->fields = fields;
	g_ptr_array_add(p->pool, t);
	return t;
}

/* --- tokens ------------------------------------------------------------- */

static void add_tok(GArray *toks, enum tok_kind kind, const char *s, size_t n,
		    int line)
{
	struct tok t = { kind, g_strndup(s, n), line };

	g_array_append_val(toks, t);
}

/* Skips blanks and comments; returns the next character's position. */
static const char *skip_blank(const char *s, int *line)
{
	for (;;) {
		if (*s == '\n') {
			(*line)++;
			s++;
		} else if (isspace((unsigned char)*s)) {
			s++;
		} else if (s[0] == '/' && s[1] == '*') {
			for (s += 2; *s && !(s[0] == '*' && s[1] == '/'); s++)
				if (*s == '\n')
					(*line)++;
			s += *s ? 2 : 0;
		} else if (s[0] == '/' && s[1] == '/') {
			while (*s && *s != '\n')
				s++;
		} else {
			return s;
		}
	}
}

/* A string literal from after its opening quote; escapes kept as written. */
static const char *lex_string(GArray *toks, const char *s, int line)
{
	const char *start = s;

	while (*s && *s != '"') {
		if (*s == '\\' && s[1])
			s++;
		s++;
	}
	add_tok(toks, T_STRING, start, s - start, line);
	return *s ? s + 1 : s;
}

static GArray *lex(const char *s, char **err)
{
	static const char *const puncts[] = { ":=", "...", "{", "}", "(", ")",
		"[", "]", "<", ">", ";", "=", ",", ".", ":", "*", "+" };
	GArray *toks = g_array_new(FALSE, FALSE, sizeof(struct tok));
	int line = 1;
	size_t i, n;

	for (s = skip_blank(s, &line); *s; s = skip_blank(s, &line)) {
		if (isalpha((unsigned char)*s) || *s == '_') {
			for (n = 1; isalnum((unsigned char)s[n]) || s[n] == '_'; n++)
				;
			add_tok(toks, T_IDENT, s, n, line);
			s += n;
			continue;
		}
		if (isdigit((unsigned char)*s) ||
		    (*s == '-' && isdigit((unsigned char)s[1]))) {
			for (n = 1; isalnum((unsigned char)s[n]); n++)
				;
			add_tok(toks, T_NUMBER, s, n, line);
			s += n;
			continue;
		}
		if (*s == '"') {
			s = lex_string(toks, s + 1, line);
			continue;
		}
		for (i = 0; i < G_N_ELEMENTS(puncts); i++)
			if (!strncmp(s, puncts[i], strlen(puncts[i])))
				break;
		if (i == G_N_ELEMENTS(puncts)) {
			*err = g_strdup_printf("line %d: unexpected character '%c'", line, *s);
			g_array_unref(toks);
			return NULL;
		}
		add_tok(toks, T_PUNCT, s, strlen(puncts[i]), line);
		s += strlen(puncts[i]);
	}
	add_tok(toks, T_END, "", 0, line);
	return toks;
}

static void toks_free(GArray *toks)
{
	guint i;

	for (i = 0; i < toks->len; i++)
		g_free(g_array_index(toks, struct tok, i).text);
	g_array_unref(toks);
}

/* --- token helpers ------------------------------------------------------ */

static struct tok *peek_at(struct parser *p, guint ahead)
{
	guint i = MIN(p->pos + ahead, p->toks->len - 1);

	return &g_array_index(p->toks, struct tok, i);
}

static struct tok *peek(struct parser *p)
{
	return peek_at(p, 0);
}

static struct tok *next(struct parser *p)
{
	struct tok *t = peek(p);

	if (t->kind != T_END)
		p->pos++;
	return t;
}

static gboolean is(struct parser *p, const char *text)
{
	struct tok *t = peek(p);

	return t->kind != T_STRING && t->kind != T_END && !strcmp(t->text, text);
}

static gboolean accept(struct parser *p, const char *text)
{
	if (!is(p, text))
		return FALSE;
	next(p);
	return TRUE;
}

/* Records the first error only: the later ones follow from it. */
static gboolean fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	char *what;

	if (p->err)
		return FALSE;
	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	p->err = g_strdup_printf("line %d: %s (at '%s')", peek(p)->line, what,
				 peek(p)->text);
	g_free(what);
	return FALSE;
}

static gboolean expect(struct parser *p, const char *text)
{
	return accept(p, text) || fail(p, "expected '%s'", text);
}

static const char *keywords[] = { "integer", "floating_point", "string",
	"struct", "variant", "enum", "typealias", "typedef", "align", NULL };

static gboolean is_plain_ident(struct tok *t)
{
	return t->kind == T_IDENT && !g_strv_contains(keywords, t->text);
}

/* CTF readers drop one leading underscore of a field or tag name. */
static const char *unscore(const char *name)
{
	return name[0] == '_' ? name + 1 : name;
}

/* --- attribute lists: { key = value; ... } ------------------------------ */

/* Reads "{ k = v; ... }" into a table; a value is its tokens joined. */
static GHashTable *parse_attrs(struct parser *p)
{
	GHashTable *a = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GString *v;
	char *key;

	if (!expect(p, "{"))
		return a;
	while (!p->err && !accept(p, "}")) {
		if (peek(p)->kind == T_END) {
			fail(p, "unterminated attributes");
			break;
		}
		key = g_strdup(next(p)->text);
		expect(p, "=");
		v = g_string_new(NULL);
		while (!p->err && !is(p, ";") && peek(p)->kind != T_END)
			g_string_append(v, next(p)->text);
		expect(p, ";");
		g_hash_table_replace(a, key, g_string_free(v, FALSE));
	}
	return a;
}

static const char *attr(GHashTable *a, const char *key, const char *dflt)
{
	const char *v = g_hash_table_lookup(a, key);

	return v ? v : dflt;
}

/* --- type specifiers ---------------------------------------------------- */

static struct ptype *parse_type(struct parser *p);

static const char *base_suffix(const char *b)
{
	static const char *const hex[] = { "16", "hex", "hexadecimal", "x", "X", "p", NULL };
	static const char *const oct[] = { "8", "oct", "octal", "o", NULL };
	static const char *const bin[] = { "2", "bin", "binary", "b", NULL };

	if (g_strv_contains(hex, b))
		return "/hex";
	if (g_strv_contains(oct, b))
		return "/oct";
	if (g_strv_contains(bin, b))
		return "/bin";
	return "";
}

/* "" when ORDER is the trace's (or native), else "/le" or "/be". */
static const char *order_suffix(struct parser *p, const char *order)
{
	char o;

	if (!strcmp(order, "be") || !strcmp(order, "network"))
		o = 'b';
	else if (!strcmp(order, "le"))
		o = 'l';
	else
		return "";
	if (o == (p->trace_order ? p->trace_order : 'l'))
		return "";
	return o == 'b' ? "/be" : "/le";
}

static const char *encoding_suffix(const char *enc)
{
	if (!g_ascii_strcasecmp(enc, "UTF8"))
		return "/utf8";
	if (!g_ascii_strcasecmp(enc, "ASCII"))
		return "/ascii";
	return "";
}

static struct ptype *parse_integer(struct parser *p)
{
	GHashTable *a = parse_attrs(p);
	const char *sig = attr(a, "signed", "false");
	gboolean s = !strcmp(sig, "true") || !strcmp(sig, "1") || !strcmp(sig, "TRUE");
	char *repr;

	repr = g_strdup_printf("%c%s%s%s%s", s ? 's' : 'u', attr(a, "size", "?"),
			       base_suffix(attr(a, "base", "10")),
			       order_suffix(p, attr(a, "byte_order", "native")),
			       encoding_suffix(attr(a, "encoding", "none")));
	g_hash_table_unref(a);
	return ptype_new(p, repr, NULL);
}

static struct ptype *parse_float(struct parser *p)
{
	GHashTable *a = parse_attrs(p);
	char *repr = g_strdup_printf("float(%s,%s)%s", attr(a, "exp_dig", "?"),
				     attr(a, "mant_dig", "?"),
				     order_suffix(p, attr(a, "byte_order", "native")));

	g_hash_table_unref(a);
	return ptype_new(p, repr, NULL);
}

static struct ptype *parse_string(struct parser *p)
{
	GHashTable *a;
	char *repr;

	if (!is(p, "{"))
		return ptype_new(p, g_strdup("string"), NULL);
	a = parse_attrs(p);
	/* UTF8 is the default; ASCII is the only other encoding. */
	repr = g_strdup(!g_ascii_strcasecmp(attr(a, "encoding", "UTF8"), "ASCII") ?
			"string/ascii" : "string");
	g_hash_table_unref(a);
	return ptype_new(p, repr, NULL);
}

/* A name, or a dotted path such as event.fields.len; NULL if none. */
static char *parse_path(struct parser *p)
{
	GString *s;

	if (peek(p)->kind != T_IDENT) {
		fail(p, "expected a name");
		return NULL;
	}
	s = g_string_new(unscore(next(p)->text));
	while (accept(p, "."))
		g_string_append_printf(s, ".%s", unscore(next(p)->text));
	return g_string_free(s, FALSE);
}

static gboolean parse_fields(struct parser *p, GPtrArray *fields);

/* "{ fields } [align(N)]" into a struct type; NAME's alias if named. */
static struct ptype *parse_struct_body(struct parser *p, const char *name)
{
	GPtrArray *fields = g_ptr_array_new_with_free_func(field_free);
	GString *s = g_string_new("struct{");
	struct ptype *t;
	guint i;

	parse_fields(p, fields);
	for (i = 0; i < fields->len; i++) {
		struct tsdl_field *f = fields->pdata[i];

		g_string_append_printf(s, "%s%s: %s", i ? "; " : "", f->name, f->type);
	}
	g_string_append_c(s, '}');
	if (accept(p, "align")) {
		expect(p, "(");
		g_string_append_printf(s, " align(%s)", next(p)->text);
		expect(p, ")");
	}
	t = ptype_new(p, g_string_free(s, FALSE), fields);
	if (name)
		g_hash_table_replace(p->aliases, g_strdup_printf("struct %s", name), t);
	return t;
}

static struct ptype *lookup(struct parser *p, const char *kind, const char *name)
{
	char *key = kind ? g_strdup_printf("%s %s", kind, name) : g_strdup(name);
	struct ptype *t = g_hash_table_lookup(p->aliases, key);

	if (!t)
		fail(p, "unknown type '%s'", key);
	g_free(key);
	return t ? t : ptype_new(p, g_strdup("?"), NULL);
}

static struct ptype *parse_struct(struct parser *p)
{
	char *name = NULL;
	struct ptype *t;

	if (is_plain_ident(peek(p)))
		name = g_strdup(next(p)->text);
	if (is(p, "{"))
		t = parse_struct_body(p, name);
	else if (name)
		t = lookup(p, "struct", name);
	else
		t = (fail(p, "a struct needs a name or a body"), ptype_new(p, g_strdup("?"), NULL));
	g_free(name);
	return t;
}

static struct ptype *parse_variant(struct parser *p)
{
	GPtrArray *fields;
	GString *s;
	char *name = NULL, *tag = NULL;
	struct ptype *t;
	guint i;

	if (is_plain_ident(peek(p)))
		name = g_strdup(next(p)->text);
	if (accept(p, "<")) {
		tag = parse_path(p);
		expect(p, ">");
	}
	if (!is(p, "{")) {
		t = lookup(p, "variant", name ? name : "?");
		goto out;
	}
	fields = g_ptr_array_new_with_free_func(field_free);
	parse_fields(p, fields);
	s = g_string_new(NULL);
	g_string_printf(s, "variant<%s>{", tag ? tag : "");
	for (i = 0; i < fields->len; i++) {
		struct tsdl_field *f = fields->pdata[i];

		g_string_append_printf(s, "%s%s: %s", i ? "; " : "", f->name, f->type);
	}
	g_string_append_c(s, '}');
	g_ptr_array_unref(fields);
	t = ptype_new(p, g_string_free(s, FALSE), NULL);
	if (name)
		g_hash_table_replace(p->aliases, g_strdup_printf("variant %s", name), t);
out:
	g_free(name);
	g_free(tag);
	return t;
}

/* One mapping: "LABEL" [= A [... B]]; an omitted value follows the last. */
static void parse_enumerator(struct parser *p, GString *s, gint64 *next_value)
{
	struct tok *label = next(p);
	gint64 a = *next_value, b;

	if (label->kind != T_STRING && label->kind != T_IDENT) {
		fail(p, "expected an enumeration label");
		return;
	}
	if (accept(p, "="))
		a = g_ascii_strtoll(next(p)->text, NULL, 0);
	b = a;
	if (accept(p, "..."))
		b = g_ascii_strtoll(next(p)->text, NULL, 0);
	if (s->str[s->len - 1] != '{')
		g_string_append(s, ", ");
	g_string_append_printf(s, "\"%s\"=%" G_GINT64_FORMAT, label->text, a);
	if (b != a)
		g_string_append_printf(s, "...%" G_GINT64_FORMAT, b);
	*next_value = b + 1;
}

static struct ptype *parse_enum(struct parser *p)
{
	struct ptype *container = NULL, *t;
	char *name = NULL;
	gint64 next_value = 0;
	GString *s;

	if (is_plain_ident(peek(p)))
		name = g_strdup(next(p)->text);
	if (accept(p, ":"))
		container = parse_type(p);
	if (!is(p, "{")) {
		t = lookup(p, "enum", name ? name : "?");
		g_free(name);
		return t;
	}
	next(p);
	s = g_string_new(NULL);
	g_string_printf(s, "enum<%s>{", container ? container->repr : "int");
	while (!p->err && !accept(p, "}")) {
		parse_enumerator(p, s, &next_value);
		if (!is(p, "}"))
			expect(p, ",");
	}
	g_string_append_c(s, '}');
	t = ptype_new(p, g_string_free(s, FALSE), NULL);
	if (name)
		g_hash_table_replace(p->aliases, g_strdup_printf("enum %s", name), t);
	g_free(name);
	return t;
}

/*
 * An alias made of several words ("unsigned long"): the longest run of
 * names that is a known alias, so that in a field the name that follows
 * is left for the declarator.
 */
static struct ptype *parse_alias_ref(struct parser *p)
{
	GString *s = g_string_new(NULL);
	struct ptype *found = NULL;
	guint n, used = 0;

	for (n = 0; is_plain_ident(peek_at(p, n)); n++) {
		struct ptype *t;

		g_string_append_printf(s, "%s%s", n ? " " : "", peek_at(p, n)->text);
		t = g_hash_table_lookup(p->aliases, s->str);
		if (t) {
			found = t;
			used = n + 1;
		}
	}
	g_string_free(s, TRUE);
	if (!found)
		return lookup(p, NULL, peek(p)->text);
	p->pos += used;
	return found;
}

static struct ptype *parse_type(struct parser *p)
{
	if (accept(p, "const"))
		return parse_type(p);
	if (accept(p, "integer"))
		return parse_integer(p);
	if (accept(p, "floating_point"))
		return parse_float(p);
	if (accept(p, "string"))
		return parse_string(p);
	if (accept(p, "struct"))
		return parse_struct(p);
	if (accept(p, "variant"))
		return parse_variant(p);
	if (accept(p, "enum"))
		return parse_enum(p);
	if (is_plain_ident(peek(p)))
		return parse_alias_ref(p);
	fail(p, "expected a type");
	return ptype_new(p, g_strdup("?"), NULL);
}

/* --- declarations ------------------------------------------------------- */

/* "typealias TYPE := NAME WORDS;" (also inside a struct). */
static void parse_typealias(struct parser *p)
{
	struct ptype *t = parse_type(p);
	GString *name = g_string_new(NULL);

	expect(p, ":=");
	while (!p->err && is_plain_ident(peek(p)))
		g_string_append_printf(name, "%s%s", name->len ? " " : "", next(p)->text);
	expect(p, ";");
	g_hash_table_replace(p->aliases, g_string_free(name, FALSE), t);
}

/* "typedef TYPE NAME;" */
static void parse_typedef(struct parser *p)
{
	struct ptype *t = parse_type(p);

	if (peek(p)->kind == T_IDENT)
		g_hash_table_replace(p->aliases, g_strdup(next(p)->text), t);
	expect(p, ";");
}

/* One declarator: NAME, then [N] for an array or [path] for a sequence. */
static struct tsdl_field *parse_declarator(struct parser *p, struct ptype *t)
{
	struct tsdl_field *f = g_new0(struct tsdl_field, 1);
	GString *type = g_string_new(t->repr);

	if (peek(p)->kind != T_IDENT)
		fail(p, "expected a field name");
	f->name = g_strdup(unscore(next(p)->text));
	while (!p->err && accept(p, "[")) {
		if (peek(p)->kind == T_NUMBER) {
			g_string_append_printf(type, "[%s]", next(p)->text);
		} else {
			g_free(f->length);
			f->length = parse_path(p);
			g_string_append_printf(type, "[%s]", f->length ? f->length : "?");
		}
		expect(p, "]");
	}
	f->type = g_string_free(type, FALSE);
	return f;
}

/* "{ TYPE DECL[, DECL]; ... }" into FIELDS. */
static gboolean parse_fields(struct parser *p, GPtrArray *fields)
{
	struct ptype *t;

	if (!expect(p, "{"))
		return FALSE;
	while (!p->err && !accept(p, "}")) {
		if (accept(p, "typealias")) {
			parse_typealias(p);
			continue;
		}
		if (accept(p, "typedef")) {
			parse_typedef(p);
			continue;
		}
		t = parse_type(p);
		do {
			g_ptr_array_add(fields, parse_declarator(p, t));
		} while (!p->err && accept(p, ","));
		expect(p, ";");
	}
	return !p->err;
}

static struct tsdl_field *field_copy(const struct tsdl_field *f)
{
	struct tsdl_field *n = g_new0(struct tsdl_field, 1);

	n->name = g_strdup(f->name);
	n->type = g_strdup(f->type);
	n->length = g_strdup(f->length);
	return n;
}

/* Copies FIELDS (NULL: none). */
static GPtrArray *copy_fields(GPtrArray *fields)
{
	GPtrArray *c = g_ptr_array_new_with_free_func(field_free);
	guint i;

	for (i = 0; fields && i < fields->len; i++)
		g_ptr_array_add(c, field_copy(fields->pdata[i]));
	return c;
}

/* A stream's event context: its fields not seen in another stream yet. */
static void add_contexts(struct parser *p, struct ptype *t)
{
	GPtrArray *have = p->out->contexts;
	guint i, j;

	for (i = 0; t->fields && i < t->fields->len; i++) {
		struct tsdl_field *f = t->fields->pdata[i];

		for (j = 0; j < have->len; j++)
			if (!strcmp(((struct tsdl_field *)have->pdata[j])->name, f->name))
				break;
		if (j == have->len)
			g_ptr_array_add(have, field_copy(f));
	}
}

/*
 * The body of a trace, env, clock, stream, event or other block: "k = v;"
 * and "k := TYPE;" entries. Returns the event name ("name = ...") and its
 * fields (":= fields") through NAME and FIELDS when given.
 */
static void parse_block(struct parser *p, const char *kind, char **name,
			struct ptype **fields)
{
	char *key;

	expect(p, "{");
	while (!p->err && !accept(p, "}")) {
		key = parse_path(p);
		if (!key)
			break;
		if (accept(p, ":=")) {
			struct ptype *t = parse_type(p);

			if (fields && !strcmp(key, "fields"))
				*fields = t;
			if (!strcmp(kind, "stream") && !strcmp(key, "event.context"))
				add_contexts(p, t);
		} else if (expect(p, "=")) {
			struct tok *v = next(p);

			if (!strcmp(kind, "trace") && !strcmp(key, "byte_order"))
				p->trace_order = !strcmp(v->text, "be") ||
						 !strcmp(v->text, "network") ? 'b' : 'l';
			if (name && !strcmp(key, "name")) {
				g_free(*name);
				*name = g_strdup(v->text);
			}
			while (!p->err && !is(p, ";") && peek(p)->kind != T_END)
				next(p);
		}
		g_free(key);
		expect(p, ";");
	}
	expect(p, ";");
}

/* An event block; the first declaration of a name is kept. */
static void parse_event(struct parser *p)
{
	struct ptype *fields = NULL;
	char *name = NULL;

	parse_block(p, "event", &name, &fields);
	if (p->err)
		goto out;
	if (!name) {
		fail(p, "an event without a name");
		goto out;
	}
	if (!g_hash_table_contains(p->out->events, name)) {
		g_ptr_array_add(p->out->event_names, g_strdup(name));
		g_hash_table_insert(p->out->events, g_strdup(name),
				    copy_fields(fields ? fields->fields : NULL));
	}
out:
	g_free(name);
}

static void parse_top(struct parser *p)
{
	struct tok *t = peek(p);

	if (accept(p, "typealias")) {
		parse_typealias(p);
	} else if (accept(p, "typedef")) {
		parse_typedef(p);
	} else if (is(p, "struct") || is(p, "enum") || is(p, "variant")) {
		parse_type(p);
		expect(p, ";");
	} else if (accept(p, "event")) {
		parse_event(p);
	} else if (t->kind == T_IDENT && peek_at(p, 1)->kind == T_PUNCT &&
		   !strcmp(peek_at(p, 1)->text, "{")) {
		char *kind = g_strdup(next(p)->text);

		parse_block(p, kind, NULL, NULL);
		g_free(kind);
	} else {
		fail(p, "expected a declaration");
	}
}

static struct tsdl *tsdl_new(void)
{
	struct tsdl *t = g_new0(struct tsdl, 1);

	t->events = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					  (GDestroyNotify)g_ptr_array_unref);
	t->event_names = g_ptr_array_new_with_free_func(g_free);
	t->contexts = g_ptr_array_new_with_free_func(field_free);
	return t;
}

void tsdl_free(struct tsdl *t)
{
	if (!t)
		return;
	g_hash_table_unref(t->events);
	g_ptr_array_unref(t->event_names);
	g_ptr_array_unref(t->contexts);
	g_free(t);
}

/* One pass over the tokens; the trace's byte order is kept for the next. */
static struct tsdl *parse_pass(GArray *toks, char *trace_order, char **err)
{
	struct parser p = { .toks = toks, .trace_order = *trace_order };

	p.aliases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	p.pool = g_ptr_array_new_with_free_func(ptype_free);
	p.out = tsdl_new();
	while (!p.err && peek(&p)->kind != T_END)
		parse_top(&p);
	*trace_order = p.trace_order;
	g_hash_table_unref(p.aliases);
	g_ptr_array_unref(p.pool);
	if (p.err) {
		*err = p.err;
		tsdl_free(p.out);
		return NULL;
	}
	return p.out;
}

struct tsdl *tsdl_parse(const char *text, char **err)
{
	GArray *toks = lex(text, err);
	struct tsdl *t;
	char order = 0;

	if (!toks)
		return NULL;
	t = parse_pass(toks, &order, err);
	if (t) {
		tsdl_free(t);
		t = parse_pass(toks, &order, err);
	}
	toks_free(toks);
	return t;
}

struct tsdl *tsdl_parse_file(const char *path, char **err)
{
	GError *gerr = NULL;
	struct tsdl *t;
	char *text, *e = NULL;

	if (!g_file_get_contents(path, &text, NULL, &gerr)) {
		*err = g_strdup(gerr->message);
		g_error_free(gerr);
		return NULL;
	}
	t = tsdl_parse(text, &e);
	if (!t) {
		*err = g_strdup_printf("%s: %s", path, e);
		g_free(e);
	}
	g_free(text);
	return t;
}
