/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The filter bytecode format, as lttng-tools 2.13 emits it.
 *
 * data[] is the code, then from reloc_offset to the end the relocation
 * table. Each instruction is a one-byte opcode and its operand, packed,
 * little-endian. Jump targets and relocation offsets are byte offsets
 * from the start of the code. A relocation entry is a u16 instruction
 * offset followed by a NUL-terminated name: a payload field, or a
 * context as "$ctx.NAME". GET_SYMBOL's operand is the offset of its
 * name counted from the start of the relocation table.
 *
 * Values are computed on a stack: loads push, operators pop their
 * operands and push the result, RETURN takes the top as the verdict.
 */
#ifndef _LTTNG_FILTER_OPS_H
#define _LTTNG_FILTER_OPS_H

#include "filter-port.h"

enum filter_op {
	FOP_UNKNOWN = 0,
	FOP_RETURN = 1,
	/* Arithmetic and bitwise: two values to one. */
	FOP_MUL = 2, FOP_DIV = 3, FOP_MOD = 4, FOP_PLUS = 5, FOP_MINUS = 6,
	FOP_BIT_RSHIFT = 7, FOP_BIT_LSHIFT = 8, FOP_BIT_AND = 9,
	FOP_BIT_OR = 10, FOP_BIT_XOR = 11,
	/* Comparisons, untyped then typed (six each, same order). */
	FOP_EQ = 12, FOP_NE = 13, FOP_GT = 14, FOP_LT = 15, FOP_GE = 16, FOP_LE = 17,
	FOP_EQ_STRING = 18,		/* .. LE_STRING = 23 */
	FOP_EQ_S64 = 24,		/* .. LE_S64 = 29 */
	FOP_EQ_DOUBLE = 30,		/* .. LE_DOUBLE = 35 */
	FOP_EQ_DOUBLE_S64 = 36,		/* .. LE_DOUBLE_S64 = 41 */
	FOP_EQ_S64_DOUBLE = 42,		/* .. LE_S64_DOUBLE = 47 */
	/* Unary: one value to one. */
	FOP_UNARY_PLUS = 48, FOP_UNARY_MINUS = 49, FOP_UNARY_NOT = 50,
	FOP_UNARY_PLUS_S64 = 51, FOP_UNARY_MINUS_S64 = 52, FOP_UNARY_NOT_S64 = 53,
	FOP_UNARY_PLUS_DOUBLE = 54, FOP_UNARY_MINUS_DOUBLE = 55,
	FOP_UNARY_NOT_DOUBLE = 56,
	/* Short-circuit: u16 target operand. */
	FOP_AND = 57, FOP_OR = 58,
	/* Field loads by name (u16 operand, resolved by a relocation). */
	FOP_LOAD_FIELD_REF = 59,
	FOP_LOAD_FIELD_REF_STRING = 60, FOP_LOAD_FIELD_REF_SEQUENCE = 61,
	FOP_LOAD_FIELD_REF_S64 = 62, FOP_LOAD_FIELD_REF_DOUBLE = 63,
	/* Immediates: NUL-terminated string, s64, double. */
	FOP_LOAD_STRING = 64, FOP_LOAD_S64 = 65, FOP_LOAD_DOUBLE = 66,
	FOP_CAST_TO_S64 = 67, FOP_CAST_DOUBLE_TO_S64 = 68, FOP_CAST_NOP = 69,
	/* Context loads by name (u16 operand, resolved by a relocation). */
	FOP_GET_CONTEXT_REF = 70,
	FOP_GET_CONTEXT_REF_STRING = 71, FOP_GET_CONTEXT_REF_S64 = 72,
	FOP_GET_CONTEXT_REF_DOUBLE = 73,
	FOP_LOAD_FIELD_REF_USER_STRING = 74, FOP_LOAD_FIELD_REF_USER_SEQUENCE = 75,
	/* A string literal that is a full star-glob pattern. */
	FOP_LOAD_STAR_GLOB_STRING = 76,
	FOP_EQ_STAR_GLOB_STRING = 77, FOP_NE_STAR_GLOB_STRING = 78,
	/* Loads by path: a root, a symbol (u16), indexes, then LOAD_FIELD. */
	FOP_GET_CONTEXT_ROOT = 79, FOP_GET_APP_CONTEXT_ROOT = 80,
	FOP_GET_PAYLOAD_ROOT = 81,
	FOP_GET_SYMBOL = 82, FOP_GET_SYMBOL_FIELD = 83,
	FOP_GET_INDEX_U16 = 84, FOP_GET_INDEX_U64 = 85,
	FOP_LOAD_FIELD = 86,
	FOP_LOAD_FIELD_S8 = 87,		/* .. typed loads up to 97 */
	FOP_LOAD_FIELD_DOUBLE = 97,
	FOP_UNARY_BIT_NOT = 98,
	FOP_RETURN_S64 = 99,
	FOP_NR
};

/* Comparison kind: the offset of an op within its group of six. */
enum filter_cmp { CMP_EQ, CMP_NE, CMP_GT, CMP_LT, CMP_GE, CMP_LE };

#define FOP_IS_CMP(op)	((op) >= FOP_EQ && (op) <= FOP_EQ_S64_DOUBLE + CMP_LE)
#define FOP_CMP_KIND(op)	((enum filter_cmp)(((op) - FOP_EQ) % 6))

/* Operand sizes. */
#define FOP_REF_LEN	2	/* u16: field, context, symbol or target */
#define FOP_IMM_LEN	8	/* s64 or double */
#define FOP_INDEX16_LEN	2
#define FOP_INDEX64_LEN	8

/* Names a relocation may carry: bounded, as the tracer's event names. */
#define FILTER_NAME_MAX	256
#define FILTER_CTX_PREFIX	"$ctx."

/*
 * What the linker writes over the operand of a field, context or symbol
 * load: the index of a slot of the program, which says what to read.
 */
enum filter_slot_kind {
	SLOT_INT,		/* captured integer */
	SLOT_STRING,		/* captured string or text array/sequence */
	SLOT_ARRAY,		/* captured integer array/sequence: index it */
	SLOT_CTX_INT,		/* context read at run time */
	SLOT_CTX_STRING,
};

struct filter_slot {
	unsigned char kind;
	unsigned char elem_bytes;	/* SLOT_ARRAY: 1, 2, 4 or 8 */
	bool elem_signed;
	bool elem_big_endian;
	unsigned int src;		/* field index or context id */
};

struct lttng_filter_prog {
	bool reject_all;		/* linking failed: record nothing */
	unsigned int nr_slots;
	struct filter_slot *slots;
	uint32_t len;			/* code bytes */
	uint8_t code[];
};

/* Unaligned little-endian operand reads (x86-64: plain loads). */
static inline uint16_t filter_get_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint64_t filter_get_u64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static inline void filter_put_u16(uint8_t *p, uint16_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

#endif /* _LTTNG_FILTER_OPS_H */
