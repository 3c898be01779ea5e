// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng dt-list: the flagged threads, each with its reasons and since
 * when (on CLOCK_MONOTONIC, the clock of the traces).
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "dt-abi.h"
#include "output.h"

static const struct poptOption list_opts[] = {
	DT_POPT_COMMON,
	POPT_TABLEEND
};

static uint64_t list_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

static int list_run(void)
{
	struct lttng_dt_abi_thread *threads = NULL;
	struct dt_abi abi;
	size_t count;
	int ret;

	ret = dt_cmd_open(&abi);
	if (ret)
		return ret;
	ret = dt_abi_list_threads(&abi, &threads, &count);
	if (ret) {
		dt_err("Cannot list the flagged threads: %s",
		       dt_abi_strerror(DT_ABI_LIST, ret));
		ret = CMD_ERROR;
		goto out;
	}
	dt_out_threads(threads, count, list_now());
	free(threads);
out:
	dt_abi_close(&abi);
	return ret;
}

int dt_cmd_list(int argc, const char **argv)
{
	struct dt_args args;
	int ret;

	ret = dt_args_parse(&args, argc, argv, list_opts, dt_opt_none, NULL);
	if (ret != DT_ARGS_CONTINUE)
		goto out;
	ret = dt_cmd_no_positional(&args);
	if (!ret)
		ret = list_run();
out:
	dt_args_free(&args);
	return ret;
}
