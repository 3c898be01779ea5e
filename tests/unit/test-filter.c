// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event filters (src/lib/filter/): hand-assembled bytecode, laid out as
 * lttng-tools 2.13 compiles expressions, run on a made-up event; and the
 * validator refusing each class of bad bytecode.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lttng/filter.h>

#include "filter-asm.h"
#include "filter-event.h"
#include "lib/filter/filter-double.h"

static const uint16_t arr_vals[4] = { 1, 2, 7, 65535 };
static const int8_t seq_vals[3] = { -1, 5, 9 };
static const uint8_t port_vals[4] = { 0x00, 0x50, 0x1f, 0x90 };	/* 80, 8080 */
static struct lttng_filter_arg args[NR_F];

static const char *cur_procname = "ls";
static int64_t cur_vpid = 42;

static void ctx_get(unsigned int id, struct lttng_filter_arg *out)
{
	if (id == 2) {
		out->p = cur_procname;
		out->len = 16;
	} else {
		out->v = cur_vpid;
	}
}

static const struct lttng_filter_env env = { ctxs, 2, ctx_get };

static void set_event(int32_t i, int64_t a, uint8_t b, const char *name,
		      const char *comm)
{
	args[F_INT].v = i;
	args[F_A].v = a;
	args[F_B].v = b;
	args[F_NAME].p = name;
	args[F_NAME].len = LTTNG_FILTER_LEN_NUL;
	args[F_COMM].p = comm;
	args[F_COMM].len = 16;
	args[F_ARR].p = arr_vals;
	args[F_ARR].len = 4;
	args[F_SEQ].p = seq_vals;
	args[F_SEQ].len = 3;
	args[F_BITS].p = arr_vals;
	args[F_BITS].len = 8;
	args[F_PORT].p = port_vals;
	args[F_PORT].len = 2;
}

static int validate(struct fasm *a)
{
	fa_finish(a);
	return lttng_filter_validate(a->data, a->data_len, a->reloc_offset);
}

/* Validates, links, runs: 1 pass, 0 reject; -1 refused, -2 link failed. */
static int eval(struct fasm *a)
{
	struct lttng_filter_prog *prog;
	int ret;

	if (validate(a))
		return -1;
	if (lttng_filter_link(a->data, a->data_len, a->reloc_offset, fields,
			      NR_F, &env, &prog))
		return -2;
	ret = lttng_filter_run(prog, args, &env);
	lttng_filter_prog_free(prog);
	return ret;
}

/* field OP number */
static int field_cmp_s64(const char *f, uint8_t op, int64_t v)
{
	struct fasm a = { 0 };

	fa_ref(&a, f);
	fa_s64(&a, v);
	fa_op(&a, op);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

static int field_cmp_str(const char *f, uint8_t op, uint8_t load, const char *s)
{
	struct fasm a = { 0 };

	fa_ref(&a, f);
	fa_str(&a, load, s);
	fa_op(&a, op);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

static void integers(void **state)
{
	(void)state;
	set_event(11, 0, 0, "foo", "bash");
	/* intfield > 10 */
	assert_int_equal(field_cmp_s64("intfield", FOP_GT, 10), 1);
	set_event(10, 0, 0, "foo", "bash");
	assert_int_equal(field_cmp_s64("intfield", FOP_GT, 10), 0);
	assert_int_equal(field_cmp_s64("intfield", FOP_GE, 10), 1);
	assert_int_equal(field_cmp_s64("intfield", FOP_EQ, 10), 1);
	assert_int_equal(field_cmp_s64("intfield", FOP_NE, 10), 0);
	assert_int_equal(field_cmp_s64("intfield", FOP_LT, 11), 1);
	assert_int_equal(field_cmp_s64("intfield", FOP_LE, 9), 0);
	/* Typed forms behave as the untyped ones. */
	assert_int_equal(field_cmp_s64("intfield", FOP_EQ_S64, 10), 1);
	set_event(-5, 0, 0, "foo", "bash");
	assert_int_equal(field_cmp_s64("intfield", FOP_LT, 0), 1);
	/* An unsigned 8-bit field is zero-extended by the probe. */
	set_event(0, 0, 200, "foo", "bash");
	assert_int_equal(field_cmp_s64("b", FOP_EQ, 200), 1);
}

/* Finish a program whose top of stack is an s64: is it want? */
static int eval_equals(struct fasm *a, int64_t want)
{
	fa_s64(a, want);
	fa_op(a, FOP_EQ);
	fa_op(a, FOP_RETURN);
	return eval(a);
}

static int arith_expr(int64_t x, uint8_t op, int64_t y, int64_t want)
{
	struct fasm a = { 0 };

	fa_s64(&a, x);
	fa_s64(&a, y);
	fa_op(&a, op);
	return eval_equals(&a, want);
}

static void arithmetic_and_bitwise(void **state)
{
	(void)state;
	assert_int_equal(arith_expr(6, FOP_MUL, 7, 42), 1);
	assert_int_equal(arith_expr(43, FOP_DIV, 7, 6), 1);
	assert_int_equal(arith_expr(43, FOP_MOD, 7, 1), 1);
	assert_int_equal(arith_expr(40, FOP_PLUS, 2, 42), 1);
	assert_int_equal(arith_expr(40, FOP_MINUS, 42, -2), 1);
	assert_int_equal(arith_expr(INT64_MAX, FOP_PLUS, 1, INT64_MIN), 1);
	assert_int_equal(arith_expr(0x10, FOP_BIT_RSHIFT, 4, 1), 1);
	assert_int_equal(arith_expr(-1, FOP_BIT_RSHIFT, 60, 15), 1);
	assert_int_equal(arith_expr(1, FOP_BIT_LSHIFT, 63, INT64_MIN), 1);
	assert_int_equal(arith_expr(0xc, FOP_BIT_AND, 4, 4), 1);
	assert_int_equal(arith_expr(0x8, FOP_BIT_OR, 4, 12), 1);
	assert_int_equal(arith_expr(0xc, FOP_BIT_XOR, 4, 8), 1);
	/* Errors reject the event: division by zero, shifts out of range. */
	assert_int_equal(arith_expr(1, FOP_DIV, 0, 0), 0);
	assert_int_equal(arith_expr(1, FOP_MOD, 0, 0), 0);
	assert_int_equal(arith_expr(INT64_MIN, FOP_DIV, -1, 0), 0);
	assert_int_equal(arith_expr(1, FOP_BIT_LSHIFT, 64, 0), 0);
	assert_int_equal(arith_expr(1, FOP_BIT_RSHIFT, -1, 0), 0);
}

static int unary_expr(int64_t x, uint8_t op, int64_t want)
{
	struct fasm a = { 0 };

	fa_s64(&a, x);
	fa_op(&a, op);
	return eval_equals(&a, want);
}

static void unary_ops(void **state)
{
	(void)state;
	assert_int_equal(unary_expr(5, FOP_UNARY_MINUS, -5), 1);
	assert_int_equal(unary_expr(5, FOP_UNARY_PLUS, 5), 1);
	assert_int_equal(unary_expr(5, FOP_UNARY_NOT, 0), 1);
	assert_int_equal(unary_expr(0, FOP_UNARY_NOT, 1), 1);
	assert_int_equal(unary_expr(0, FOP_UNARY_BIT_NOT, -1), 1);
	assert_int_equal(unary_expr(7, FOP_UNARY_MINUS_S64, -7), 1);
	assert_int_equal(unary_expr(7, FOP_UNARY_NOT_S64, 0), 1);
	assert_int_equal(unary_expr(INT64_MIN, FOP_UNARY_MINUS, INT64_MIN), 1);
	assert_int_equal(unary_expr(3, FOP_CAST_TO_S64, 3), 1);
	assert_int_equal(unary_expr(3, FOP_CAST_NOP, 3), 1);
}

/* intfield OP d, or d OP intfield when swap. */
static int double_cmp(uint8_t op, double d, bool swap)
{
	struct fasm a = { 0 };

	if (swap)
		fa_double(&a, d);
	fa_ref(&a, "intfield");
	if (!swap)
		fa_double(&a, d);
	fa_op(&a, op);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

static void doubles(void **state)
{
	(void)state;
	set_event(10, 0, 0, "foo", "bash");
	assert_int_equal(double_cmp(FOP_GT, 9.5, false), 1);
	assert_int_equal(double_cmp(FOP_GT, 10.5, false), 0);
	assert_int_equal(double_cmp(FOP_EQ, 10.0, false), 1);
	assert_int_equal(double_cmp(FOP_LT, 10.000001, false), 1);
	assert_int_equal(double_cmp(FOP_LT, -1.5, true), 1);	/* -1.5 < 10 */
	assert_int_equal(double_cmp(FOP_GT, 1e300, true), 1);
	assert_int_equal(double_cmp(FOP_GT, -INFINITY, false), 1);
	assert_int_equal(double_cmp(FOP_EQ, NAN, false), 0);
	assert_int_equal(double_cmp(FOP_NE, NAN, false), 1);
	set_event(-3, 0, 0, "foo", "bash");
	assert_int_equal(double_cmp(FOP_LT, -2.5, false), 1);
	assert_int_equal(double_cmp(FOP_GT, -3.5, false), 1);
	assert_int_equal(double_cmp(FOP_EQ, -3.0, false), 1);
}

static uint64_t bits(double d)
{
	uint64_t b;

	memcpy(&b, &d, sizeof(b));
	return b;
}

/* The integer-only double helpers against the FPU's answers. */
static void soft_doubles(void **state)
{
	static const double v[] = { 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.0,
		1e-310, -1e-310, 4503599627370496.5, 9007199254740993.0,
		9.2233720368547758e18, -9.2233720368547758e18, 1e19, -1e19,
		INFINITY, -INFINITY, 123456.789 };
	static const int64_t iv[] = { 0, 1, -1, 2, 123456, 123457, INT64_MAX,
		INT64_MIN, 4503599627370496, 9007199254740992 };
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		for (j = 0; j < sizeof(v) / sizeof(v[0]); j++)
			assert_int_equal(filter_dbl_cmp(bits(v[i]), bits(v[j])),
					 (v[i] > v[j]) - (v[i] < v[j]));
		for (j = 0; j < sizeof(iv) / sizeof(iv[0]); j++) {
			long double x = v[i], y = iv[j];

			assert_int_equal(filter_dbl_cmp_s64(bits(v[i]), iv[j]),
					 (x > y) - (x < y));
		}
		if (fabs(v[i]) < 9e18)
			assert_int_equal(filter_dbl_to_s64(bits(v[i])), (int64_t)v[i]);
	}
	assert_int_equal(filter_dbl_cmp(bits(NAN), bits(1.0)), FDBL_UNORDERED);
	assert_int_equal(filter_dbl_to_s64(bits(1e30)), INT64_MAX);
	assert_int_equal(filter_dbl_to_s64(bits(-1e30)), INT64_MIN);
}

static void strings(void **state)
{
	(void)state;
	set_event(0, 0, 0, "foobar", "bash");
	/* name == "foo*": a trailing star in a plain literal */
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STRING, "foo*"), 1);
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STRING, "foobar"), 1);
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STRING, "foo"), 0);
	assert_int_equal(field_cmp_str("name", FOP_NE, FOP_LOAD_STRING, "foo"), 1);
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STRING, "foobarx"), 0);
	assert_int_equal(field_cmp_str("name", FOP_GT, FOP_LOAD_STRING, "foo"), 1);
	assert_int_equal(field_cmp_str("name", FOP_LT, FOP_LOAD_STRING, "fop"), 1);
	assert_int_equal(field_cmp_str("name", FOP_EQ_STRING, FOP_LOAD_STRING, "foob*"), 1);
	/* An escaped star is a star. */
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STRING, "foo\\*"), 0);
	set_event(0, 0, 0, "foo*", "bash");
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STRING, "foo\\*"), 1);
	/* Full star-globs, on a string and on a text array. */
	set_event(0, 0, 0, "/usr/bin/ls", "bash");
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STAR_GLOB_STRING, "*/bin/*"), 1);
	assert_int_equal(field_cmp_str("name", FOP_EQ, FOP_LOAD_STAR_GLOB_STRING, "*/sbin/*"), 0);
	assert_int_equal(field_cmp_str("name", FOP_NE, FOP_LOAD_STAR_GLOB_STRING, "*/sbin/*"), 1);
	assert_int_equal(field_cmp_str("name", FOP_EQ_STAR_GLOB_STRING,
				       FOP_LOAD_STAR_GLOB_STRING, "*ls"), 1);
	assert_int_equal(field_cmp_str("comm", FOP_EQ, FOP_LOAD_STAR_GLOB_STRING, "*as*"), 1);
	assert_int_equal(field_cmp_str("comm", FOP_EQ, FOP_LOAD_STRING, "bash"), 1);
	assert_int_equal(field_cmp_str("comm", FOP_EQ, FOP_LOAD_STRING, "ba*"), 1);
	/* Ordering comparisons against a pattern make no sense: runtime error. */
	assert_int_equal(field_cmp_str("name", FOP_EQ_STRING + CMP_GT, FOP_LOAD_STAR_GLOB_STRING, "*"), -1);
}

/* A text array without NUL: compared within its length only. */
static void unterminated_text(void **state)
{
	static const char full[16] = "0123456789abcdef";

	(void)state;
	set_event(0, 0, 0, "x", full);
	assert_int_equal(field_cmp_str("comm", FOP_EQ, FOP_LOAD_STRING,
				       "0123456789abcdef"), 1);
	assert_int_equal(field_cmp_str("comm", FOP_EQ, FOP_LOAD_STRING,
				       "0123456789abcdefg"), 0);
	assert_int_equal(field_cmp_str("comm", FOP_EQ, FOP_LOAD_STAR_GLOB_STRING,
				       "*f"), 1);
}

static void contexts(void **state)
{
	(void)state;
	set_event(0, 0, 0, "x", "bash");
	cur_procname = "ls";
	/* $ctx.procname == "ls" */
	assert_int_equal(field_cmp_str("$ctx.procname", FOP_EQ, FOP_LOAD_STRING, "ls"), 1);
	cur_procname = "lsof";
	assert_int_equal(field_cmp_str("$ctx.procname", FOP_EQ, FOP_LOAD_STRING, "ls"), 0);
	assert_int_equal(field_cmp_str("$ctx.procname", FOP_EQ, FOP_LOAD_STRING, "ls*"), 1);
	cur_vpid = 42;
	assert_int_equal(field_cmp_s64("$ctx.vpid", FOP_EQ, 42), 1);
	assert_int_equal(field_cmp_s64("$ctx.vpid", FOP_EQ, 43), 0);
	/* A context the tracer does not have: the link fails. */
	assert_int_equal(field_cmp_s64("$ctx.nosuch", FOP_EQ, 1), -2);
}

/* a > 1 && (b & 4), as lttng-tools lays it out. */
static int and_expr(void)
{
	struct fasm a = { 0 };
	uint32_t skip;

	fa_ref(&a, "a");
	fa_s64(&a, 1);
	fa_op(&a, FOP_GT);
	skip = fa_logical(&a, FOP_AND);
	fa_ref(&a, "b");
	fa_s64(&a, 4);
	fa_op(&a, FOP_BIT_AND);
	fa_here(&a, skip);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

/* intfield == 1 || name == "x*" || $ctx.vpid > 100 */
static int or_expr(void)
{
	struct fasm a = { 0 };
	uint32_t s1, s2;

	fa_ref(&a, "intfield");
	fa_s64(&a, 1);
	fa_op(&a, FOP_EQ);
	s1 = fa_logical(&a, FOP_OR);
	fa_ref(&a, "name");
	fa_str(&a, FOP_LOAD_STRING, "x*");
	fa_op(&a, FOP_EQ);
	fa_here(&a, s1);
	s2 = fa_logical(&a, FOP_OR);
	fa_ref(&a, "$ctx.vpid");
	fa_s64(&a, 100);
	fa_op(&a, FOP_GT);
	fa_here(&a, s2);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

static void logical(void **state)
{
	(void)state;
	set_event(0, 2, 4, "x", "bash");
	assert_int_equal(and_expr(), 1);
	set_event(0, 2, 3, "x", "bash");
	assert_int_equal(and_expr(), 0);
	set_event(0, 1, 4, "x", "bash");
	assert_int_equal(and_expr(), 0);
	cur_vpid = 1;
	set_event(1, 0, 0, "y", "bash");
	assert_int_equal(or_expr(), 1);
	set_event(0, 0, 0, "xyz", "bash");
	assert_int_equal(or_expr(), 1);
	set_event(0, 0, 0, "y", "bash");
	assert_int_equal(or_expr(), 0);
	cur_vpid = 101;
	assert_int_equal(or_expr(), 1);
}

/* Short-circuit: the right side is not run when the left decides. */
static void short_circuit(void **state)
{
	struct fasm a = { 0 };
	uint32_t skip;

	(void)state;
	/* 0 && (1 / 0): the division would reject the event. */
	fa_s64(&a, 0);
	skip = fa_logical(&a, FOP_AND);
	fa_s64(&a, 1);
	fa_s64(&a, 0);
	fa_op(&a, FOP_DIV);
	fa_here(&a, skip);
	fa_op(&a, FOP_UNARY_NOT);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(eval(&a), 1);
}

/* field[index] OP v, by path (GET_PAYLOAD_ROOT ...). */
static int index_cmp(bool ctx, const char *f, uint64_t index, bool u16, int64_t v)
{
	struct fasm a = { 0 };

	fa_op(&a, ctx ? FOP_GET_CONTEXT_ROOT : FOP_GET_PAYLOAD_ROOT);
	fa_symbol(&a, f);
	if (u16) {
		fa_op(&a, FOP_GET_INDEX_U16);
		fa_u16(&a, index);
	} else {
		fa_op(&a, FOP_GET_INDEX_U64);
		fa_u64(&a, index);
	}
	fa_op(&a, FOP_LOAD_FIELD);
	fa_s64(&a, v);
	fa_op(&a, FOP_EQ);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

/* payload root, then each name of path as a symbol, load, == v */
static int path_cmp(const char * const *path, unsigned int n, int64_t v)
{
	struct fasm a = { 0 };
	unsigned int i;

	fa_op(&a, FOP_GET_PAYLOAD_ROOT);
	for (i = 0; i < n; i++)
		fa_symbol(&a, path[i]);
	fa_op(&a, FOP_LOAD_FIELD);
	fa_s64(&a, v);
	fa_op(&a, FOP_EQ);
	fa_op(&a, FOP_RETURN);
	return eval(&a);
}

/*
 * Structs and variants (network_header) cannot be read: the link fails
 * (the event is then not recorded for that filter), by name or by path,
 * and nothing is read; a member's path does not even validate. Their tag, an enumeration,
 * is an integer like any other.
 */
static void refuses_compound_fields(void **state)
{
	static const char * const var[] = { "var" };
	static const char * const var_pair[] = { "var", "pair" };
	static const char * const st[] = { "st" };
	static const char * const st_x[] = { "st", "x" };
	static const char * const x[] = { "x" };

	(void)state;
	set_event(10, 0, 0, "x", "bash");
	args[F_TAG].v = 1;
	assert_int_equal(field_cmp_s64("tag", FOP_EQ, 1), 1);
	assert_int_equal(field_cmp_s64("tag", FOP_EQ, 0), 0);
	assert_int_equal(field_cmp_s64("var", FOP_EQ, 1), -2);
	assert_int_equal(field_cmp_s64("st", FOP_EQ, 1), -2);
	assert_int_equal(field_cmp_str("st", FOP_EQ, FOP_LOAD_STRING, "a"), -2);
	assert_int_equal(path_cmp(var, 1, 1), -2);
	assert_int_equal(path_cmp(st, 1, 1), -2);
	/* A member's path is refused before linking: one symbol per path. */
	assert_int_equal(path_cmp(var_pair, 2, 1), -1);
	assert_int_equal(path_cmp(st_x, 2, 1), -1);
	/* Members are not fields of the event. */
	assert_int_equal(path_cmp(x, 1, 1), -2);
	assert_int_equal(index_cmp(false, "var", 0, false, 0), -2);
}

static void paths_and_indexes(void **state)
{
	struct fasm a = { 0 };

	(void)state;
	set_event(10, 0, 0, "x", "bash");
	assert_int_equal(index_cmp(false, "arr", 2, false, 7), 1);
	assert_int_equal(index_cmp(false, "arr", 3, true, 65535), 1);
	assert_int_equal(index_cmp(false, "seq", 0, false, -1), 1);
	assert_int_equal(index_cmp(false, "port", 1, false, 8080), 1);
	assert_int_equal(index_cmp(false, "comm", 1, false, 'a'), 1);
	assert_int_equal(index_cmp(true, "procname", 0, false, 'l'), 1);
	/* Out of bounds: rejected, not read. */
	assert_int_equal(index_cmp(false, "arr", 4, false, 0), 0);
	assert_int_equal(index_cmp(false, "name", 5, false, 0), 0);
	/* One-bit arrays cannot be read. */
	assert_int_equal(index_cmp(false, "bits", 0, false, 0), -2);
	/* A whole field by path: payload root, symbol, load. */
	fa_op(&a, FOP_GET_PAYLOAD_ROOT);
	fa_symbol(&a, "intfield");
	fa_op(&a, FOP_LOAD_FIELD);
	fa_s64(&a, 10);
	fa_op(&a, FOP_EQ);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(eval(&a), 1);
}

static void link_failures(void **state)
{
	struct lttng_filter_prog *prog = lttng_filter_prog_reject_all();

	(void)state;
	set_event(0, 0, 0, "x", "bash");
	/* Unknown field: the event gets a program admitting nothing. */
	assert_int_equal(field_cmp_s64("nosuch", FOP_EQ, 1), -2);
	assert_int_equal(lttng_filter_run(prog, args, &env), 0);
	lttng_filter_prog_free(prog);
	/* An integer array by name alone. */
	assert_int_equal(field_cmp_s64("arr", FOP_EQ, 1), -2);
	/* A string field against a number: checked at run time, rejected. */
	assert_int_equal(field_cmp_s64("name", FOP_EQ, 1), 0);
}

/* ---- The validator ------------------------------------------------------ */

static void refuses_sizes(void **state)
{
	static uint8_t big[LTTNG_FILTER_MAX_LEN + 1];
	struct fasm a = { 0 };

	(void)state;
	big[0] = FOP_RETURN;
	assert_int_equal(lttng_filter_validate(big, sizeof(big), 1), -EINVAL);
	fa_s64(&a, 1);
	fa_op(&a, FOP_RETURN);
	fa_finish(&a);
	assert_int_equal(lttng_filter_validate(a.data, a.data_len, 0), -EINVAL);
	assert_int_equal(lttng_filter_validate(a.data, a.data_len, a.data_len + 1), -EINVAL);
	assert_int_equal(lttng_filter_validate(NULL, 0, 0), -EINVAL);
	assert_int_equal(lttng_filter_validate(a.data, a.data_len, a.reloc_offset), 0);
	/* Truncated immediate: code cut inside LOAD_S64's operand. */
	assert_int_equal(lttng_filter_validate(a.data, 5, 5), -EINVAL);
}

static void refuses_truncated_string(void **state)
{
	struct fasm a = { 0 };

	(void)state;
	fa_op(&a, FOP_LOAD_STRING);
	fa_byte(&a, 'x');
	fa_finish(&a);
	assert_int_equal(lttng_filter_validate(a.data, a.data_len, a.reloc_offset), -EINVAL);
}

static int one_op(uint8_t op)
{
	struct fasm a = { 0 };

	fa_s64(&a, 1);
	fa_op(&a, op);
	fa_op(&a, FOP_RETURN);
	return validate(&a);
}

static void refuses_opcodes(void **state)
{
	(void)state;
	assert_int_equal(one_op(FOP_UNKNOWN), -EINVAL);
	assert_int_equal(one_op(FOP_NR), -EINVAL);
	assert_int_equal(one_op(0xff), -EINVAL);
	/* Typed loads carry offsets the tracer would trust. */
	assert_int_equal(one_op(FOP_LOAD_FIELD_REF_S64), -EINVAL);
	assert_int_equal(one_op(FOP_GET_CONTEXT_REF_STRING), -EINVAL);
	assert_int_equal(one_op(FOP_GET_SYMBOL_FIELD), -EINVAL);
	assert_int_equal(one_op(FOP_LOAD_FIELD_S8), -EINVAL);
	assert_int_equal(one_op(FOP_LOAD_FIELD_REF_USER_STRING), -EINVAL);
	/* Application contexts belong to lttng-ust. */
	assert_int_equal(one_op(FOP_GET_APP_CONTEXT_ROOT), -EINVAL);
	assert_int_equal(one_op(FOP_UNARY_NOT), 0);
}

static void refuses_jumps(void **state)
{
	struct fasm a;
	uint32_t at;

	(void)state;
	/* Backwards, onto itself, out of the code, into an operand. */
	static const int targets[] = { 0, 9, 0x7fff, 1 };
	size_t i;

	for (i = 0; i < 4; i++) {
		memset(&a, 0, sizeof(a));
		fa_s64(&a, 1);
		at = fa_logical(&a, FOP_AND);
		fa_s64(&a, 1);
		a.code[at] = targets[i] & 0xff;
		a.code[at + 1] = targets[i] >> 8;
		fa_op(&a, FOP_RETURN);
		assert_int_equal(validate(&a), -EINVAL);
	}
	/* Into the middle of the next instruction. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	at = fa_logical(&a, FOP_AND);
	fa_s64(&a, 1);
	a.code[at] = 14;
	a.code[at + 1] = 0;
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* A right side leaving a different depth at the target. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	at = fa_logical(&a, FOP_AND);
	fa_s64(&a, 1);
	fa_s64(&a, 1);
	fa_here(&a, at);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* The good one. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	at = fa_logical(&a, FOP_AND);
	fa_s64(&a, 1);
	fa_here(&a, at);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), 0);
}

static void refuses_stack(void **state)
{
	struct fasm a = { 0 };
	int i;

	(void)state;
	/* Deeper than the interpreter's stack. */
	for (i = 0; i < LTTNG_FILTER_STACK_MAX + 1; i++)
		fa_s64(&a, i);
	for (i = 0; i < LTTNG_FILTER_STACK_MAX; i++)
		fa_op(&a, FOP_PLUS);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* As deep as it goes: fine. */
	memset(&a, 0, sizeof(a));
	for (i = 0; i < LTTNG_FILTER_STACK_MAX; i++)
		fa_s64(&a, i);
	for (i = 0; i < LTTNG_FILTER_STACK_MAX - 1; i++)
		fa_op(&a, FOP_PLUS);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), 0);
	/* Operators without operands. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	fa_op(&a, FOP_EQ);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_UNARY_NOT);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
}

static void refuses_returns(void **state)
{
	struct fasm a = { 0 };

	(void)state;
	/* None. */
	fa_s64(&a, 1);
	assert_int_equal(validate(&a), -EINVAL);
	/* Not last. */
	fa_op(&a, FOP_RETURN);
	fa_s64(&a, 1);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* Two values left, or none. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	fa_s64(&a, 1);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* A string or a double as the verdict. */
	memset(&a, 0, sizeof(a));
	fa_str(&a, FOP_LOAD_STRING, "x");
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_double(&a, 1.0);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
}

static int two_literals(uint8_t l1, const char *s1, uint8_t op)
{
	struct fasm a = { 0 };

	fa_str(&a, l1, s1);
	fa_s64(&a, 1);
	fa_op(&a, op);
	fa_op(&a, FOP_RETURN);
	return validate(&a);
}

static void refuses_types(void **state)
{
	struct fasm a = { 0 };
	uint32_t at;

	(void)state;
	assert_int_equal(two_literals(FOP_LOAD_STRING, "a", FOP_PLUS), -EINVAL);
	assert_int_equal(two_literals(FOP_LOAD_STRING, "a", FOP_GT), -EINVAL);
	assert_int_equal(two_literals(FOP_LOAD_STRING, "a", FOP_BIT_AND), -EINVAL);
	assert_int_equal(two_literals(FOP_LOAD_STAR_GLOB_STRING, "a*", FOP_EQ), -EINVAL);
	/* Patterns: == and != only, never two of them. */
	fa_ref(&a, "name");
	fa_str(&a, FOP_LOAD_STAR_GLOB_STRING, "*a");
	fa_op(&a, FOP_LT);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_str(&a, FOP_LOAD_STAR_GLOB_STRING, "*a");
	fa_str(&a, FOP_LOAD_STAR_GLOB_STRING, "*b");
	fa_op(&a, FOP_EQ);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* Doubles take no bitwise operator. */
	memset(&a, 0, sizeof(a));
	fa_double(&a, 1.0);
	fa_s64(&a, 1);
	fa_op(&a, FOP_BIT_OR);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* A logical operator on a string. */
	memset(&a, 0, sizeof(a));
	fa_str(&a, FOP_LOAD_STRING, "a");
	at = fa_logical(&a, FOP_OR);
	fa_s64(&a, 1);
	fa_here(&a, at);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* Paths: a symbol needs a root, a load needs a symbol. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	fa_symbol(&a, "a");
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_GET_PAYLOAD_ROOT);
	fa_op(&a, FOP_LOAD_FIELD);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_GET_PAYLOAD_ROOT);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
}

static void refuses_relocations(void **state)
{
	struct fasm a = { 0 };

	(void)state;
	/* A field load without its entry. */
	fa_op(&a, FOP_LOAD_FIELD_REF);
	fa_u16(&a, 0xffff);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* Two entries for one load. */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "a");
	fa_reloc(&a, 0, "b");
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* An entry pointing at a non-load, or outside the code. */
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	fa_reloc(&a, 0, "a");
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_s64(&a, 1);
	fa_reloc(&a, 400, "a");
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* A context load naming a field, a field load naming a context. */
	memset(&a, 0, sizeof(a));
	fa_reloc(&a, 0, "procname");
	fa_op(&a, FOP_GET_CONTEXT_REF);
	fa_u16(&a, 0xffff);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	memset(&a, 0, sizeof(a));
	fa_reloc(&a, 0, "$ctx.procname");
	fa_op(&a, FOP_LOAD_FIELD_REF);
	fa_u16(&a, 0xffff);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
	/* An unterminated name. */
	memset(&a, 0, sizeof(a));
	fa_ref(&a, "a");
	fa_op(&a, FOP_RETURN);
	a.rlen--;
	assert_int_equal(validate(&a), -EINVAL);
	/* A symbol whose operand is not its entry's name. */
	memset(&a, 0, sizeof(a));
	fa_op(&a, FOP_GET_PAYLOAD_ROOT);
	fa_symbol(&a, "a");
	a.code[2]++;
	fa_op(&a, FOP_LOAD_FIELD);
	fa_op(&a, FOP_RETURN);
	assert_int_equal(validate(&a), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(integers),
		cmocka_unit_test(arithmetic_and_bitwise),
		cmocka_unit_test(unary_ops),
		cmocka_unit_test(doubles),
		cmocka_unit_test(soft_doubles),
		cmocka_unit_test(strings),
		cmocka_unit_test(unterminated_text),
		cmocka_unit_test(contexts),
		cmocka_unit_test(logical),
		cmocka_unit_test(short_circuit),
		cmocka_unit_test(paths_and_indexes),
		cmocka_unit_test(link_failures),
		cmocka_unit_test(refuses_sizes),
		cmocka_unit_test(refuses_truncated_string),
		cmocka_unit_test(refuses_opcodes),
		cmocka_unit_test(refuses_jumps),
		cmocka_unit_test(refuses_stack),
		cmocka_unit_test(refuses_returns),
		cmocka_unit_test(refuses_types),
		cmocka_unit_test(refuses_relocations),
		cmocka_unit_test(refuses_compound_fields),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("filter", tests, NULL, NULL);
}
