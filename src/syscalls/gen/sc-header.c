// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system-call table generator's reading of the kernel's own files
 * (see sc-parse.h): the syscall table, the configuration, and the
 * prototypes of include/linux/syscalls.h that the configuration keeps.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sc-internal.h"

/* ---- The syscall table ---------------------------------------------------- */

static const char *const table_macros[] = {
	"__SYSCALL", "__SYSCALL_64", "__SYSCALL_COMMON", "__SYSCALL_NORETURN",
	NULL
};

static int table_symbol(const char *sym, char *name, size_t len)
{
	if (!strncmp(sym, "__x64_", 6))
		sym += 6;
	if (strncmp(sym, "sys_", 4) || !sym[4] || strlen(sym + 4) >= len)
		return 0;
	strcpy(name, sym + 4);
	return 1;
}

int sc_parse_table_line(const char *line, unsigned int *nr, char *name,
			size_t len)
{
	char macro[SC_NAME_LEN], sym[SC_NAME_LEN];
	unsigned int n;

	if (sscanf(line, " #define __NR_%63[A-Za-z0-9_] %u", sym, &n) == 2) {
		if (n >= SC_MAX_NR || strlen(sym) >= len)
			return 0;
		*nr = n;
		strcpy(name, sym);
		return 1;
	}
	if (sscanf(line, " %63[A-Za-z0-9_] ( %u , %63[A-Za-z0-9_]", macro, &n, sym) != 3)
		return 0;
	if (!sc_in_list(macro, table_macros) || n >= SC_MAX_NR)
		return 0;
	*nr = n;
	return table_symbol(sym, name, len);
}

/* ---- The configuration ---------------------------------------------------- */

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int sc_config_parse(const char *text, struct sc_config *cfg)
{
	const char *s = text;
	size_t cap = 0;

	memset(cfg, 0, sizeof(*cfg));
	while (s && *s) {
		char name[128];

		if (sscanf(s, "#define %127[A-Za-z0-9_]", name) == 1 &&
		    !strncmp(name, "CONFIG_", 7)) {
			if (cfg->nr == cap) {
				char **d;

				cap = cap ? cap * 2 : 256;
				d = realloc(cfg->defined, cap * sizeof(*d));
				if (!d)
					goto err;
				cfg->defined = d;
			}
			cfg->defined[cfg->nr] = strdup(name);
			if (!cfg->defined[cfg->nr])
				goto err;
			cfg->nr++;
		}
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	if (cfg->nr)
		qsort(cfg->defined, cfg->nr, sizeof(*cfg->defined), cmp_names);
	cfg->bits_per_long = sc_config_defined(cfg, "CONFIG_64BIT") ? 64 : 32;
	return 0;
err:
	sc_config_free(cfg);
	return -1;
}

void sc_config_free(struct sc_config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nr; i++)
		free(cfg->defined[i]);
	free(cfg->defined);
	memset(cfg, 0, sizeof(*cfg));
}

/*
 * Where the architecture wraps its syscalls (x86_64), syscalls.h hides
 * its prototypes behind this option: they would not describe the
 * wrappers' calling convention. They still describe the arguments, which
 * is all we read, so the option counts as unset.
 */
#define WRAPPER_OPTION	"CONFIG_ARCH_HAS_SYSCALL_WRAPPER"

bool sc_config_defined(const struct sc_config *cfg, const char *name)
{
	if (!strcmp(name, WRAPPER_OPTION) || !cfg->nr)
		return false;
	return bsearch(&name, cfg->defined, cfg->nr, sizeof(*cfg->defined),
		       cmp_names) != NULL;
}

/* ---- Conditionals ------------------------------------------------------- */

/* What a condition is known to be: unknown ones keep their text. */
enum tri { NO, YES, MAYBE };

static enum tri tri_not(enum tri v)
{
	return v == MAYBE ? MAYBE : v == YES ? NO : YES;
}

struct expr {
	const struct sc_tokens *tk;
	int i;
	const struct sc_config *cfg;
};

static const char *peek(struct expr *e)
{
	return e->i < e->tk->n ? e->tk->t[e->i] : "";
}

static bool accept_op(struct expr *e, const char *a, const char *b)
{
	/* Two-character operators come as two tokens. */
	if (strcmp(peek(e), a))
		return false;
	if (b) {
		if (e->i + 1 >= e->tk->n || strcmp(e->tk->t[e->i + 1], b))
			return false;
		e->i++;
	}
	e->i++;
	return true;
}

static enum tri defined_value(const struct sc_config *cfg, const char *name)
{
	if (strncmp(name, "CONFIG_", 7))
		return MAYBE;
	return sc_config_defined(cfg, name) ? YES : NO;
}

static enum tri expr_or(struct expr *e);

/* "NAME" or "(NAME)", as the argument of defined or IS_ENABLED. */
static const char *operand_name(struct expr *e)
{
	bool paren = accept_op(e, "(", NULL);
	const char *name = peek(e);

	if (!sc_ident_start(name[0]))
		return NULL;
	e->i++;
	if (paren && !accept_op(e, ")", NULL))
		return NULL;
	return name;
}

static enum tri expr_primary(struct expr *e)
{
	const char *t = peek(e);
	enum tri v;

	if (accept_op(e, "!", NULL))
		return tri_not(expr_primary(e));
	if (accept_op(e, "(", NULL)) {
		v = expr_or(e);
		return accept_op(e, ")", NULL) ? v : MAYBE;
	}
	if (!strcmp(t, "defined") || !strcmp(t, "IS_ENABLED") ||
	    !strcmp(t, "IS_BUILTIN")) {
		bool module = !strcmp(t, "IS_ENABLED");
		const char *name;
		char mod[SC_NAME_LEN + 8];

		e->i++;
		name = operand_name(e);
		if (!name)
			return MAYBE;
		v = defined_value(e->cfg, name);
		snprintf(mod, sizeof(mod), "%s_MODULE", name);
		if (module && v == NO)
			v = defined_value(e->cfg, mod);
		return v;
	}
	if (!strcmp(t, "BITS_PER_LONG")) {
		bool eq;
		int n;

		e->i++;
		if (accept_op(e, "=", "="))
			eq = true;
		else if (accept_op(e, "!", "="))
			eq = false;
		else
			return MAYBE;
		if (sscanf(peek(e), "%d", &n) != 1)
			return MAYBE;
		e->i++;
		return (e->cfg->bits_per_long == n) == eq ? YES : NO;
	}
	if (!strncmp(t, "CONFIG_", 7)) {
		e->i++;
		return defined_value(e->cfg, t);
	}
	/* Anything else (other macros, arithmetic): not known here. */
	e->i = e->tk->n;
	return MAYBE;
}

static enum tri expr_and(struct expr *e)
{
	enum tri v = expr_primary(e);

	while (accept_op(e, "&", "&")) {
		enum tri w = expr_primary(e);

		v = (v == NO || w == NO) ? NO : (v == YES && w == YES) ? YES : MAYBE;
	}
	return v;
}

static enum tri expr_or(struct expr *e)
{
	enum tri v = expr_and(e);

	while (accept_op(e, "|", "|")) {
		enum tri w = expr_and(e);

		v = (v == YES || w == YES) ? YES : (v == NO && w == NO) ? NO : MAYBE;
	}
	return v;
}

static enum tri eval_condition(const char *kw, const char *rest,
			       const struct sc_config *cfg)
{
	struct sc_tokens tk;
	struct expr e = { .tk = &tk, .cfg = cfg };
	enum tri v;

	if (sc_tokenize(rest, strlen(rest), &tk) || !tk.n)
		return MAYBE;
	if (!strcmp(kw, "ifdef") || !strcmp(kw, "ifndef")) {
		v = defined_value(cfg, tk.t[0]);
		return strcmp(kw, "ifndef") ? v : tri_not(v);
	}
	v = expr_or(&e);
	return e.i == tk.n ? v : MAYBE;
}

struct cond {
	enum tri cur;		/* the branch being read */
	bool taken;		/* an earlier branch was surely taken */
	bool maybe;		/* an earlier branch may have been */
};

#define MAX_DEPTH	32

struct scan {
	struct cond stack[MAX_DEPTH];
	int depth;
	const struct sc_config *cfg;
};

static bool scan_active(const struct scan *sc)
{
	int i;

	for (i = 0; i < sc->depth; i++)
		if (sc->stack[i].cur == NO)
			return false;
	return true;
}

/*
 * The next branch (#elif, #else) of a conditional: not taken once an
 * earlier branch surely was; only maybe taken if an earlier one maybe
 * was; else as its condition says. A true condition rules out the
 * branches after it, whether this one is taken or an earlier one was.
 */
static enum tri next_branch(struct cond *c, enum tri v)
{
	enum tri cur;

	if (c->taken)
		cur = NO;
	else if (c->maybe)
		cur = v == NO ? NO : MAYBE;
	else
		cur = v;
	c->taken |= v == YES;
	c->maybe |= cur == MAYBE;
	return cur;
}

static int directive(struct scan *sc, const char *line)
{
	char kw[16];
	const char *rest;
	struct cond *c;
	int n = 0;

	if (sscanf(line, " # %15[a-z]%n", kw, &n) != 1)
		return 0;	/* "#" alone, or a line marker */
	rest = line + n;
	if (!strcmp(kw, "if") || !strcmp(kw, "ifdef") || !strcmp(kw, "ifndef")) {
		if (sc->depth == MAX_DEPTH)
			return -1;
		c = &sc->stack[sc->depth++];
		c->cur = eval_condition(kw, rest, sc->cfg);
		c->taken = c->cur == YES;
		c->maybe = c->cur == MAYBE;
		return 0;
	}
	if (strcmp(kw, "elif") && strcmp(kw, "else") && strcmp(kw, "endif"))
		return 0;	/* define, include, error... */
	if (!sc->depth)
		return -1;
	c = &sc->stack[sc->depth - 1];
	if (!strcmp(kw, "endif")) {
		sc->depth--;
		return 0;
	}
	c->cur = next_branch(c, strcmp(kw, "else") ?
				eval_condition("if", rest, sc->cfg) : YES);
	return 0;
}

/* ---- Header scanning ------------------------------------------------------ */

/* A copy with comments blanked out, line breaks kept. */
static char *strip_comments(const char *text)
{
	char *out = strdup(text), *s;

	if (!out)
		return NULL;
	for (s = out; *s; s++) {
		if (s[0] == '/' && s[1] == '*') {
			for (; *s && !(s[0] == '*' && s[1] == '/'); s++)
				if (*s != '\n')
					*s = ' ';
			if (!*s)
				break;
			s[0] = s[1] = ' ';
			s++;
		} else if (s[0] == '/' && s[1] == '/') {
			for (; *s && *s != '\n'; s++)
				*s = ' ';
			if (!*s)
				break;
		}
	}
	return out;
}

/* One statement (up to ';'): a syscall prototype, or something else. */
static int statement(const char *stmt, sc_proto_cb cb, void *priv)
{
	const char *s = stmt;
	struct sc_proto p;

	for (;;) {
		s = strstr(s, "asmlinkage");
		if (!s)
			return 0;
		if ((s == stmt || !sc_ident_char(s[-1])) && !sc_ident_char(s[10]))
			break;
		s += 10;
	}
	s += 10;
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "long", 4) || sc_ident_char(s[4]))
		return 0;
	s += 4;
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "sys_", 4) || sc_parse_proto(s, &p))
		return 0;	/* not a syscall, or not one we can read */
	sc_classify(&p);
	return cb(&p, priv);
}

int sc_scan_header(const char *text, const struct sc_config *cfg,
		   sc_proto_cb cb, void *priv)
{
	struct scan sc = { .cfg = cfg };
	char *buf = strip_comments(text), *line, *next, *stmt;
	size_t slen = 0;
	int ret = 0;

	stmt = buf ? malloc(strlen(buf) + 2) : NULL;
	if (!stmt) {
		free(buf);
		return -1;
	}
	for (line = buf; line && *line && !ret; line = next) {
		char *semi;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line[strspn(line, " \t")] == '#') {
			/* A directive, with its continuation lines. */
			while (next && line[0] && line[strlen(line) - 1] == '\\') {
				char *cont = next;

				next = strchr(cont, '\n');
				if (next)
					*next++ = '\0';
				line[strlen(line) - 1] = ' ';
				memmove(line + strlen(line), cont, strlen(cont) + 1);
			}
			ret = directive(&sc, line);
			continue;
		}
		if (!scan_active(&sc))
			continue;
		slen += sprintf(stmt + slen, "%s\n", line);
		while (!ret && (semi = strchr(stmt, ';'))) {
			*semi = '\0';
			ret = statement(stmt, cb, priv);
			slen -= semi + 1 - stmt;
			memmove(stmt, semi + 1, slen + 1);
		}
	}
	if (!ret && sc.depth)
		ret = -1;
	free(stmt);
	free(buf);
	return ret;
}
