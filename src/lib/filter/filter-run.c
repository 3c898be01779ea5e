// SPDX-License-Identifier: GPL-2.0-only
/*
 * The filter interpreter, run by probes on a linked program.
 *
 * The validator proved the structure (instructions in bounds, forward
 * jumps, the stack depth), so the loop checks none of it. Types are
 * checked here, on each operation: a field's type is only known once
 * linked, and a wrong one (a string field compared with a number) is an
 * error. Any error rejects the event, as lttng-modules does.
 *
 * No floating point: doubles are compared on their bits (filter-double.c).
 */
#include <lttng/filter.h>

#include "filter-port.h"
#include "filter-ops.h"
#include "filter-check.h"
#include "filter-double.h"
#include "filter-str.h"

enum etype { E_S64, E_DOUBLE, E_STR, E_REF };

struct entry {
	unsigned char type;
	unsigned char str_kind;		/* E_STR: enum fstr_kind */
	bool has_index;			/* E_REF */
	unsigned char root;		/* E_REF: the root opcode */
	unsigned int slot;		/* E_REF: after GET_SYMBOL */
	union {
		int64_t v;
		uint64_t d;
		uint64_t index;		/* E_REF */
		struct {
			const char *s;
			size_t len;
		} str;
	};
};

struct run {
	const struct lttng_filter_prog *prog;
	const struct lttng_filter_arg *args;
	const struct lttng_filter_env *env;
};

static void set_s64(struct entry *e, int64_t v)
{
	e->type = E_S64;
	e->v = v;
}

static void set_str(struct entry *e, const void *s, size_t len, unsigned char kind)
{
	e->type = E_STR;
	e->str.s = s;
	e->str.len = len;
	e->str_kind = kind;
}

static int cmp_result(enum filter_cmp kind, int r)
{
	if (r == FDBL_UNORDERED)
		return kind == CMP_NE;
	switch (kind) {
	case CMP_EQ: return r == 0;
	case CMP_NE: return r != 0;
	case CMP_GT: return r > 0;
	case CMP_LT: return r < 0;
	case CMP_GE: return r >= 0;
	case CMP_LE: return r <= 0;
	}
	return 0;
}

static int cmp_strings(enum filter_cmp kind, const struct entry *a,
		       const struct entry *b, int *res)
{
	struct fstr sa = { a->str.s, a->str.len, a->str_kind };
	struct fstr sb = { b->str.s, b->str.len, b->str_kind };

	if (sa.kind == FSTR_GLOB || sb.kind == FSTR_GLOB) {
		if ((sa.kind == FSTR_GLOB && sb.kind == FSTR_GLOB) || kind > CMP_NE)
			return -EINVAL;
		*res = filter_str_glob(sa.kind == FSTR_GLOB ? &sa : &sb,
				       sa.kind == FSTR_GLOB ? &sb : &sa);
		*res = kind == CMP_EQ ? *res : !*res;
		return 0;
	}
	*res = cmp_result(kind, filter_str_cmp(&sa, &sb));
	return 0;
}

/* a (below) compared with b (top), whatever the typed op said. */
static int compare(enum filter_cmp kind, const struct entry *a,
		   const struct entry *b, int *res)
{
	int r;

	if (a->type == E_STR && b->type == E_STR)
		return cmp_strings(kind, a, b, res);
	if (a->type == E_S64 && b->type == E_S64)
		r = (a->v > b->v) - (a->v < b->v);
	else if (a->type == E_DOUBLE && b->type == E_DOUBLE)
		r = filter_dbl_cmp(a->d, b->d);
	else if (a->type == E_DOUBLE && b->type == E_S64)
		r = filter_dbl_cmp_s64(a->d, b->v);
	else if (a->type == E_S64 && b->type == E_DOUBLE)
		r = -filter_dbl_cmp_s64(b->d, a->v);
	else
		return -EINVAL;
	if (r == -FDBL_UNORDERED)
		r = FDBL_UNORDERED;
	*res = cmp_result(kind, r);
	return 0;
}

/* Integer operators, computed unsigned where signed would overflow. */
static int arith(uint8_t op, int64_t a, int64_t b, int64_t *res)
{
	switch (op) {
	case FOP_MUL: *res = (int64_t)((uint64_t)a * (uint64_t)b); return 0;
	case FOP_PLUS: *res = (int64_t)((uint64_t)a + (uint64_t)b); return 0;
	case FOP_MINUS: *res = (int64_t)((uint64_t)a - (uint64_t)b); return 0;
	case FOP_BIT_AND: *res = a & b; return 0;
	case FOP_BIT_OR: *res = a | b; return 0;
	case FOP_BIT_XOR: *res = a ^ b; return 0;
	case FOP_DIV:
	case FOP_MOD:
		if (!b || (a == INT64_MIN && b == -1))
			return -EINVAL;
		*res = op == FOP_DIV ? a / b : a % b;
		return 0;
	case FOP_BIT_RSHIFT:
	case FOP_BIT_LSHIFT:
		if (b < 0 || b >= 64)
			return -EINVAL;
		*res = op == FOP_BIT_LSHIFT ? (int64_t)((uint64_t)a << b) :
					      (int64_t)((uint64_t)a >> b);
		return 0;
	}
	return -EINVAL;
}

static int binary(uint8_t op, struct entry *a, const struct entry *b)
{
	int64_t v;
	int res;

	if (FOP_IS_CMP(op) || op == FOP_EQ_STAR_GLOB_STRING ||
	    op == FOP_NE_STAR_GLOB_STRING) {
		enum filter_cmp kind = FOP_IS_CMP(op) ? FOP_CMP_KIND(op) :
				       op == FOP_EQ_STAR_GLOB_STRING ? CMP_EQ : CMP_NE;

		if (compare(kind, a, b, &res))
			return -EINVAL;
		set_s64(a, res);
		return 0;
	}
	if (a->type != E_S64 || b->type != E_S64 || arith(op, a->v, b->v, &v))
		return -EINVAL;
	set_s64(a, v);
	return 0;
}

static int unary(uint8_t op, struct entry *e)
{
	if (op == FOP_CAST_NOP)
		return 0;
	if (e->type == E_DOUBLE) {
		switch (op) {
		case FOP_UNARY_PLUS: case FOP_UNARY_PLUS_DOUBLE:
			return 0;
		case FOP_UNARY_MINUS: case FOP_UNARY_MINUS_DOUBLE:
			e->d = filter_dbl_neg(e->d);
			return 0;
		case FOP_UNARY_NOT: case FOP_UNARY_NOT_DOUBLE:
			set_s64(e, filter_dbl_is_zero(e->d));
			return 0;
		case FOP_CAST_TO_S64: case FOP_CAST_DOUBLE_TO_S64:
			set_s64(e, filter_dbl_to_s64(e->d));
			return 0;
		}
		return -EINVAL;
	}
	if (e->type != E_S64)
		return -EINVAL;
	switch (op) {
	case FOP_UNARY_MINUS: case FOP_UNARY_MINUS_S64: case FOP_UNARY_MINUS_DOUBLE:
		e->v = (int64_t)(0 - (uint64_t)e->v);
		return 0;
	case FOP_UNARY_NOT: case FOP_UNARY_NOT_S64: case FOP_UNARY_NOT_DOUBLE:
		e->v = !e->v;
		return 0;
	case FOP_UNARY_BIT_NOT:
		e->v = ~e->v;
		return 0;
	}
	return 0;	/* pluses and casts of an integer */
}

/* A slot's whole value: an integer or a string. */
static int load_slot(const struct run *r, unsigned int i, struct entry *e)
{
	const struct filter_slot *slot = &r->prog->slots[i];
	struct lttng_filter_arg ctx;
	const struct lttng_filter_arg *a = &r->args[slot->src];

	switch (slot->kind) {
	case SLOT_INT:
		set_s64(e, a->v);
		return 0;
	case SLOT_STRING:
		set_str(e, a->p, a->len, FSTR_RAW);
		return 0;
	case SLOT_CTX_INT:
	case SLOT_CTX_STRING:
		if (!r->env || !r->env->ctx_get)
			return -EINVAL;
		r->env->ctx_get(slot->src, &ctx);
		if (slot->kind == SLOT_CTX_INT)
			set_s64(e, ctx.v);
		else
			set_str(e, ctx.p, ctx.len, FSTR_RAW);
		return 0;
	}
	return -EINVAL;		/* an array, which only an index reads */
}

static int64_t read_elem(const struct filter_slot *slot, const uint8_t *p)
{
	uint64_t v = 0;
	unsigned int n = slot->elem_bytes, i;

	/* Assemble in the element's byte order, then sign-extend. */
	for (i = 0; i < n; i++)
		v |= (uint64_t)p[slot->elem_big_endian ? n - 1 - i : i] << (8 * i);
	if (slot->elem_signed && n < 8 && (v >> (8 * n - 1)) & 1)
		v |= ~0ULL << (8 * n);
	return (int64_t)v;
}

/* Element index of an array, sequence or string slot. */
static int load_elem(const struct run *r, const struct entry *ref, struct entry *e)
{
	const struct filter_slot *slot = &r->prog->slots[ref->slot];
	struct entry whole;
	const uint8_t *p;
	size_t i = ref->index, n;

	if (slot->kind == SLOT_ARRAY) {
		const struct lttng_filter_arg *a = &r->args[slot->src];

		if (ref->index >= a->len)
			return -EINVAL;
		set_s64(e, read_elem(slot, (const uint8_t *)a->p + i * slot->elem_bytes));
		return 0;
	}
	if (load_slot(r, ref->slot, &whole) || whole.type != E_STR ||
	    ref->index >= whole.str.len)
		return -EINVAL;
	/* Within the string: no NUL before the index. */
	p = (const uint8_t *)whole.str.s;
	if (!p)
		return -EINVAL;
	for (n = 0; n < i; n++)
		if (!p[n])
			return -EINVAL;
	set_s64(e, (int8_t)p[i]);
	return 0;
}

static int path(const struct run *r, uint8_t op, const uint8_t *operand,
		struct entry *e)
{
	if (e->type != E_REF)
		return -EINVAL;
	switch (op) {
	case FOP_GET_SYMBOL:
		e->slot = filter_get_u16(operand);
		return 0;
	case FOP_GET_INDEX_U16:
		e->has_index = true;
		e->index = filter_get_u16(operand);
		return 0;
	case FOP_GET_INDEX_U64:
		e->has_index = true;
		e->index = filter_get_u64(operand);
		return 0;
	case FOP_LOAD_FIELD:
		if (e->has_index)
			return load_elem(r, e, e);
		return load_slot(r, e->slot, e);
	}
	return -EINVAL;
}

static int load(const struct run *r, uint8_t op, const uint8_t *operand,
		struct entry *e)
{
	switch (op) {
	case FOP_LOAD_FIELD_REF:
	case FOP_GET_CONTEXT_REF:
		return load_slot(r, filter_get_u16(operand), e);
	case FOP_LOAD_STRING:
		set_str(e, operand, LTTNG_FILTER_LEN_NUL, FSTR_LITERAL);
		return 0;
	case FOP_LOAD_STAR_GLOB_STRING:
		set_str(e, operand, LTTNG_FILTER_LEN_NUL, FSTR_GLOB);
		return 0;
	case FOP_LOAD_S64:
		set_s64(e, (int64_t)filter_get_u64(operand));
		return 0;
	case FOP_LOAD_DOUBLE:
		e->type = E_DOUBLE;
		e->d = filter_get_u64(operand);
		return 0;
	}
	/* A path root. */
	e->type = E_REF;
	e->root = op;
	e->has_index = false;
	return 0;
}

/* Bytes of the instruction at pc (validated: strings end in the code). */
static uint32_t run_insn_len(const uint8_t *code, uint32_t pc)
{
	uint8_t op = code[pc];

	if (op == FOP_LOAD_STRING || op == FOP_LOAD_STAR_GLOB_STRING)
		return strlen((const char *)&code[pc + 1]) + 2;
	return filter_operand_len(op) + 1;
}

/* 1 if the event passes, 0 if not or on error. */
int lttng_filter_run(const struct lttng_filter_prog *prog,
		     const struct lttng_filter_arg *args,
		     const struct lttng_filter_env *env)
{
	struct run r = { prog, args, env };
	struct entry stack[LTTNG_FILTER_STACK_MAX] lttng_filter_scratch;
	unsigned int sp = 0;	/* values on the stack */
	uint32_t pc = 0;

	if (prog->reject_all)
		return 0;
	for (;;) {
		const uint8_t *insn = &prog->code[pc];
		uint8_t op = insn[0];
		int err = 0;

		switch (filter_op_class(op)) {
		case OPC_RETURN:
			return stack[0].type == E_S64 && stack[0].v != 0;
		case OPC_LOGICAL:
			if (stack[sp - 1].type != E_S64)
				return 0;
			/* AND stops on false, OR on true; the value stays. */
			if ((op == FOP_AND) == !stack[sp - 1].v) {
				pc = filter_get_u16(insn + 1);
				continue;
			}
			sp--;
			break;
		case OPC_LOAD:
			err = load(&r, op, insn + 1, &stack[sp++]);
			break;
		case OPC_PATH:
			err = path(&r, op, insn + 1, &stack[sp - 1]);
			break;
		case OPC_UNARY:
			err = unary(op, &stack[sp - 1]);
			break;
		case OPC_BINARY:
			err = binary(op, &stack[sp - 2], &stack[sp - 1]);
			sp--;
			break;
		default:
			return 0;
		}
		if (unlikely(err))
			return 0;
		pc += run_insn_len(prog->code, pc);
	}
}
