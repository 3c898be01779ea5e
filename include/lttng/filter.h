/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event filters: the bytecode lttng-tools compiles from
 * `lttng enable-event --filter EXPR` (src/lib/filter/, doc/architecture.md).
 *
 * A filter goes through three steps:
 *  - lttng_filter_validate() when FILTER hands it over: its structure is
 *    checked once (bounds, opcodes, forward jumps, stack depth, the
 *    types known before linking); bad bytecode is refused with -EINVAL;
 *  - lttng_filter_link() for each event it may apply to: field and
 *    context names are resolved against that event, giving a program;
 *  - lttng_filter_run() in the probe, on the event's captured fields.
 *
 * Pure code: it also builds in userspace for the unit tests and the fuzzer.
 */
#ifndef _LTTNG_FILTER_H
#define _LTTNG_FILTER_H

#include <lttng/event-types.h>

#ifndef __KERNEL__
#include <stddef.h>
#include <stdint.h>
#endif

/* Bytecode and relocation table together, as the ABI bounds them. */
#define LTTNG_FILTER_MAX_LEN		65536
/* Values on the interpreter's stack at once (it lives on the probe's stack). */
#define LTTNG_FILTER_STACK_MAX		16

/*
 * One event field as the probe captures it for the filter: integers as
 * a host-order s64 (sign- or zero-extended), strings, arrays and
 * sequences as a pointer and a length in elements. A NUL-terminated
 * string has LTTNG_FILTER_LEN_NUL: it ends at its NUL.
 */
#define LTTNG_FILTER_LEN_NUL		((size_t)-1)

/*
 * The filter path's scratch arrays (captured fields, the interpreter's
 * stack) are written before they are read. Kernels built with
 * INIT_STACK_ALL_ZERO would clear them on every filtered event, some
 * 800 bytes, more than the rest of a refusal costs: they are left out
 * of that zeroing where the compiler allows it.
 */
#if defined(__has_attribute)
#if __has_attribute(__uninitialized__)
#define lttng_filter_scratch	__attribute__((__uninitialized__))
#endif
#endif
#ifndef lttng_filter_scratch
#define lttng_filter_scratch
#endif

struct lttng_filter_arg {
	union {
		int64_t v;
		const void *p;
	};
	size_t len;
};

/* A context a filter may read as $ctx.NAME; ids are the caller's. */
struct lttng_filter_ctx_desc {
	const char *name;
	unsigned int id;
	int is_string;
};

struct lttng_filter_env {
	const struct lttng_filter_ctx_desc *ctx;
	unsigned int nr_ctx;
	/* Reads context id for the current event; strings are bounded by len. */
	void (*ctx_get)(unsigned int id, struct lttng_filter_arg *out);
};

struct lttng_filter_prog;

int lttng_filter_validate(const uint8_t *data, uint32_t len, uint32_t reloc_offset);
int lttng_filter_link(const uint8_t *data, uint32_t len, uint32_t reloc_offset,
		      const struct lttng_field_desc *fields, unsigned int nr_fields,
		      const struct lttng_filter_env *env,
		      struct lttng_filter_prog **out);
/* A program that admits nothing: what an event gets when linking fails. */
struct lttng_filter_prog *lttng_filter_prog_reject_all(void);
void lttng_filter_prog_free(struct lttng_filter_prog *prog);
/* Whether the event whose fields are args passes; errors reject it. */
int lttng_filter_run(const struct lttng_filter_prog *prog,
		     const struct lttng_filter_arg *args,
		     const struct lttng_filter_env *env);

#endif /* _LTTNG_FILTER_H */
