// SPDX-License-Identifier: GPL-2.0-only
/*
 * The filter linker: binds validated bytecode to one event. Each field,
 * context or symbol load gets a slot saying what to read (a captured
 * field of a given kind, or a context), and its operand is rewritten to
 * the slot's index. The relocation table is not kept.
 *
 * A name the event does not have, or a field no filter can read (bit
 * arrays, structs and variants), fails the link: as with lttng-modules, the event is then not
 * recorded for that filter, and FILTER itself still succeeds, since an
 * enabler's filter may suit some of the events it matches and not others.
 */
#include <lttng/filter.h>

#include "filter-port.h"
#include "filter-ops.h"
#include "filter-check.h"

static int field_slot(const struct lttng_field_desc *f, unsigned int index,
		      struct filter_slot *slot)
{
	slot->src = index;
	switch (f->kind) {
	case LTTNG_FIELD_INTEGER:
	case LTTNG_FIELD_ENUM:
		slot->kind = SLOT_INT;
		return 0;
	case LTTNG_FIELD_STRING:
		slot->kind = SLOT_STRING;
		return 0;
	case LTTNG_FIELD_ARRAY:
	case LTTNG_FIELD_SEQUENCE:
		break;
	case LTTNG_FIELD_STRUCT:
	case LTTNG_FIELD_VARIANT:
		/* The bytecode has no way to name a member or a choice. */
		return -EINVAL;
	default:
		return -EINVAL;
	}
	if (f->type.text) {
		slot->kind = SLOT_STRING;
		return 0;
	}
	/* Whole-byte elements only: one-bit elements are not addressable. */
	if (f->type.size != 8 && f->type.size != 16 && f->type.size != 32 &&
	    f->type.size != 64)
		return -EINVAL;
	slot->kind = SLOT_ARRAY;
	slot->elem_bytes = f->type.size / 8;
	slot->elem_signed = f->type.is_signed;
	slot->elem_big_endian = f->type.big_endian;
	return 0;
}

static int find_field(const struct lttng_field_desc *fields, unsigned int nr,
		      const char *name, struct filter_slot *slot)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (!strcmp(fields[i].name, name))
			return field_slot(&fields[i], i, slot);
	return -ENOENT;
}

static int find_ctx(const struct lttng_filter_env *env, const char *name,
		    struct filter_slot *slot)
{
	unsigned int i;

	for (i = 0; env && i < env->nr_ctx; i++) {
		if (strcmp(env->ctx[i].name, name))
			continue;
		slot->kind = env->ctx[i].is_string ? SLOT_CTX_STRING : SLOT_CTX_INT;
		slot->src = env->ctx[i].id;
		return 0;
	}
	return -ENOENT;
}

struct link_args {
	const struct lttng_field_desc *fields;
	unsigned int nr_fields;
	const struct lttng_filter_env *env;
};

static int resolve(const struct link_args *a, const uint8_t *code,
		   const struct filter_reloc *r, struct filter_slot *slot)
{
	const char *name = r->name;
	int ret;

	switch (code[r->insn]) {
	case FOP_GET_CONTEXT_REF:
		return find_ctx(a->env, name + sizeof(FILTER_CTX_PREFIX) - 1, slot);
	case FOP_LOAD_FIELD_REF:
		ret = find_field(a->fields, a->nr_fields, name, slot);
		/* By name alone, only integers and strings load. */
		return ret ?: (slot->kind == SLOT_ARRAY ? -EINVAL : 0);
	case FOP_GET_SYMBOL:
		/* The validator saw the root just before: one-byte opcode. */
		if (code[r->insn - 1] == FOP_GET_CONTEXT_ROOT)
			return find_ctx(a->env, name, slot);
		return find_field(a->fields, a->nr_fields, name, slot);
	}
	return -EINVAL;
}

static int count_relocs(const uint8_t *data, uint32_t len, uint32_t off,
			unsigned int *nr)
{
	struct filter_reloc r;
	uint32_t next;

	for (*nr = 0; off < len; off = next, (*nr)++)
		if (filter_reloc_at(data, len, off, &r, &next))
			return -EINVAL;
	return 0;
}

static int apply_relocs(struct lttng_filter_prog *prog, const struct link_args *a,
			const uint8_t *data, uint32_t len, uint32_t off)
{
	struct filter_reloc r;
	uint32_t next;
	unsigned int i;
	int ret;

	for (i = 0; off < len; off = next, i++) {
		if (filter_reloc_at(data, len, off, &r, &next))
			return -EINVAL;
		ret = resolve(a, prog->code, &r, &prog->slots[i]);
		if (ret)
			return ret;
		filter_put_u16(&prog->code[r.insn + 1], (uint16_t)i);
	}
	return 0;
}

/*
 * data was accepted by lttng_filter_validate(). Returns 0 and a program,
 * -ENOMEM, or another error if the event lacks a name the filter uses.
 */
int lttng_filter_link(const uint8_t *data, uint32_t len, uint32_t reloc_offset,
		      const struct lttng_field_desc *fields, unsigned int nr_fields,
		      const struct lttng_filter_env *env,
		      struct lttng_filter_prog **out)
{
	struct link_args a = { fields, nr_fields, env };
	struct lttng_filter_prog *prog;
	unsigned int nr;
	int ret;

	*out = NULL;
	ret = count_relocs(data, len, reloc_offset, &nr);
	if (ret)
		return ret;
	prog = filter_zalloc(sizeof(*prog) + reloc_offset);
	if (!prog)
		return -ENOMEM;
	prog->slots = filter_zalloc((nr ?: 1) * sizeof(*prog->slots));
	if (!prog->slots) {
		filter_free(prog);
		return -ENOMEM;
	}
	prog->nr_slots = nr;
	prog->len = reloc_offset;
	memcpy(prog->code, data, reloc_offset);
	ret = apply_relocs(prog, &a, data, len, reloc_offset);
	if (ret) {
		lttng_filter_prog_free(prog);
		return ret;
	}
	*out = prog;
	return 0;
}

struct lttng_filter_prog *lttng_filter_prog_reject_all(void)
{
	struct lttng_filter_prog *prog = filter_zalloc(sizeof(*prog));

	if (prog)
		prog->reject_all = true;
	return prog;
}

void lttng_filter_prog_free(struct lttng_filter_prog *prog)
{
	if (!prog)
		return;
	filter_free(prog->slots);
	filter_free(prog);
}
