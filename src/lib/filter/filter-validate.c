// SPDX-License-Identifier: GPL-2.0-only
/*
 * The filter validator: everything the interpreter relies on is checked
 * here, once, when FILTER hands the bytecode over, so that the probe
 * runs it without bounds or termination checks.
 *
 * - The sizes: bytecode and table within LTTNG_FILTER_MAX_LEN, every
 *   instruction and operand inside the code, every relocation entry and
 *   name inside the table, string immediates NUL-terminated.
 * - The opcodes: those lttng-tools emits; the typed forms it never sends
 *   are taken only where they carry no operand the tracer trusts.
 * - Termination: jumps go strictly forward, onto an instruction, and
 *   the code ends with its only RETURN.
 * - The stack: its depth is the same on every path into an instruction
 *   (one value at the end), never below an operator's operands, never
 *   above LTTNG_FILTER_STACK_MAX.
 * - The types known before linking: literals, results of operators; a
 *   field's is known only once linked, and is checked as the program runs.
 * - Relocations: one per field or context load and per symbol, naming
 *   a field, or a context with "$ctx.".
 */
#include <lttng/filter.h>

#include "filter-port.h"
#include "filter-ops.h"
#include "filter-check.h"

/* Per code byte: what the scan learnt. */
#define PC_INSN		0x01	/* an instruction starts here */
#define PC_TARGET	0x02	/* a jump lands here */
#define PC_NEEDS_RELOC	0x04	/* field, context or symbol load */
#define PC_HAS_RELOC	0x08

struct pc_info {
	uint8_t flags;
	uint8_t depth;		/* PC_TARGET: stack depth on arrival */
	uint8_t type;		/* PC_TARGET: type of the top on arrival */
};

struct vstate {
	const uint8_t *code;
	uint32_t len;
	struct pc_info *info;
	uint8_t stack[LTTNG_FILTER_STACK_MAX];	/* static types */
	unsigned int depth;
};

static int push(struct vstate *s, enum vtype t)
{
	if (s->depth == LTTNG_FILTER_STACK_MAX)
		return -EINVAL;
	s->stack[s->depth++] = t;
	return 0;
}

static enum vtype top(const struct vstate *s)
{
	return (enum vtype)s->stack[s->depth - 1];
}

/* Replace the top n values (present: checked) by one of type t. */
static int reduce(struct vstate *s, unsigned int n, enum vtype t)
{
	if (s->depth < n)
		return -EINVAL;
	s->depth -= n;
	return push(s, t);
}

static int check_jump(struct vstate *s, uint32_t pc, uint16_t target)
{
	struct pc_info *t;
	uint8_t type = top(s);

	/* Strictly forward, past the jump itself: every path terminates. */
	if (target <= pc + FOP_REF_LEN || target >= s->len)
		return -EINVAL;
	t = &s->info[target];
	if (t->flags & PC_TARGET) {
		if (t->depth != s->depth)
			return -EINVAL;
		if (t->type != type)
			t->type = VT_ANY;
	} else {
		t->flags |= PC_TARGET;
		t->depth = s->depth;
		t->type = type;
	}
	return 0;
}

/* Arriving at pc by falling through, also reached by jumps. */
static int merge_target(struct vstate *s, uint32_t pc)
{
	const struct pc_info *t = &s->info[pc];

	if (!(t->flags & PC_TARGET))
		return 0;
	if (!s->depth || t->depth != s->depth || !filter_vt_is_int(top(s)))
		return -EINVAL;
	if (t->type != top(s))
		s->stack[s->depth - 1] = VT_ANY;
	return 0;
}

/* Length of the instruction at pc, or 0 if it does not fit. */
static uint32_t insn_len(const struct vstate *s, uint32_t pc)
{
	uint32_t room = s->len - pc - 1, n;

	switch (s->code[pc]) {
	case FOP_LOAD_STRING:
	case FOP_LOAD_STAR_GLOB_STRING:
		for (n = 0; n < room; n++)
			if (!s->code[pc + 1 + n])
				return n + 2;
		return 0;
	default:
		n = filter_operand_len(s->code[pc]);
		return n <= room ? n + 1 : 0;
	}
}

static int step_load(struct vstate *s, uint32_t pc, uint8_t op)
{
	switch (op) {
	case FOP_LOAD_FIELD_REF:
	case FOP_GET_CONTEXT_REF:
		s->info[pc].flags |= PC_NEEDS_RELOC;
		return push(s, VT_ANY);
	case FOP_LOAD_STRING:
		return push(s, VT_STRING);
	case FOP_LOAD_STAR_GLOB_STRING:
		return push(s, VT_GLOB);
	case FOP_LOAD_S64:
		return push(s, VT_S64);
	case FOP_LOAD_DOUBLE:
		return push(s, VT_DOUBLE);
	case FOP_GET_PAYLOAD_ROOT:
		return push(s, VT_REF_PAYLOAD);
	case FOP_GET_CONTEXT_ROOT:
		return push(s, VT_REF_CTX);
	}
	return -EINVAL;
}

/* Loads by path: ROOT, GET_SYMBOL, at most one index, LOAD_FIELD. */
static int step_path(struct vstate *s, uint32_t pc, uint8_t op)
{
	enum vtype t = top(s);

	switch (op) {
	case FOP_GET_SYMBOL:
		if (t != VT_REF_PAYLOAD && t != VT_REF_CTX)
			return -EINVAL;
		s->info[pc].flags |= PC_NEEDS_RELOC;
		return reduce(s, 1, VT_REF_SYMBOL);
	case FOP_GET_INDEX_U16:
	case FOP_GET_INDEX_U64:
		if (t != VT_REF_SYMBOL)
			return -EINVAL;
		return reduce(s, 1, VT_REF_INDEX);
	case FOP_LOAD_FIELD:
		if (t != VT_REF_SYMBOL && t != VT_REF_INDEX)
			return -EINVAL;
		return reduce(s, 1, VT_ANY);
	}
	return -EINVAL;
}

static int step_unary(struct vstate *s, uint8_t op)
{
	enum vtype t = top(s);

	switch (op) {
	case FOP_UNARY_PLUS:
	case FOP_UNARY_MINUS:
		return filter_vt_is_num(t) ? reduce(s, 1, t) : -EINVAL;
	case FOP_UNARY_NOT:
		return filter_vt_is_num(t) ? reduce(s, 1, VT_S64) : -EINVAL;
	case FOP_UNARY_PLUS_S64:
	case FOP_UNARY_MINUS_S64:
	case FOP_UNARY_NOT_S64:
	case FOP_UNARY_BIT_NOT:
	case FOP_CAST_TO_S64:
		if (op == FOP_CAST_TO_S64 ? !filter_vt_is_num(t) : !filter_vt_is_int(t))
			return -EINVAL;
		return reduce(s, 1, VT_S64);
	case FOP_UNARY_PLUS_DOUBLE:
	case FOP_UNARY_MINUS_DOUBLE:
	case FOP_UNARY_NOT_DOUBLE:
	case FOP_CAST_DOUBLE_TO_S64:
		if (t != VT_DOUBLE && t != VT_ANY)
			return -EINVAL;
		return reduce(s, 1, op == FOP_UNARY_PLUS_DOUBLE ||
				 op == FOP_UNARY_MINUS_DOUBLE ? VT_DOUBLE : VT_S64);
	case FOP_CAST_NOP:
		return filter_vt_is_value(t) ? 0 : -EINVAL;
	}
	return -EINVAL;
}

static int step_binary(struct vstate *s, uint8_t op)
{
	enum vtype a, b;

	if (s->depth < 2)
		return -EINVAL;
	a = (enum vtype)s->stack[s->depth - 2];
	b = top(s);
	if (FOP_IS_CMP(op) || op == FOP_EQ_STAR_GLOB_STRING ||
	    op == FOP_NE_STAR_GLOB_STRING) {
		if (!filter_cmp_types_ok(op, a, b))
			return -EINVAL;
	} else if (!filter_vt_is_int(a) || !filter_vt_is_int(b)) {
		/* Arithmetic and bitwise operators take integers only. */
		return -EINVAL;
	}
	return reduce(s, 2, VT_S64);
}

static int step(struct vstate *s, uint32_t pc, uint8_t op)
{
	switch (filter_op_class(op)) {
	case OPC_LOAD:
		return step_load(s, pc, op);
	case OPC_PATH:
		return s->depth ? step_path(s, pc, op) : -EINVAL;
	case OPC_UNARY:
		return s->depth ? step_unary(s, op) : -EINVAL;
	case OPC_BINARY:
		return step_binary(s, op);
	case OPC_LOGICAL:
		if (!s->depth || !filter_vt_is_int(top(s)))
			return -EINVAL;
		/* Taken: the value stays; not taken: it is popped. */
		if (check_jump(s, pc, filter_get_u16(&s->code[pc + 1])))
			return -EINVAL;
		s->depth--;
		return 0;
	case OPC_RETURN:
		/* The only RETURN, last, with the verdict alone on the stack. */
		if (pc != s->len - 1 || s->depth != 1 || !filter_vt_is_int(top(s)))
			return -EINVAL;
		return 0;
	case OPC_INVALID:
		break;
	}
	return -EINVAL;
}

static int scan_code(struct vstate *s, unsigned int *nr_refs)
{
	uint32_t pc, n;

	for (pc = 0; pc < s->len; pc += n) {
		uint8_t op = s->code[pc];

		n = insn_len(s, pc);
		if (!n || filter_op_class(op) == OPC_INVALID)
			return -EINVAL;
		s->info[pc].flags |= PC_INSN;
		if (merge_target(s, pc) || step(s, pc, op))
			return -EINVAL;
		if (s->info[pc].flags & PC_NEEDS_RELOC)
			(*nr_refs)++;
		if (filter_op_class(op) == OPC_RETURN)
			return 0;
	}
	return -EINVAL;		/* no RETURN */
}

static int check_targets(const struct vstate *s)
{
	uint32_t pc;

	for (pc = 0; pc < s->len; pc++)
		if ((s->info[pc].flags & PC_TARGET) && !(s->info[pc].flags & PC_INSN))
			return -EINVAL;
	return 0;
}

/* The load at an entry's offset, and whether the name suits it. */
static int check_reloc(struct vstate *s, const struct filter_reloc *r,
		       uint32_t table_off)
{
	struct pc_info *info;
	uint8_t op;
	bool ctx;

	if (r->insn >= s->len)
		return -EINVAL;
	info = &s->info[r->insn];
	if (!(info->flags & PC_NEEDS_RELOC) || (info->flags & PC_HAS_RELOC))
		return -EINVAL;
	info->flags |= PC_HAS_RELOC;
	op = s->code[r->insn];
	ctx = !strncmp(r->name, FILTER_CTX_PREFIX, sizeof(FILTER_CTX_PREFIX) - 1);
	switch (op) {
	case FOP_GET_CONTEXT_REF:
		return ctx && r->name[sizeof(FILTER_CTX_PREFIX) - 1] ? 0 : -EINVAL;
	case FOP_LOAD_FIELD_REF:
		return r->name[0] != '$' ? 0 : -EINVAL;
	case FOP_GET_SYMBOL:
		/* Its operand names the entry's string, from the table start. */
		if (filter_get_u16(&s->code[r->insn + 1]) != table_off)
			return -EINVAL;
		return r->name[0] != '$' ? 0 : -EINVAL;
	}
	return -EINVAL;
}

static int scan_relocs(struct vstate *s, const uint8_t *data, uint32_t len,
		       uint32_t reloc_offset, unsigned int nr_refs)
{
	struct filter_reloc r;
	uint32_t off = reloc_offset, next;
	unsigned int nr = 0;
	int ret;

	while (off < len) {
		ret = filter_reloc_at(data, len, off, &r, &next);
		if (ret)
			return ret;
		ret = check_reloc(s, &r, off + 2 - reloc_offset);
		if (ret)
			return ret;
		nr++;
		off = next;
	}
	/* Each load has its own entry (check_reloc refuses a second one). */
	return nr == nr_refs ? 0 : -EINVAL;
}

int lttng_filter_validate(const uint8_t *data, uint32_t len, uint32_t reloc_offset)
{
	struct vstate s = { .code = data, .len = reloc_offset };
	unsigned int nr_refs = 0;
	int ret;

	if (!data || len > LTTNG_FILTER_MAX_LEN || !reloc_offset || reloc_offset > len)
		return -EINVAL;
	s.info = filter_zalloc(reloc_offset * sizeof(*s.info));
	if (!s.info)
		return -ENOMEM;
	ret = scan_code(&s, &nr_refs);
	if (!ret)
		ret = check_targets(&s);
	if (!ret)
		ret = scan_relocs(&s, data, len, reloc_offset, nr_refs);
	filter_free(s.info);
	return ret;
}
