/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small assembler of filter bytecode for the tests and the fuzzer's
 * seeds: instructions go to the code, names to the relocation table,
 * and finish() lays them out as FILTER receives them.
 */
#ifndef _FILTER_ASM_H
#define _FILTER_ASM_H

#include <stdint.h>
#include <string.h>

#include "lib/filter/filter-ops.h"

struct fasm {
	uint8_t code[8192];
	uint32_t len;
	uint8_t rel[2048];
	uint32_t rlen;
	uint8_t data[8192 + 2048];	/* after finish() */
	uint32_t data_len, reloc_offset;
};

static inline void fa_byte(struct fasm *a, uint8_t b)
{
	a->code[a->len++] = b;
}

static inline void fa_u16(struct fasm *a, uint16_t v)
{
	fa_byte(a, v & 0xff);
	fa_byte(a, v >> 8);
}

static inline void fa_u64(struct fasm *a, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		fa_byte(a, (v >> (8 * i)) & 0xff);
}

static inline void fa_op(struct fasm *a, uint8_t op)
{
	fa_byte(a, op);
}

static inline void fa_s64(struct fasm *a, int64_t v)
{
	fa_byte(a, FOP_LOAD_S64);
	fa_u64(a, (uint64_t)v);
}

static inline void fa_double(struct fasm *a, double d)
{
	uint64_t bits;

	memcpy(&bits, &d, sizeof(bits));
	fa_byte(a, FOP_LOAD_DOUBLE);
	fa_u64(a, bits);
}

static inline void fa_str(struct fasm *a, uint8_t op, const char *s)
{
	fa_byte(a, op);
	memcpy(&a->code[a->len], s, strlen(s) + 1);
	a->len += strlen(s) + 1;
}

/* A relocation entry for the instruction at insn; returns the name's offset. */
static inline uint16_t fa_reloc(struct fasm *a, uint32_t insn, const char *name)
{
	uint16_t name_off = a->rlen + 2;

	a->rel[a->rlen++] = insn & 0xff;
	a->rel[a->rlen++] = insn >> 8;
	memcpy(&a->rel[a->rlen], name, strlen(name) + 1);
	a->rlen += strlen(name) + 1;
	return name_off;
}

/* LOAD_FIELD_REF or GET_CONTEXT_REF by name ("$ctx.x" for contexts). */
static inline void fa_ref(struct fasm *a, const char *name)
{
	fa_reloc(a, a->len, name);
	fa_byte(a, name[0] == '$' ? FOP_GET_CONTEXT_REF : FOP_LOAD_FIELD_REF);
	fa_u16(a, 0xffff);
}

static inline void fa_symbol(struct fasm *a, const char *name)
{
	uint16_t off = fa_reloc(a, a->len, name);

	fa_byte(a, FOP_GET_SYMBOL);
	fa_u16(a, off);
}

/* AND or OR; returns where to patch the target with fa_here(). */
static inline uint32_t fa_logical(struct fasm *a, uint8_t op)
{
	fa_byte(a, op);
	fa_u16(a, 0xffff);
	return a->len - 2;
}

static inline void fa_here(struct fasm *a, uint32_t at)
{
	a->code[at] = a->len & 0xff;
	a->code[at + 1] = a->len >> 8;
}

static inline void fa_finish(struct fasm *a)
{
	memcpy(a->data, a->code, a->len);
	memcpy(a->data + a->len, a->rel, a->rlen);
	a->reloc_offset = a->len;
	a->data_len = a->len + a->rlen;
}

#endif /* _FILTER_ASM_H */
