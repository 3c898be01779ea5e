// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the filter's validator, linker and interpreter
 * (src/lib/filter/): whatever FILTER receives, the validator either
 * refuses it or the linked program runs to a verdict within bounds.
 *
 * Input: a little-endian u16 reloc_offset, then the bytecode (code and
 * relocation table). Accepted programs are linked against a made-up
 * event (tests/unit/filter-event.h, shared with test-filter.c) and run on
 * field values also taken from the input, so that strings, arrays and
 * integers vary too.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "filter-event.h"

static void ctx_get(unsigned int id, struct lttng_filter_arg *out)
{
	static const char comm[16] = "fuzzer";

	if (id == 2) {
		out->p = comm;
		out->len = sizeof(comm);
	} else {
		out->v = 1234;
	}
}

static const struct lttng_filter_env env = { ctxs, 2, ctx_get };

/* Field values: the input's last bytes, copied so their bounds are exact. */
static void make_args(const uint8_t *data, size_t size,
		      struct lttng_filter_arg *args, char *name, uint8_t *arrays)
{
	size_t take = size < 32 ? size : 32;
	int64_t v = 0;

	memcpy(&v, data + size - (take < 8 ? take : 8), take < 8 ? take : 8);
	args[0].v = (int32_t)v;
	args[1].v = v;
	args[2].v = (uint8_t)v;
	memcpy(name, data + size - take, take);
	name[take] = '\0';
	args[3].p = name;
	args[3].len = LTTNG_FILTER_LEN_NUL;
	memcpy(arrays, data + size - take, take);
	args[4].p = arrays;
	args[4].len = take < 16 ? take : 16;
	args[5].p = arrays;
	args[5].len = take / 2 < 4 ? take / 2 : 4;
	args[6].p = arrays;
	args[6].len = take / 4;
	args[7].p = arrays;
	args[7].len = take;
	args[8].p = arrays;
	args[8].len = take / 2 < 2 ? take / 2 : 2;
	args[9].p = arrays;
	args[9].len = take / 4;
	/* The variant's tag; the variant and the struct never link. */
	args[10].v = (uint8_t)(v >> 8);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lttng_filter_arg args[NR_F];
	struct lttng_filter_prog *prog;
	uint32_t reloc_offset, len;
	char name[33];
	uint8_t arrays[32];

	if (size < 3)
		return 0;
	reloc_offset = data[0] | (data[1] << 8);
	len = size - 2;
	data += 2;
	if (lttng_filter_validate(data, len, reloc_offset))
		return 0;
	if (lttng_filter_link(data, len, reloc_offset, fields, NR_F, &env, &prog))
		return 0;
	make_args(data, len, args, name, arrays);
	lttng_filter_run(prog, args, &env);
	lttng_filter_prog_free(prog);
	return 0;
}
