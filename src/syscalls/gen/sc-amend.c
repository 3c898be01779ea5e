// SPDX-License-Identifier: GPL-2.0-only
/*
 * Amendments (see sc-parse.h): "NAME.ARG @ANNOTATION..." lines of the
 * overrides, which change one argument of the kernel's own prototype
 * instead of replacing the whole of it. So what lttng-modules decided by
 * hand for a syscall (a direction, a name, a type) is stated once, and the
 * rest still follows the kernel's headers.
 */
#include <ctype.h>
#include <string.h>

#include "sc-internal.h"

static int read_ident(const char **s, char *dst, size_t size)
{
	size_t len = 0;

	while (sc_ident_char((*s)[len]))
		len++;
	if (!len || !sc_ident_start(**s) || len >= size)
		return -1;
	memcpy(dst, *s, len);
	dst[len] = '\0';
	*s += len;
	return 0;
}

int sc_parse_amend(const char *line, struct sc_amend *am)
{
	const char *s = line + strspn(line, " \t");

	memset(am, 0, sizeof(*am));
	if (read_ident(&s, am->sc, sizeof(am->sc)) || *s++ != '.' ||
	    read_ident(&s, am->arg, sizeof(am->arg)))
		return -1;
	if (!isspace((unsigned char)*s) || sc_annotate(s, &am->ann))
		return -1;
	/* The return value has a type and a base, nothing else. */
	if (!strcmp(am->arg, "ret") &&
	    (am->ann.dir_set || am->ann.kind_set || am->ann.sockaddr ||
	     am->ann.rename[0] || !am->ann.type_set))
		return -1;
	/* Socket addresses need the length argument: whole prototypes only. */
	return am->ann.sockaddr ? -1 : 0;
}

static bool name_in_use(const struct sc_proto *p, const struct sc_arg *self,
			const char *name)
{
	int i;

	if (!strcmp(name, "ret"))
		return true;
	for (i = 0; i < p->nargs; i++)
		if (&p->args[i] != self && !strcmp(p->args[i].name, name))
			return true;
	return false;
}

/* Merge what the amendment states into a copy, check it, then commit. */
static int amend_arg(struct sc_proto *p, struct sc_arg *a, const struct sc_arg *ann)
{
	struct sc_arg n = *a;

	if (ann->dir_set) {
		n.dir = ann->dir;
		n.dir_set = true;
	}
	if (ann->kind_set) {
		n.kind = ann->kind;
		n.kind_set = true;
		n.array_len = ann->array_len;
	}
	n.hex |= ann->hex;
	if (ann->type_set) {
		strcpy(n.type, ann->type);
		n.type_set = true;
	}
	if (ann->rename[0]) {
		if (name_in_use(p, a, ann->rename))
			return -1;
		strcpy(n.name, ann->rename);
	}
	if (sc_check_annotations(&n))
		return -1;
	/* A string is a char pointer; a changed type is an integer's. */
	if (n.kind == SC_KIND_STRING && !n.pointee_char)
		return -1;
	if (n.type_set && n.kind == SC_KIND_PTR)
		return -1;
	*a = n;
	return 0;
}

int sc_apply_amend(struct sc_proto *p, const struct sc_amend *am)
{
	int i;

	if (!strcmp(am->arg, "ret")) {
		strcpy(p->ret_type, am->ann.type);
		p->ret_hex = am->ann.hex;
		return 0;
	}
	for (i = 0; i < p->nargs; i++)
		if (!strcmp(p->args[i].name, am->arg))
			return amend_arg(p, &p->args[i], &am->ann);
	return 1;
}
