// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-create [SESSION] [--output=PATH | --set-url=URL] [--syscalls]
 *
 * One command for a session ready for lttng-dt-flows: the session, its
 * kernel channel, the events the analysis reads, the contexts, the gate
 * on. Each step is printed; if one fails, the session is destroyed, so
 * nothing is left half made. The steps talk to lttng-sessiond through
 * liblttng-ctl, as lttng does.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_LTTNG_CTL
#include <lttng/lttng.h>
#endif

#include "cli.h"
#include "dt-abi.h"
#include "mark-module.h"
#include "output.h"
#include "sessions.h"

enum { OPT_OUTPUT = DT_OPT_FIRST_FREE + 40, OPT_SET_URL, OPT_SYSCALLS };

static const struct poptOption create_opts[] = {
	DT_POPT_COMMON,
	{ "output", 'o', POPT_ARG_STRING, NULL, OPT_OUTPUT, NULL, NULL },
	{ "set-url", 'U', POPT_ARG_STRING, NULL, OPT_SET_URL, NULL, NULL },
	{ "syscalls", 0, POPT_ARG_NONE, NULL, OPT_SYSCALLS, NULL, NULL },
	POPT_TABLEEND
};

struct create_opts {
	const char *output;
	const char *url;
	int syscalls;
};

static int create_opt(void *state, int val, const char *arg)
{
	struct create_opts *o = state;

	switch (val) {
	case OPT_OUTPUT:
		o->output = arg;
		break;
	case OPT_SET_URL:
		o->url = arg;
		break;
	case OPT_SYSCALLS:
		o->syscalls = 1;
		break;
	default:
		return dt_opt_none(state, val, arg);
	}
	return DT_ARGS_CONTINUE;
}

#ifdef HAVE_LTTNG_CTL

#define DT_CHANNEL	"dt"

/*
 * What lttng-dt-flows reads: who ran and who waited (wakeups), who was
 * flagged, what was marked, and which threads wrote and read the marked
 * bytes.
 */
static const char *const flow_events[] = {
	"sched_switch", "sched_wakeup", "sched_waking", "sched_process_fork",
	"sched_process_exit", "lttng_dt_flag", "lttng_dt_mark_send",
	"lttng_dt_mark_recv", "lttng_dt_mark_write", "lttng_dt_mark_read",
};

static const struct {
	enum lttng_event_context_type type;
	const char *name;
} flow_contexts[] = {
	{ LTTNG_EVENT_CONTEXT_PID, "pid" },
	{ LTTNG_EVENT_CONTEXT_TID, "tid" },
	{ LTTNG_EVENT_CONTEXT_PROCNAME, "procname" },
};

static int step_failed(const char *what, int lttng_ret)
{
	dt_err("%s: %s", what, lttng_strerror(lttng_ret));
	return CMD_ERROR;
}

/* The session, local or streamed; *name gets its (maybe generated) name. */
static int create_session(const struct create_opts *o, const char *want,
			  char **name)
{
	struct lttng_session_descriptor *desc;
	char abs[PATH_MAX], cwd[PATH_MAX];
	const char *path = o->output, *got = NULL;
	int ret;

	/* sessiond wants an absolute path; lttng makes a relative one so. */
	if (path && path[0] != '/') {
		if (!getcwd(cwd, sizeof(cwd)) ||
		    snprintf(abs, sizeof(abs), "%s/%s", cwd, path) >= (int)sizeof(abs)) {
			dt_err("Cannot make %s an absolute path", path);
			return CMD_ERROR;
		}
		path = abs;
	}
	if (o->url)
		desc = lttng_session_descriptor_network_create(want, o->url, NULL);
	else
		desc = lttng_session_descriptor_local_create(want, path);
	if (!desc) {
		dt_err("Invalid output %s", o->url ? o->url : o->output);
		return CMD_ERROR;
	}
	ret = lttng_create_session_ext(desc);
	if (ret == LTTNG_OK &&
	    lttng_session_descriptor_get_session_name(desc, &got) ==
	    LTTNG_SESSION_DESCRIPTOR_STATUS_OK)
		*name = strdup(got);
	lttng_session_descriptor_destroy(desc);
	if (ret != LTTNG_OK)
		return step_failed("Cannot create the session", -ret);
	if (!*name) {
		dt_err("Out of memory");
		return CMD_ERROR;
	}
	dt_msg("Session %s created", *name);
	return CMD_SUCCESS;
}

static int enable_channel(struct lttng_handle *h, struct lttng_domain *dom)
{
	struct lttng_channel *chan = lttng_channel_create(dom);
	int ret;

	if (!chan) {
		dt_err("Out of memory");
		return CMD_ERROR;
	}
	strcpy(chan->name, DT_CHANNEL);
	ret = lttng_enable_channel(h, chan);
	lttng_channel_destroy(chan);
	if (ret < 0)
		return step_failed("Cannot enable the kernel channel " DT_CHANNEL, ret);
	dt_msg("Kernel channel %s enabled", DT_CHANNEL);
	return CMD_SUCCESS;
}

static int enable_event(struct lttng_handle *h, enum lttng_event_type type,
			const char *name)
{
	struct lttng_event *ev = lttng_event_create();
	int ret;

	if (!ev) {
		dt_err("Out of memory");
		return CMD_ERROR;
	}
	ev->type = type;
	strncpy(ev->name, name, sizeof(ev->name) - 1);
	ret = lttng_enable_event(h, ev, DT_CHANNEL);
	lttng_event_destroy(ev);
	if (ret < 0) {
		dt_err("Cannot enable the kernel event %s: %s", name,
		       lttng_strerror(ret));
		return CMD_ERROR;
	}
	return CMD_SUCCESS;
}

static int enable_events(struct lttng_handle *h, int syscalls)
{
	char list[512];
	size_t i, n = 0;

	for (i = 0; i < sizeof(flow_events) / sizeof(flow_events[0]); i++) {
		if (enable_event(h, LTTNG_EVENT_TRACEPOINT, flow_events[i]))
			return CMD_ERROR;
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s", i ? ", " : "",
				      flow_events[i]);
	}
	dt_msg("Kernel events enabled in channel %s: %s", DT_CHANNEL, list);
	if (!syscalls)
		return CMD_SUCCESS;
	if (enable_event(h, LTTNG_EVENT_SYSCALL, "*"))
		return CMD_ERROR;
	dt_msg("All system calls enabled in channel %s", DT_CHANNEL);
	return CMD_SUCCESS;
}

static int add_contexts(struct lttng_handle *h)
{
	size_t i;
	int ret;

	for (i = 0; i < sizeof(flow_contexts) / sizeof(flow_contexts[0]); i++) {
		struct lttng_event_context ctx;

		memset(&ctx, 0, sizeof(ctx));
		ctx.ctx = flow_contexts[i].type;
		ret = lttng_add_context(h, &ctx, NULL, DT_CHANNEL);
		if (ret < 0) {
			dt_err("Cannot add the context %s: %s",
			       flow_contexts[i].name, lttng_strerror(ret));
			return CMD_ERROR;
		}
	}
	dt_msg("Contexts pid, tid, procname added to channel %s", DT_CHANNEL);
	return CMD_SUCCESS;
}

static int gate_on(const char *name)
{
	struct dt_abi abi;
	int ret;

	ret = dt_cmd_open(&abi);
	if (ret)
		return ret;
	ret = dt_abi_gate_set(&abi, name, 1, LTTNG_DT_ABI_GATE_KEEP);
	dt_abi_close(&abi);
	if (ret) {
		dt_err("Cannot set the gate: %s", dt_abi_strerror(DT_ABI_GATE, ret));
		return CMD_ERROR;
	}
	dt_msg("Gate on: the session records the events of flagged threads only (lttng dt-track)");
	return CMD_SUCCESS;
}

/* Everything after the session itself, on the session name. */
static int set_up(const char *name, int syscalls)
{
	struct lttng_domain dom;
	struct lttng_handle *h;
	int ret;

	memset(&dom, 0, sizeof(dom));
	dom.type = LTTNG_DOMAIN_KERNEL;
	dom.buf_type = LTTNG_BUFFER_GLOBAL;
	h = lttng_create_handle(name, &dom);
	if (!h) {
		dt_err("Out of memory");
		return CMD_ERROR;
	}
	ret = enable_channel(h, &dom);
	if (!ret)
		ret = enable_events(h, syscalls);
	if (!ret)
		ret = add_contexts(h);
	lttng_destroy_handle(h);
	if (!ret)
		ret = gate_on(name);
	return ret;
}

static int run_create(const struct create_opts *o, const char *want)
{
	char *name = NULL;
	int ret;

	if (!lttng_session_daemon_alive()) {
		dt_err("No session daemon is running (lttng-sessiond --daemonize)");
		return CMD_ERROR;
	}
	ret = create_session(o, want, &name);
	if (ret)
		return ret;
	/* Marking first, so that what a tracked thread sends is marked. */
	dt_warn_if_no_mark();
	ret = set_up(name, o->syscalls);
	if (ret) {
		int d = lttng_destroy_session(name);

		if (d < 0)
			dt_err("Cannot destroy session %s: %s", name, lttng_strerror(d));
		else
			dt_msg("Session %s destroyed: nothing of it is left", name);
	} else if (dt_set_current_session(name)) {
		dt_warn("Session %s is ready, but could not be made the current session", name);
	} else {
		dt_msg("Session %s is ready and current: track threads with lttng dt-track, then lttng start",
		       name);
	}
	free(name);
	return ret;
}
#else
static int run_create(const struct create_opts *o, const char *want)
{
	(void)o;
	(void)want;
	dt_err("lttng-dt was built without liblttng-ctl: dt-create needs it");
	return CMD_ERROR;
}
#endif

int dt_cmd_create(int argc, const char **argv)
{
	struct create_opts o = { 0 };
	struct dt_args args;
	int ret;

	ret = dt_args_parse(&args, argc, argv, create_opts, create_opt, &o);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = dt_cmd_max_positional(&args, 1);
	if (ret)
		goto out;
	if (o.output && o.url) {
		dt_err("--output and --set-url cannot go together");
		ret = CMD_UNDEFINED;
		goto out;
	}
	ret = run_create(&o, args.npos ? args.pos[0] : NULL);
out:
	dt_args_free(&args);
	return ret;
}
