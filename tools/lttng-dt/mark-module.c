// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loading the TCP mark module (see mark-module.h).
 */
#include <errno.h>
#include <libkmod.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "mark-module.h"
#include "output.h"

#define MARK_MODULE	"lttng-dt-tcp"

/* libkmod's own messages go to -v's debug output: ours say what failed. */
static void kmod_log(void *data, int priority, const char *file, int line,
		     const char *fn, const char *format, va_list args)
{
	char msg[256];

	(void)data;
	(void)priority;
	(void)file;
	(void)line;
	(void)fn;
	vsnprintf(msg, sizeof(msg), format, args);
	dt_dbg("libkmod: %s", msg);
}

static struct kmod_ctx *kmod_open(void)
{
	struct kmod_ctx *ctx = kmod_new(NULL, NULL);

	if (ctx)
		kmod_set_log_fn(ctx, kmod_log, NULL);
	return ctx;
}

int dt_mark_loaded(void)
{
	return access("/sys/module/lttng_dt_tcp", F_OK) == 0;
}

enum dt_mark_state dt_mark_state_now(void)
{
	struct kmod_list *found = NULL, *allowed = NULL;
	enum dt_mark_state state;
	struct kmod_ctx *ctx;

	if (dt_mark_loaded())
		return DT_MARK_ON;
	ctx = kmod_open();
	if (!ctx)
		return DT_MARK_FAILED;
	if (kmod_module_new_from_lookup(ctx, MARK_MODULE, &found) < 0) {
		state = DT_MARK_FAILED;
	} else if (!found) {
		state = DT_MARK_MISSING;
	} else if (kmod_module_apply_filter(ctx, KMOD_FILTER_BLACKLIST, found,
					    &allowed) < 0) {
		state = DT_MARK_FAILED;
	} else {
		state = allowed ? DT_MARK_LOADABLE : DT_MARK_BLACKLISTED;
	}
	kmod_module_unref_list(allowed);
	kmod_module_unref_list(found);
	kmod_unref(ctx);
	return state;
}

enum dt_mark_state dt_mark_load(void)
{
	struct kmod_module *mod = NULL;
	enum dt_mark_state state;
	struct kmod_ctx *ctx;
	int ret;

	if (dt_mark_loaded())
		return DT_MARK_ON;
	ctx = kmod_open();
	if (!ctx)
		return DT_MARK_FAILED;
	ret = kmod_module_new_from_name(ctx, MARK_MODULE, &mod);
	if (!ret)
		ret = kmod_module_probe_insert_module(mod, KMOD_PROBE_APPLY_BLACKLIST,
						      NULL, NULL, NULL, NULL);
	if (ret == KMOD_PROBE_APPLY_BLACKLIST)
		state = DT_MARK_BLACKLISTED;
	else if (ret == -ENOENT)
		state = DT_MARK_MISSING;
	else if (ret || !dt_mark_loaded())
		state = DT_MARK_FAILED;
	else
		state = DT_MARK_ON;
	if (state == DT_MARK_FAILED)
		dt_dbg("loading %s: %d", MARK_MODULE, ret);
	kmod_module_unref(mod);
	kmod_unref(ctx);
	return state;
}

const char *dt_mark_state_str(enum dt_mark_state state)
{
	switch (state) {
	case DT_MARK_ON:
		return "on";
	case DT_MARK_LOADABLE:
		return "off until a thread is tracked or a session gated (which load " MARK_MODULE ")";
	case DT_MARK_BLACKLISTED:
		return "off: this host is kept from marking (" MARK_MODULE " is blacklisted in modprobe.d)";
	case DT_MARK_MISSING:
		return "off: there is no " MARK_MODULE " module for this kernel";
	case DT_MARK_FAILED:
		break;
	}
	return "off: " MARK_MODULE " could not be loaded (see dmesg)";
}

void dt_warn_if_no_mark(void)
{
	enum dt_mark_state state = dt_mark_load();

	if (state != DT_MARK_ON)
		dt_warn("The TCP mark is %s: requests of tracked threads are not followed to other hosts",
			dt_mark_state_str(state));
}
