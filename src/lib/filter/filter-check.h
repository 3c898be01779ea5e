/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the validator and the linker share: instruction classes and
 * operand sizes, the types known before linking, relocation entries.
 */
#ifndef _LTTNG_FILTER_CHECK_H
#define _LTTNG_FILTER_CHECK_H

#include "filter-port.h"
#include "filter-ops.h"

enum filter_op_class {
	OPC_INVALID,
	OPC_RETURN,
	OPC_BINARY,
	OPC_UNARY,	/* unary operators and casts */
	OPC_LOGICAL,
	OPC_LOAD,	/* pushes a value or a path root */
	OPC_PATH,	/* GET_SYMBOL, GET_INDEX_*, LOAD_FIELD */
};

/*
 * Opcodes taken from userspace. The typed loads (..._REF_S64, LOAD_FIELD_S8,
 * GET_SYMBOL_FIELD, ...) are refused: their operands would be trusted
 * offsets. Application contexts and user-memory loads are for lttng-ust.
 */
static inline enum filter_op_class filter_op_class(uint8_t op)
{
	if (op == FOP_RETURN || op == FOP_RETURN_S64)
		return OPC_RETURN;
	if ((op >= FOP_MUL && op <= FOP_BIT_XOR) || FOP_IS_CMP(op) ||
	    op == FOP_EQ_STAR_GLOB_STRING || op == FOP_NE_STAR_GLOB_STRING)
		return OPC_BINARY;
	if ((op >= FOP_UNARY_PLUS && op <= FOP_UNARY_NOT_DOUBLE) ||
	    op == FOP_UNARY_BIT_NOT ||
	    (op >= FOP_CAST_TO_S64 && op <= FOP_CAST_NOP))
		return OPC_UNARY;
	if (op == FOP_AND || op == FOP_OR)
		return OPC_LOGICAL;
	switch (op) {
	case FOP_LOAD_FIELD_REF:
	case FOP_GET_CONTEXT_REF:
	case FOP_LOAD_STRING:
	case FOP_LOAD_STAR_GLOB_STRING:
	case FOP_LOAD_S64:
	case FOP_LOAD_DOUBLE:
	case FOP_GET_PAYLOAD_ROOT:
	case FOP_GET_CONTEXT_ROOT:
		return OPC_LOAD;
	case FOP_GET_SYMBOL:
	case FOP_GET_INDEX_U16:
	case FOP_GET_INDEX_U64:
	case FOP_LOAD_FIELD:
		return OPC_PATH;
	}
	return OPC_INVALID;
}

/* Fixed operand bytes after the opcode (strings are measured apart). */
static inline uint32_t filter_operand_len(uint8_t op)
{
	switch (op) {
	case FOP_AND:
	case FOP_OR:
	case FOP_LOAD_FIELD_REF:
	case FOP_GET_CONTEXT_REF:
	case FOP_GET_SYMBOL:
		return FOP_REF_LEN;
	case FOP_GET_INDEX_U16:
		return FOP_INDEX16_LEN;
	case FOP_GET_INDEX_U64:
		return FOP_INDEX64_LEN;
	case FOP_LOAD_S64:
	case FOP_LOAD_DOUBLE:
		return FOP_IMM_LEN;
	}
	return 0;
}

/* Types known before linking. */
enum vtype {
	VT_ANY,		/* a field or context: integer or string */
	VT_S64,
	VT_DOUBLE,
	VT_STRING,
	VT_GLOB,	/* star-glob pattern literal */
	VT_REF_PAYLOAD,	/* path loads in progress */
	VT_REF_CTX,
	VT_REF_SYMBOL,
	VT_REF_INDEX,
};

static inline bool filter_vt_is_value(enum vtype t)
{
	return t <= VT_GLOB;
}

static inline bool filter_vt_is_int(enum vtype t)
{
	return t == VT_ANY || t == VT_S64;
}

static inline bool filter_vt_is_num(enum vtype t)
{
	return t == VT_ANY || t == VT_S64 || t == VT_DOUBLE;
}

static inline bool filter_vt_is_str(enum vtype t)
{
	return t == VT_ANY || t == VT_STRING || t == VT_GLOB;
}

/* Whether a comparison op may apply to a (below) and b (top). */
static inline bool filter_cmp_types_ok(uint8_t op, enum vtype a, enum vtype b)
{
	bool glob = a == VT_GLOB || b == VT_GLOB;

	if (!filter_vt_is_value(a) || !filter_vt_is_value(b))
		return false;
	/* A pattern matches a string: == and != only, never two patterns. */
	if (glob && (a == b || (FOP_IS_CMP(op) && FOP_CMP_KIND(op) > CMP_NE)))
		return false;
	if (op == FOP_EQ_STAR_GLOB_STRING || op == FOP_NE_STAR_GLOB_STRING)
		return glob && filter_vt_is_str(a) && filter_vt_is_str(b);
	if (op >= FOP_EQ_STRING && op < FOP_EQ_S64)
		return filter_vt_is_str(a) && filter_vt_is_str(b) && !glob;
	if (op >= FOP_EQ_S64)
		return filter_vt_is_num(a) && filter_vt_is_num(b);
	/* Untyped: both numbers or both strings, as far as known. */
	if (a == VT_ANY || b == VT_ANY)
		return true;
	return filter_vt_is_num(a) == filter_vt_is_num(b);
}

/* One relocation entry: the load it resolves and the name. */
struct filter_reloc {
	uint16_t insn;
	const char *name;
};

/* Reads the entry at off; next is where the following one starts. */
static inline int filter_reloc_at(const uint8_t *data, uint32_t len, uint32_t off,
				  struct filter_reloc *r, uint32_t *next)
{
	uint32_t n, room;

	if (len - off < 2 + 2)		/* offset, one character, NUL */
		return -EINVAL;
	r->insn = filter_get_u16(&data[off]);
	r->name = (const char *)&data[off + 2];
	room = len - off - 2;
	if (room > FILTER_NAME_MAX)
		room = FILTER_NAME_MAX;
	for (n = 0; n < room; n++)
		if (!r->name[n])
			break;
	if (n == room || !n)
		return -EINVAL;
	*next = off + 2 + n + 1;
	return 0;
}

#endif /* _LTTNG_FILTER_CHECK_H */
