/* SPDX-License-Identifier: GPL-2.0-only */
/* What sc-parse.c, sc-header.c and sc-amend.c share: words of C text, annotations. */
#ifndef _LTTNG_SC_INTERNAL_H
#define _LTTNG_SC_INTERNAL_H

#include "sc-parse.h"

#define SC_MAX_TOKENS	48

/* Identifiers and numbers are words; anything else is a one-char token. */
struct sc_tokens {
	char t[SC_MAX_TOKENS][SC_NAME_LEN];
	int n;
};

int sc_tokenize(const char *s, size_t len, struct sc_tokens *tk);
bool sc_ident_start(char c);
bool sc_ident_char(char c);
bool sc_in_list(const char *s, const char *const *list);
/* Read "@A @B..." into arg, setting what each says; -1 on a bad one. */
int sc_annotate(const char *s, struct sc_arg *arg);
/* Whether what arg is annotated to record suits its declaration. */
int sc_check_annotations(const struct sc_arg *arg);

#endif /* _LTTNG_SC_INTERNAL_H */
