// SPDX-License-Identifier: GPL-2.0-only
/*
 * Enables a kernel dynamic probe WITH a filter through liblttng-ctl and
 * the stock lttng-sessiond: the lttng command refuses --filter for
 * --probe, --function and --userspace-probe before asking the session
 * daemon, but the daemon itself passes the filter on to the tracer
 * (kernctl_filter), as it does for tracepoints. This is how the
 * scenarios test filters on kprobes, kretprobes and uprobes end to end.
 *
 * usage: lttng-ctl-probe-filter SESSION CHANNEL KIND NAME WHERE FILTER
 *   KIND   probe     WHERE is SYMBOL[+OFFSET] or 0xADDR
 *          function  WHERE is SYMBOL (a kretprobe: NAME_entry, NAME_exit)
 *          uprobe    WHERE is BINARY:FUNCTION (an ELF function)
 * Exits 0 once enabled; otherwise prints lttng's error and exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lttng/lttng.h>

static int usage(void)
{
	fprintf(stderr, "usage: lttng-ctl-probe-filter SESSION CHANNEL "
		"probe|function|uprobe NAME WHERE FILTER\n");
	return 2;
}

/* SYMBOL, SYMBOL+OFFSET or 0xADDR into the event's probe attributes. */
static int set_kernel_location(struct lttng_event *ev, const char *where)
{
	struct lttng_event_probe_attr *attr = &ev->attr.probe;
	const char *plus = strchr(where, '+');
	size_t len = plus ? (size_t)(plus - where) : strlen(where);
	char *end;

	if (!strncmp(where, "0x", 2)) {
		errno = 0;
		attr->addr = strtoull(where, &end, 16);
		return errno || *end ? -1 : 0;
	}
	if (!len || len >= sizeof(attr->symbol_name))
		return -1;
	memcpy(attr->symbol_name, where, len);
	attr->symbol_name[len] = '\0';
	if (plus) {
		errno = 0;
		attr->offset = strtoull(plus + 1, &end, 0);
		if (errno || *end)
			return -1;
	}
	return 0;
}

static int set_uprobe_location(struct lttng_event *ev, const char *where)
{
	struct lttng_userspace_probe_location_lookup_method *method;
	struct lttng_userspace_probe_location *loc;
	char *binary = strdup(where), *colon;
	int ret = -1;

	if (!binary)
		return -1;
	colon = strrchr(binary, ':');
	if (!colon || colon == binary || !colon[1])
		goto out;
	*colon = '\0';
	method = lttng_userspace_probe_location_lookup_method_function_elf_create();
	if (!method)
		goto out;
	loc = lttng_userspace_probe_location_function_create(binary, colon + 1, method);
	if (!loc) {
		lttng_userspace_probe_location_lookup_method_destroy(method);
		goto out;
	}
	/* The event owns the location from here. */
	ret = lttng_event_set_userspace_probe_location(ev, loc);
	if (ret)
		lttng_userspace_probe_location_destroy(loc);
out:
	free(binary);
	return ret;
}

int main(int argc, char **argv)
{
	struct lttng_domain dom = { .type = LTTNG_DOMAIN_KERNEL };
	const char *session, *channel, *kind, *name, *where, *filter;
	struct lttng_handle *handle;
	struct lttng_event *ev;
	int ret;

	if (argc != 7)
		return usage();
	session = argv[1], channel = argv[2], kind = argv[3];
	name = argv[4], where = argv[5], filter = argv[6];
	ev = lttng_event_create();
	handle = lttng_create_handle(session, &dom);
	if (!ev || !handle) {
		fprintf(stderr, "error: out of memory or no session daemon\n");
		return 1;
	}
	if (strlen(name) >= sizeof(ev->name))
		return usage();
	strcpy(ev->name, name);
	if (!strcmp(kind, "probe") || !strcmp(kind, "function")) {
		ev->type = kind[0] == 'p' ? LTTNG_EVENT_PROBE : LTTNG_EVENT_FUNCTION;
		ret = set_kernel_location(ev, where);
	} else if (!strcmp(kind, "uprobe")) {
		ev->type = LTTNG_EVENT_USERSPACE_PROBE;
		ret = set_uprobe_location(ev, where);
	} else {
		return usage();
	}
	if (ret) {
		fprintf(stderr, "error: bad location '%s' for a %s\n", where, kind);
		return 1;
	}
	ret = lttng_enable_event_with_filter(handle, ev, channel, filter);
	if (ret < 0) {
		fprintf(stderr, "error: %s\n", lttng_strerror(ret));
		return 1;
	}
	lttng_event_destroy(ev);
	lttng_destroy_handle(handle);
	return 0;
}
