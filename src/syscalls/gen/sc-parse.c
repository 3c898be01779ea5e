// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system-call table generator's pure part (see sc-parse.h): reading
 * declarations and our overrides, the in/out rule, and the table entries
 * it writes. Reading the kernel's files is in sc-header.c, amendments in
 * sc-amend.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sc-internal.h"

/* ---- Tokens --------------------------------------------------------------- */

bool sc_ident_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

bool sc_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Identifiers and numbers are words; anything else is a one-char token. */
int sc_tokenize(const char *s, size_t len, struct sc_tokens *tk)
{
	size_t i = 0;

	tk->n = 0;
	while (i < len) {
		size_t start = i;

		if (isspace((unsigned char)s[i])) {
			i++;
			continue;
		}
		if (sc_ident_char(s[i])) {
			while (i < len && sc_ident_char(s[i]))
				i++;
		} else {
			i++;
		}
		if (tk->n == SC_MAX_TOKENS || i - start >= SC_NAME_LEN)
			return -1;
		memcpy(tk->t[tk->n], s + start, i - start);
		tk->t[tk->n][i - start] = '\0';
		tk->n++;
	}
	return 0;
}

bool sc_in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

/* Qualifiers that do not change what is recorded. */
static const char *const qualifiers[] = {
	"__user", "__force", "volatile", "restrict", "__restrict", "register",
	NULL
};

static const char *const base_types[] = {
	"void", "char", "short", "int", "long", "signed", "unsigned",
	"float", "double", "_Bool", NULL
};

static const char *const tag_keywords[] = { "struct", "union", "enum", NULL };

/* "const char __user *" arguments that are buffers, not strings. */
static const char *const buffer_names[] = {
	"buf", "ubuf", "buff", "u_msg_ptr", "msg", NULL
};

/*
 * "char __user *" arguments that are strings the caller passes all the
 * same: some prototypes lack the const (mount, umount, sethostname,
 * utime...). Other non-const char pointers are buffers the kernel fills.
 */
static const char *const string_names[] = {
	"filename", "pathname", "path", "name", "dev_name", "dir_name", "type",
	NULL
};

static void append_word(char *dst, size_t size, const char *word)
{
	size_t len = strlen(dst);

	if (len && len + 1 < size)
		dst[len++] = ' ';
	if (len < size)
		snprintf(dst + len, size - len, "%s", word);
}

/* ---- One argument ------------------------------------------------------- */

/* "@name(WORD)" and "@type(WORDS)": the text between the parentheses. */
static int paren_word(const char *s, const char *key, char *dst, size_t size,
		      bool spaces)
{
	size_t klen = strlen(key), len = 0;

	if (strncmp(s, key, klen) || s[klen] != '(')
		return 0;
	s += klen + 1;
	while (sc_ident_char(s[len]) || (spaces && s[len] == ' '))
		len++;
	if (!len || s[len] != ')' || len >= size)
		return -1;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return (int)(klen + len + 2);
}

/* The annotations that take an argument in parentheses. */
static int parse_paren_annotation(const char *s, struct sc_arg *arg)
{
	char port[SC_NAME_LEN], dir[8];
	unsigned int len;
	int n = 0;

	if (sscanf(s, "sockaddr(%63[A-Za-z0-9_],%7[a-z])%n", port, dir, &n) == 2 && n) {
		if (strcmp(dir, "in") && strcmp(dir, "out"))
			return -1;
		arg->sockaddr = true;
		strcpy(arg->port, port);
		arg->sa_dir = strcmp(dir, "in") ? SC_OUT : SC_IN;
		return n;
	}
	if (sscanf(s, "array(%u)%n", &len, &n) == 1 && n) {
		if (!len || len > SC_MAX_ARRAY)
			return -1;
		arg->kind = SC_KIND_ARRAY;
		arg->kind_set = true;
		arg->array_len = len;
		return n;
	}
	n = paren_word(s, "name", arg->rename, sizeof(arg->rename), false);
	if (n)
		return n;
	n = paren_word(s, "type", arg->type, sizeof(arg->type), true);
	if (n > 0)
		arg->type_set = true;
	return n ? n : -1;
}

static int parse_annotation(const char *s, struct sc_arg *arg)
{
	char word[SC_NAME_LEN];
	int n = 0;

	if (sscanf(s, "%63[a-z]%n", word, &n) != 1)
		return -1;
	if (s[n] == '(')
		return parse_paren_annotation(s, arg);
	if (!strcmp(word, "in") || !strcmp(word, "out") ||
	    !strcmp(word, "inout") || !strcmp(word, "skip")) {
		arg->dir = !strcmp(word, "in") ? SC_IN : !strcmp(word, "out") ?
			   SC_OUT : !strcmp(word, "inout") ? SC_INOUT : SC_SKIP;
		arg->dir_set = true;
	} else if (!strcmp(word, "hex")) {
		arg->hex = true;
	} else if (!strcmp(word, "string")) {
		arg->kind = SC_KIND_STRING;
		arg->kind_set = true;
	} else if (!strcmp(word, "nostring")) {
		arg->kind = SC_KIND_PTR;
		arg->kind_set = true;
	} else if (!strcmp(word, "deref")) {
		arg->kind = SC_KIND_DEREF;
		arg->kind_set = true;
	} else {
		return -1;
	}
	return n;
}

int sc_annotate(const char *s, struct sc_arg *arg)
{
	while (*s) {
		int n;

		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if (*s != '@')
			return -1;
		n = parse_annotation(s + 1, arg);
		if (n < 0)
			return -1;
		s += 1 + n;
	}
	return 0;
}

/* Whether what arg is annotated to record suits its declaration. */
int sc_check_annotations(const struct sc_arg *arg)
{
	/* Only pointers are strings, point to integers or to addresses. */
	if ((arg->kind_set || arg->sockaddr) && !arg->pointers)
		return -1;
	if ((arg->kind == SC_KIND_STRING || arg->kind == SC_KIND_ARRAY) &&
	    arg->pointers != 1)
		return -1;
	return 0;
}

static int parse_annotations(const char *s, struct sc_arg *arg)
{
	if (sc_annotate(s, arg))
		return -1;
	/* In a prototype, the declaration itself says the name and type. */
	if (arg->rename[0] || arg->type_set)
		return -1;
	return sc_check_annotations(arg);
}

/* Drop the name, if the last word is one, into arg->name. */
static void take_name(struct sc_tokens *tk, struct sc_arg *arg)
{
	const char *last, *prev;

	if (tk->n < 2)
		return;
	last = tk->t[tk->n - 1];
	prev = tk->t[tk->n - 2];
	if (!sc_ident_start(last[0]) || sc_in_list(last, base_types) ||
	    sc_in_list(prev, tag_keywords))
		return;
	snprintf(arg->name, sizeof(arg->name), "%s", last);
	arg->named = true;
	tk->n--;
}

int sc_parse_arg(const char *decl, int index, struct sc_arg *arg)
{
	const char *at = strchr(decl, '@');
	size_t len = at ? (size_t)(at - decl) : strlen(decl);
	struct sc_tokens all, tk;
	int i, last_star = -1, prev_star = -1;

	memset(arg, 0, sizeof(*arg));
	if (sc_tokenize(decl, len, &all) || !all.n)
		return -1;
	/* Keep const (it matters for pointees), drop other qualifiers. */
	tk.n = 0;
	for (i = 0; i < all.n && strcmp(all.t[i], "["); i++) {
		if (sc_in_list(all.t[i], qualifiers))
			continue;
		if (!sc_ident_char(all.t[i][0]) && strcmp(all.t[i], "*"))
			return -1;	/* function pointers and the like */
		strcpy(tk.t[tk.n++], all.t[i]);
	}
	take_name(&tk, arg);
	/* "type name[N]": a pointer to the first element. */
	if (i < all.n) {
		if (tk.n == SC_MAX_TOKENS)
			return -1;
		strcpy(tk.t[tk.n++], "*");
	}
	if (!arg->named)
		snprintf(arg->name, sizeof(arg->name), "arg%d", index);

	for (i = 0; i < tk.n; i++) {
		if (strcmp(tk.t[i], "*"))
			continue;
		arg->pointers++;
		prev_star = last_star;
		last_star = i;
	}
	/* The recorded C type: the integer's, or the outermost pointee's. */
	for (i = 0; i < (arg->pointers ? last_star : tk.n); i++) {
		if (!strcmp(tk.t[i], "const")) {
			if (arg->pointers && i > prev_star)
				arg->pointee_const = true;
			continue;
		}
		append_word(arg->type, sizeof(arg->type), tk.t[i]);
	}
	if (!arg->type[0])
		return -1;
	/* Enums passed by value may be declared only: they are ints. */
	if (!arg->pointers && !strncmp(arg->type, "enum ", 5))
		strcpy(arg->type, "int");
	arg->pointee_char = arg->pointers == 1 && !strcmp(arg->type, "char");
	return parse_annotations(at ? at : "", arg);
}

/* ---- Prototypes ----------------------------------------------------------- */

/* The text of a parenthesised list, from just after '(' to its ')'. */
static const char *closing_paren(const char *s)
{
	int depth = 1;

	for (; *s; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')' && !--depth)
			return s;
	}
	return NULL;
}

static int parse_args(const char *s, const char *end, struct sc_proto *p)
{
	char decl[256];
	const char *start = s, *last = end;
	int depth = 0;

	while (s < end && isspace((unsigned char)*s))
		s++;
	while (last > s && isspace((unsigned char)last[-1]))
		last--;
	if (s == last || (last - s == 4 && !strncmp(s, "void", 4)))
		return 0;
	for (s = start; ; s++) {
		if (s < end && *s == '(')
			depth++;
		else if (s < end && *s == ')')
			depth--;
		if (s < end && (*s != ',' || depth))
			continue;
		if (p->nargs == SC_MAX_ARGS || (size_t)(s - start) >= sizeof(decl))
			return -1;
		memcpy(decl, start, s - start);
		decl[s - start] = '\0';
		if (sc_parse_arg(decl, p->nargs, &p->args[p->nargs]))
			return -1;
		p->nargs++;
		if (s == end)
			return 0;
		start = s + 1;
	}
}

/* As sc_parse_proto(), *rest pointing after the closing parenthesis. */
static int parse_proto(const char *text, struct sc_proto *p, const char **rest)
{
	const char *s = text, *name, *end;
	size_t len;

	memset(p, 0, sizeof(*p));
	while (isspace((unsigned char)*s))
		s++;
	if (!strncmp(s, "sys_", 4))
		s += 4;
	name = s;
	while (sc_ident_char(*s))
		s++;
	len = s - name;
	if (!len || !sc_ident_start(*name) || len >= sizeof(p->name))
		return -1;
	memcpy(p->name, name, len);
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '(')
		return -1;
	end = closing_paren(s + 1);
	if (!end)
		return -1;
	*rest = end + 1;
	return parse_args(s + 1, end, p);
}

int sc_parse_proto(const char *text, struct sc_proto *p)
{
	const char *rest;

	return parse_proto(text, p, &rest);
}

static bool name_taken(const struct sc_proto *p, int upto, const char *name)
{
	int i;

	if (!strcmp(name, "ret"))
		return true;
	for (i = 0; i < upto; i++)
		if (!strcmp(p->args[i].name, name))
			return true;
	return false;
}

void sc_classify(struct sc_proto *p)
{
	int i;

	for (i = 0; i < p->nargs; i++) {
		struct sc_arg *a = &p->args[i];

		if (!a->kind_set) {
			if (!a->pointers)
				a->kind = SC_KIND_INT;
			else if (a->pointee_char &&
				 (a->pointee_const ? !sc_in_list(a->name, buffer_names) :
						     sc_in_list(a->name, string_names)))
				a->kind = SC_KIND_STRING;
			else
				a->kind = SC_KIND_PTR;
		}
		if (!a->dir_set) {
			if (a->kind == SC_KIND_PTR && !a->pointee_const)
				a->dir = SC_OUT;
			else
				a->dir = SC_IN;
		}
		/* "ret" is the exit event's first field; names are unique. */
		if (name_taken(p, i, a->name)) {
			char name[SC_NAME_LEN];

			snprintf(name, sizeof(name), "%.50s_%d", a->name, i);
			strcpy(a->name, name);
		}
	}
}

/* ---- Overrides ---------------------------------------------------------- */

static int paren_balance(const char *s)
{
	int depth = 0;

	for (; *s; s++)
		depth += (*s == '(') - (*s == ')');
	return depth;
}

/* "NAME.ARG ...": an amendment rather than a prototype. */
static bool is_amend(const char *line)
{
	while (sc_ident_char(*line))
		line++;
	return *line == '.';
}

int sc_scan_overrides(const char *text, sc_proto_cb cb, sc_amend_cb amend_cb,
		      void *priv, int *bad_line)
{
	char *buf = strdup(text), *line, *next, *joined;
	int lineno = 0, ret = 0;

	joined = buf ? malloc(strlen(buf) + 2) : NULL;
	if (!joined) {
		free(buf);
		return -1;
	}
	for (line = buf; line && *line && !ret; line = next) {
		struct sc_amend am;
		struct sc_proto p;
		const char *rest;
		int first = ++lineno;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line += strspn(line, " \t");
		if (!*line || *line == '#')
			continue;
		if (is_amend(line)) {
			if (sc_parse_amend(line, &am)) {
				*bad_line = first;
				ret = -1;
				break;
			}
			ret = amend_cb(&am, priv);
			continue;
		}
		/* A prototype may go on over the following lines. */
		strcpy(joined, line);
		while (paren_balance(joined) > 0 && next && *next) {
			line = next;
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			lineno++;
			strcat(joined, " ");
			strcat(joined, line);
		}
		if (parse_proto(joined, &p, &rest) || rest[strspn(rest, " \t")]) {
			*bad_line = first;
			ret = -1;
			break;
		}
		sc_classify(&p);
		ret = cb(&p, priv);
	}
	free(joined);
	free(buf);
	return ret;
}

/* ---- Output --------------------------------------------------------------- */

static void emit_field(FILE *out, const struct sc_proto *p, int i)
{
	const struct sc_arg *a = &p->args[i];

	switch (a->kind) {
	case SC_KIND_INT:
		fprintf(out, " sc_%s(%s, %s, %d)", a->hex ? "hex" : "int",
			a->type, a->name, i);
		break;
	case SC_KIND_PTR:
		fprintf(out, " sc_%s(unsigned long, %s, %d)",
			a->hex ? "hex" : "int", a->name, i);
		break;
	case SC_KIND_STRING:
		fprintf(out, " sc_string(%s, %d)", a->name, i);
		break;
	case SC_KIND_DEREF:
		fprintf(out, " sc_deref%s(%s, %s, %d)", a->hex ? "_hex" : "",
			a->type, a->name, i);
		break;
	case SC_KIND_ARRAY:
		fprintf(out, " sc_uarray(%s, %s, %d, %u)", a->type, a->name, i,
			a->array_len);
		break;
	}
}

static void emit_fields(FILE *out, const struct sc_proto *p, unsigned int dir)
{
	int i;

	fprintf(out, "LTTNG_SC_FIELDS(");
	if (dir == SC_OUT && p->ret_type[0])
		fprintf(out, " sc_ret_type(%s, %d)", p->ret_type, p->ret_hex ? 16 : 10);
	else if (dir == SC_OUT)
		fprintf(out, " sc_ret()");
	for (i = 0; i < p->nargs; i++)
		if (p->args[i].dir & dir)
			emit_field(out, p, i);
	for (i = 0; i < p->nargs; i++)
		if (p->args[i].sockaddr && p->args[i].sa_dir == dir)
			fprintf(out, " sc_sockaddr(%s, %d, %d, %d)",
				p->args[i].port, i, i + 1,
				p->args[i + 1].kind == SC_KIND_DEREF);
	fprintf(out, " )");
}

int sc_emit(FILE *out, unsigned int nr, const struct sc_proto *p)
{
	int i;

	/* A socket address needs its length, in the next argument. */
	for (i = 0; i < p->nargs; i++)
		if (p->args[i].sockaddr && i + 1 >= p->nargs)
			return -1;
	fprintf(out, "LTTNG_SC(%u, %s,\n\t", nr, p->name);
	emit_fields(out, p, SC_IN);
	fprintf(out, ",\n\t");
	emit_fields(out, p, SC_OUT);
	fprintf(out, ")\n");
	return ferror(out) ? -1 : 0;
}
