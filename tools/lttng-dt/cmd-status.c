// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-status [SESSION]...: the extension's version and counters,
 * then the gate of each session named, or of every session of the
 * session daemon.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "cli.h"
#include "dt-abi.h"
#include "output.h"
#include "sessions.h"

static const struct poptOption status_opts[] = {
	DT_POPT_COMMON,
	POPT_TABLEEND
};

/* One session; named: the user asked for it, so its absence is an error. */
static int status_session(struct dt_abi *abi, const char *name, int named)
{
	struct lttng_dt_abi_gate gate;
	int ret = dt_abi_gate_get(abi, name, &gate);

	if (!ret) {
		dt_out_status_session(name, &gate);
		return CMD_SUCCESS;
	}
	if (ret == -ENOENT && !named) {
		dt_out_status_session(name, NULL);
		return CMD_SUCCESS;
	}
	dt_err("Cannot read the gate of session %s: %s", name,
	       dt_abi_strerror(DT_ABI_GATE, ret));
	return CMD_ERROR;
}

static int status_named(struct dt_abi *abi, const char **names, int n)
{
	int i, ok = 0;

	dt_msg("\nSessions:");
	for (i = 0; i < n; i++)
		ok += status_session(abi, names[i], 1) == CMD_SUCCESS;
	if (ok == n)
		return CMD_SUCCESS;
	return ok ? CMD_WARNING : CMD_ERROR;
}

static int status_all(struct dt_abi *abi)
{
	char **names;
	int i, n, ret;

	ret = dt_sessions_list(&names, &n);
	if (ret == -ENOSYS) {
		dt_msg("\nSessions: name them (lttng dt-status SESSION...): built without liblttng-ctl");
		return CMD_SUCCESS;
	}
	if (ret) {
		dt_msg("\nSessions: no session daemon answers (name sessions to see their gates)");
		return CMD_SUCCESS;
	}
	dt_msg(n ? "\nSessions:" : "\nSessions: none");
	for (i = 0; i < n; i++)
		status_session(abi, names[i], 0);
	dt_sessions_free(names, n);
	return CMD_SUCCESS;
}

/* Whether one of nets is ::/0, which holds every IPv4-mapped address too. */
static int trust_has_all(const struct lttng_dt_abi_trust_net *nets, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (nets[i].family == AF_INET6 && nets[i].prefix == 0)
			return 1;
	return 0;
}

/* The size of the trust list, or whether lttng-dt-tcp is there at all. */
static long status_trusted(struct dt_abi *abi)
{
	struct lttng_dt_abi_trust_net *nets;
	size_t count;
	long ret;

	ret = dt_abi_trust_list(abi, &nets, &count);
	if (ret == -ENODEV)
		return DT_MARK_NOT_LOADED;
	if (ret)
		return DT_MARK_UNKNOWN;
	ret = trust_has_all(nets, count) ? DT_MARK_TRUST_ALL : (long)count;
	free(nets);
	return ret;
}

static int status_run(const struct dt_args *args)
{
	struct lttng_dt_abi_stats stats;
	struct dt_abi abi;
	int ret;

	ret = dt_cmd_open(&abi);
	if (ret)
		return ret;
	ret = dt_abi_stats(&abi, &stats);
	if (ret) {
		dt_err("Cannot read the counters: %s",
		       dt_abi_strerror(DT_ABI_STATS, ret));
		ret = CMD_ERROR;
		goto out;
	}
	dt_out_status(&abi.version, &stats, status_trusted(&abi));
	if (args->npos)
		ret = status_named(&abi, args->pos, args->npos);
	else
		ret = status_all(&abi);
out:
	dt_abi_close(&abi);
	return ret;
}

int dt_cmd_status(int argc, const char **argv)
{
	struct dt_args args;
	int ret;

	ret = dt_args_parse(&args, argc, argv, status_opts, dt_opt_none, NULL);
	if (ret == DT_ARGS_CONTINUE)
		ret = status_run(&args);
	dt_args_free(&args);
	return ret;
}
