// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-trust add CIDR... | remove CIDR... | list: the source networks
 * whose TCP marks are honoured (module lttng-dt-tcp) besides loopback,
 * always honoured; the list is empty by default: loopback only.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cidr.h"
#include "cli.h"
#include "dt-abi.h"
#include "mark-module.h"
#include "output.h"

static const struct poptOption trust_opts[] = {
	DT_POPT_COMMON,
	POPT_TABLEEND
};

struct trust_req {
	enum dt_abi_op op;		/* DT_ABI_TRUST_ADD, _REMOVE or _LIST */
	const char *verb;		/* "add": "Cannot add 10.0.0.0/8: ..." */
	struct lttng_dt_abi_trust_net *nets;
	int n;
};

static int trust_action(struct trust_req *req, const char *action)
{
	if (!strcmp(action, "add")) {
		req->op = DT_ABI_TRUST_ADD;
		req->verb = "add";
	} else if (!strcmp(action, "remove")) {
		req->op = DT_ABI_TRUST_REMOVE;
		req->verb = "remove";
	} else if (!strcmp(action, "list")) {
		req->op = DT_ABI_TRUST_LIST;
	} else {
		dt_err("Invalid action '%s': add, remove or list is expected",
		       action);
		return CMD_ERROR;
	}
	return CMD_SUCCESS;
}

static int trust_bad_cidr(const char *arg, enum dt_cidr_ret why,
			  const struct lttng_dt_abi_trust_net *net)
{
	char buf[DT_CIDR_LEN];

	switch (why) {
	case DT_CIDR_BAD_PREFIX:
		dt_err("Invalid network '%s': the prefix length must be 0 to %u",
		       arg, net->family == AF_INET ? 32 : 128);
		break;
	case DT_CIDR_HOST_BITS:
		dt_cidr_format(net, buf, sizeof(buf));
		dt_err("Invalid network '%s': bits are set past the prefix length (the network is %s)",
		       arg, buf);
		break;
	default:
		dt_err("Invalid network '%s': not an IPv4 or IPv6 address (ADDRESS[/PREFIX] is expected)",
		       arg);
		break;
	}
	return CMD_ERROR;
}

/* Every network given, checked before the kernel is asked anything. */
static int trust_parse(struct trust_req *req, const struct dt_args *args)
{
	enum dt_cidr_ret why;
	int i;

	if (args->npos < 2) {
		dt_err("Please give the network to %s (ADDRESS[/PREFIX])",
		       req->verb);
		return CMD_ERROR;
	}
	req->n = args->npos - 1;
	req->nets = calloc((size_t)req->n, sizeof(*req->nets));
	if (!req->nets) {
		dt_err("Out of memory");
		return CMD_FATAL;
	}
	for (i = 0; i < req->n; i++) {
		why = dt_cidr_parse(args->pos[i + 1], &req->nets[i]);
		if (why != DT_CIDR_OK)
			return trust_bad_cidr(args->pos[i + 1], why, &req->nets[i]);
	}
	return CMD_SUCCESS;
}

static int trust_check(struct trust_req *req, const struct dt_args *args)
{
	int ret;

	if (args->npos < 1) {
		dt_err("Please give an action: add, remove or list");
		return CMD_ERROR;
	}
	ret = trust_action(req, args->pos[0]);
	if (ret)
		return ret;
	if (req->op != DT_ABI_TRUST_LIST)
		return trust_parse(req, args);
	if (args->npos > 1) {
		dt_err("Too many arguments ('%s')", args->pos[1]);
		return CMD_UNDEFINED;
	}
	return CMD_SUCCESS;
}

static int trust_list(struct dt_abi *abi)
{
	struct lttng_dt_abi_trust_net *nets;
	size_t count;
	int ret;

	ret = dt_abi_trust_list(abi, &nets, &count);
	if (ret) {
		dt_err("Cannot read the trust list: %s",
		       dt_abi_strerror(DT_ABI_TRUST_LIST, ret));
		return CMD_ERROR;
	}
	dt_out_trust(nets, count);
	free(nets);
	return CMD_SUCCESS;
}

/* How many networks the list holds, -1 if it cannot be read. */
static long trust_count(struct dt_abi *abi)
{
	struct lttng_dt_abi_trust_net *nets;
	size_t count;

	if (dt_abi_trust_list(abi, &nets, &count))
		return -1;
	free(nets);
	return (long)count;
}

/* Only a duplicate or an absent network concerns that network alone. */
static int trust_go_on(int err)
{
	return err == -EEXIST || err == -ENOENT;
}

/* Tells when the last network went: back to loopback only. */
static void trust_note(enum dt_abi_op op, long before, long after)
{
	if (before < 0 || after < 0)
		return;
	if (op == DT_ABI_TRUST_REMOVE && before && !after)
		dt_msg("The trust list is empty: marks from loopback only are honoured (the default)");
}

static int trust_change(struct dt_abi *abi, const struct trust_req *req)
{
	long before = trust_count(abi);
	char buf[DT_CIDR_LEN];
	int i, ret, ok = 0;

	for (i = 0; i < req->n; i++) {
		dt_cidr_format(&req->nets[i], buf, sizeof(buf));
		ret = dt_abi_trust(abi, req->op, &req->nets[i]);
		if (!ret) {
			ok++;
			dt_msg("Network %s %s the trust list", buf,
			       req->op == DT_ABI_TRUST_ADD ? "added to" : "removed from");
			continue;
		}
		dt_err("Cannot %s %s: %s", req->verb, buf,
		       dt_abi_strerror(req->op, ret));
		if (!trust_go_on(ret))
			break;
	}
	if (ok)
		trust_note(req->op, before, trust_count(abi));
	if (ok == req->n)
		return CMD_SUCCESS;
	return ok ? CMD_WARNING : CMD_ERROR;
}

int dt_cmd_trust(int argc, const char **argv)
{
	struct trust_req req = { .nets = NULL };
	struct dt_args args;
	struct dt_abi abi;
	int ret;

	ret = dt_args_parse(&args, argc, argv, trust_opts, dt_opt_none, NULL);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = trust_check(&req, &args);
	if (ret)
		goto out;
	ret = dt_cmd_open(&abi);
	if (ret)
		goto out;
	/* The list lives in the TCP mark: adding to it loads the mark. */
	if (req.op == DT_ABI_TRUST_ADD)
		dt_mark_load();
	if (req.op == DT_ABI_TRUST_LIST)
		ret = trust_list(&abi);
	else
		ret = trust_change(&abi, &req);
	dt_abi_close(&abi);
out:
	free(req.nets);
	dt_args_free(&args);
	return ret;
}
