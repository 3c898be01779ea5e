// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writes the filter fuzzer's seed corpus (tests/fuzz/corpus/filter/):
 * bytecode laid out as lttng-tools compiles typical expressions, in the
 * fuzzer's input format (u16 reloc_offset, then the bytecode). Run by
 * hand when the seeds should change: gen-filter-seeds DIR.
 */
#include <stdio.h>

#include "filter-asm.h"

static int out(const char *dir, const char *name, struct fasm *a)
{
	char path[512];
	FILE *f;
	uint8_t hdr[2];

	fa_finish(a);
	hdr[0] = a->reloc_offset & 0xff;
	hdr[1] = a->reloc_offset >> 8;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return 1;
	fwrite(hdr, 1, 2, f);
	fwrite(a->data, 1, a->data_len, f);
	return fclose(f) != 0;
}

int main(int argc, char **argv)
{
	struct fasm a;
	uint32_t at, at2;
	int err = 0;

	if (argc != 2)
		return 2;
	/* intfield > 10 */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "intfield"); fa_s64(&a, 10); fa_op(&a, FOP_GT); fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "int-gt", &a);
	/* name == "foo*" */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "name"); fa_str(&a, FOP_LOAD_STRING, "foo*"); fa_op(&a, FOP_EQ);
	fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "str-prefix", &a);
	/* comm == "*a*b" */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "comm"); fa_str(&a, FOP_LOAD_STAR_GLOB_STRING, "*a*b");
	fa_op(&a, FOP_EQ); fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "glob", &a);
	/* $ctx.procname == "ls" || $ctx.vpid > 3 */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "$ctx.procname"); fa_str(&a, FOP_LOAD_STRING, "ls"); fa_op(&a, FOP_EQ);
	at = fa_logical(&a, FOP_OR);
	fa_ref(&a, "$ctx.vpid"); fa_s64(&a, 3); fa_op(&a, FOP_GT);
	fa_here(&a, at);
	fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "ctx-or", &a);
	/* a > 1 && (b & 4) && intfield * 2 < 7.5 */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "a"); fa_s64(&a, 1); fa_op(&a, FOP_GT);
	at = fa_logical(&a, FOP_AND);
	fa_ref(&a, "b"); fa_s64(&a, 4); fa_op(&a, FOP_BIT_AND);
	fa_here(&a, at);
	at2 = fa_logical(&a, FOP_AND);
	fa_ref(&a, "intfield"); fa_s64(&a, 2); fa_op(&a, FOP_MUL); fa_double(&a, 7.5);
	fa_op(&a, FOP_LT);
	fa_here(&a, at2);
	fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "and-bits-double", &a);
	/* arr[2] == 7 && $ctx.procname[0] == 'f' */
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_GET_PAYLOAD_ROOT); fa_symbol(&a, "arr");
	fa_op(&a, FOP_GET_INDEX_U64); fa_u64(&a, 2); fa_op(&a, FOP_LOAD_FIELD);
	fa_s64(&a, 7); fa_op(&a, FOP_EQ);
	at = fa_logical(&a, FOP_AND);
	fa_op(&a, FOP_GET_CONTEXT_ROOT); fa_symbol(&a, "procname");
	fa_op(&a, FOP_GET_INDEX_U16); fa_u16(&a, 0); fa_op(&a, FOP_LOAD_FIELD);
	fa_s64(&a, 'f'); fa_op(&a, FOP_EQ);
	fa_here(&a, at);
	fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "index", &a);
	/* !(seq[1] >> 3) + -intfield */
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_GET_PAYLOAD_ROOT); fa_symbol(&a, "seq");
	fa_op(&a, FOP_GET_INDEX_U64); fa_u64(&a, 1); fa_op(&a, FOP_LOAD_FIELD);
	fa_s64(&a, 3); fa_op(&a, FOP_BIT_RSHIFT); fa_op(&a, FOP_UNARY_NOT);
	fa_ref(&a, "intfield"); fa_op(&a, FOP_UNARY_MINUS); fa_op(&a, FOP_PLUS);
	fa_op(&a, FOP_RETURN);
	err |= out(argv[1], "unary-shift", &a);
	return err;
}
