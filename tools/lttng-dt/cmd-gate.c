// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-gate [SESSION] [on|off]: sets the gate of the kernel sessions of
 * that name (the current session when none is given, as lttng does); with
 * no state, shows it and its counters.
 *
 * lttng create makes no kernel session: sessiond makes it at the first
 * kernel channel. When the session daemon knows the session, the kernel
 * keeps the state for it until then, so the gate can be set at any time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dt-abi.h"
#include "mark-module.h"
#include "output.h"
#include "sessions.h"

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

/*
 * Keep the state for a session the session daemon has (its kernel
 * session may come later); a name it does not have is an error, unless
 * it cannot be asked: then only existing kernel sessions are set.
 */
static int gate_flags(const char *session, unsigned int *flags)
{
	int exists = dt_session_exists(session);

	*flags = 0;
	if (exists == 0) {
		dt_err("No tracing session named %s (see lttng list)", session);
		return CMD_ERROR;
	}
	if (exists > 0)
		*flags = LTTNG_DT_ABI_GATE_KEEP;
	else
		dt_dbg("cannot ask the session daemon: kernel sessions only");
	return CMD_SUCCESS;
}

static int gate_set(struct dt_abi *abi, const char *session, int on)
{
	struct lttng_dt_abi_gate gate;
	unsigned int flags;
	int ret;

	ret = gate_flags(session, &flags);
	if (ret)
		return ret;
	ret = dt_abi_gate_set(abi, session, on, flags);
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
	if (!dt_abi_gate_get(abi, session, &gate) &&
	    (gate.flags & LTTNG_DT_ABI_GATE_KEPT))
		dt_msg("The session has no kernel channel yet: the gate applies from the first one");
	if (on)
		dt_warn_if_no_mark();
	return CMD_SUCCESS;
}

/* -1: no state (show); 0, 1: off, on; -2: not a state. */
static int state_of(const char *arg)
{
	if (!strcmp(arg, "on"))
		return 1;
	if (!strcmp(arg, "off"))
		return 0;
	return -2;
}

/*
 * [SESSION] [on|off]: a lone on or off is a state for the current
 * session. *session is malloc'ed.
 */
static int gate_parse(const struct dt_args *args, char **session, int *state)
{
	int ret = dt_cmd_max_positional(args, 2);
	const char *name = NULL;

	*state = -1;
	if (ret)
		return ret;
	if (args->npos == 2) {
		name = args->pos[0];
		*state = state_of(args->pos[1]);
		if (*state == -2) {
			dt_err("Invalid gate state '%s': on or off is expected",
			       args->pos[1]);
			return CMD_ERROR;
		}
	} else if (args->npos == 1) {
		*state = state_of(args->pos[0]);
		if (*state == -2) {
			name = args->pos[0];
			*state = -1;
		}
	}
	*session = name ? strdup(name) : dt_current_session();
	if (!*session) {
		dt_err(name ? "Out of memory" :
		       "No session given and no current session (lttng create, or lttng set-session)");
		return CMD_ERROR;
	}
	return CMD_SUCCESS;
}

int dt_cmd_gate(int argc, const char **argv)
{
	struct dt_args args;
	struct dt_abi abi;
	char *session = NULL;
	int ret, state;

	ret = dt_args_parse(&args, argc, argv, gate_opts, dt_opt_none, NULL);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = gate_parse(&args, &session, &state);
	if (ret)
		goto out;
	ret = dt_cmd_open(&abi);
	if (ret)
		goto out;
	if (state < 0)
		ret = gate_show(&abi, session);
	else
		ret = gate_set(&abi, session, state);
	dt_abi_close(&abi);
out:
	free(session);
	dt_args_free(&args);
	return ret;
}
