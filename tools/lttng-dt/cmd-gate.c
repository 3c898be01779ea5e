// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-gate SESSION [on|off]: sets the gate of the kernel sessions of
 * that name; with no state, shows it and its counters.
 */
#include <string.h>

#include "cli.h"
#include "dt-abi.h"
#include "output.h"

static const struct poptOption gate_opts[] = {
	DT_POPT_COMMON,
	POPT_TABLEEND
};

static int gate_show(struct dt_abi *abi, const char *session)
{
	struct lttng_dt_abi_gate gate;
	int ret = dt_abi_gate_get(abi, session, &gate);

	if (ret) {
		dt_err("Cannot read the gate of session %s: %s", session,
		       dt_abi_strerror(DT_ABI_GATE, ret));
		return CMD_ERROR;
	}
	dt_out_gate(&gate);
	return CMD_SUCCESS;
}

static int gate_set(struct dt_abi *abi, const char *session, int on)
{
	int ret = dt_abi_gate_set(abi, session, on);

	if (ret) {
		dt_err("Cannot set the gate of session %s: %s", session,
		       dt_abi_strerror(DT_ABI_GATE, ret));
		return CMD_ERROR;
	}
	if (on)
		dt_msg("Gate of session %s is on: it records the events of flagged threads only",
		       session);
	else
		dt_msg("Gate of session %s is off: it records every event", session);
	return CMD_SUCCESS;
}

/* -1: show; 0, 1: off, on; -2: not a state. */
static int gate_state(const struct dt_args *args)
{
	if (args->npos < 2)
		return -1;
	if (!strcmp(args->pos[1], "on"))
		return 1;
	if (!strcmp(args->pos[1], "off"))
		return 0;
	return -2;
}

static int gate_check(const struct dt_args *args)
{
	if (args->npos < 1) {
		dt_err("Please give a session name");
		return CMD_ERROR;
	}
	if (args->npos > 2) {
		dt_err("Too many arguments ('%s')", args->pos[2]);
		return CMD_UNDEFINED;
	}
	if (gate_state(args) == -2) {
		dt_err("Invalid gate state '%s': on or off is expected",
		       args->pos[1]);
		return CMD_ERROR;
	}
	return CMD_SUCCESS;
}

int dt_cmd_gate(int argc, const char **argv)
{
	struct dt_args args;
	struct dt_abi abi;
	int ret, state;

	ret = dt_args_parse(&args, argc, argv, gate_opts, dt_opt_none, NULL);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = gate_check(&args);
	if (ret)
		goto out;
	ret = dt_cmd_open(&abi);
	if (ret)
		goto out;
	state = gate_state(&args);
	if (state < 0)
		ret = gate_show(&abi, args.pos[0]);
	else
		ret = gate_set(&abi, args.pos[0], state);
	dt_abi_close(&abi);
out:
	dt_args_free(&args);
	return ret;
}
