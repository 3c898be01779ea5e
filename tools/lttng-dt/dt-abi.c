// SPDX-License-Identifier: GPL-2.0-only
/*
 * The dt ABI client (see dt-abi.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "dt-abi.h"
#include "output.h"

/*
 * Tests build a copy of lttng-dt that may be pointed at another file, to
 * see what users see when /proc/lttng is missing or is not ours; the
 * installed program always uses /proc/lttng.
 */
static const char *dt_abi_path(void)
{
#ifdef LTTNG_DT_TEST_PROC_ENV
	const char *path = getenv(LTTNG_DT_TEST_PROC_ENV);

	if (path)
		return path;
#endif
	return "/proc/lttng";
}

static int dt_abi_ioctl(struct dt_abi *abi, const char *what,
			unsigned long cmd, void *arg)
{
	int ret = ioctl(abi->fd, cmd, arg);

	if (ret < 0) {
		ret = -errno;
		dt_dbg("ioctl %s: %s", what, strerror(errno));
		return ret;
	}
	dt_dbg("ioctl %s: ok", what);
	return 0;
}

int dt_abi_open(struct dt_abi *abi)
{
	const char *path = dt_abi_path();
	int ret;

	abi->fd = open(path, O_RDWR | O_CLOEXEC);
	if (abi->fd < 0) {
		ret = -errno;
		dt_dbg("open %s: %s", path, strerror(errno));
		return ret;
	}
	ret = dt_abi_ioctl(abi, "VERSION", LTTNG_DT_ABI_VERSION, &abi->version);
	if (ret)
		goto err_close;
	/* Minor versions only add; another major may mean other layouts. */
	if (abi->version.major != LTTNG_DT_ABI_MAJOR_VERSION) {
		ret = -EPROTO;
		goto err_close;
	}
	return 0;

err_close:
	close(abi->fd);
	abi->fd = -1;
	return ret;
}

void dt_abi_close(struct dt_abi *abi)
{
	if (abi->fd >= 0)
		close(abi->fd);
	abi->fd = -1;
}

int dt_abi_track(struct dt_abi *abi, enum dt_abi_op op, int id,
		 unsigned int flags)
{
	struct lttng_dt_abi_track arg;

	memset(&arg, 0, sizeof(arg));
	arg.id = id;
	arg.flags = flags;
	switch (op) {
	case DT_ABI_TRACK_PID:
		return dt_abi_ioctl(abi, "TRACK_PID", LTTNG_DT_ABI_TRACK_PID, &arg);
	case DT_ABI_TRACK_TID:
		return dt_abi_ioctl(abi, "TRACK_TID", LTTNG_DT_ABI_TRACK_TID, &arg);
	case DT_ABI_UNTRACK_PID:
		return dt_abi_ioctl(abi, "UNTRACK_PID", LTTNG_DT_ABI_UNTRACK_PID, &arg);
	case DT_ABI_UNTRACK_TID:
		return dt_abi_ioctl(abi, "UNTRACK_TID", LTTNG_DT_ABI_UNTRACK_TID, &arg);
	default:
		return -EINVAL;
	}
}

int dt_abi_untrack_all(struct dt_abi *abi)
{
	return dt_abi_ioctl(abi, "UNTRACK_ALL", LTTNG_DT_ABI_UNTRACK_ALL, NULL);
}

/*
 * One LIST_THREADS or TRUST_LIST: both take a capacity and a user pointer
 * in and give back how many there are.
 */
static int dt_abi_list_once(struct dt_abi *abi, enum dt_abi_op op, void *buf,
			    __u32 *count)
{
	struct lttng_dt_abi_thread_list threads;
	struct lttng_dt_abi_trust_list nets;
	int ret;

	if (op == DT_ABI_TRUST_LIST) {
		memset(&nets, 0, sizeof(nets));
		nets.count = *count;
		nets.nets = (unsigned long)buf;
		ret = dt_abi_ioctl(abi, "TRUST_LIST", LTTNG_DT_ABI_TRUST_LIST, &nets);
		*count = nets.count;
		return ret;
	}
	memset(&threads, 0, sizeof(threads));
	threads.count = *count;
	threads.threads = (unsigned long)buf;
	ret = dt_abi_ioctl(abi, "LIST_THREADS", LTTNG_DT_ABI_LIST_THREADS, &threads);
	*count = threads.count;
	return ret;
}

/*
 * The list changes between two calls: ask with room for what the
 * previous answer said plus some, until everything fitted.
 */
static int dt_abi_list(struct dt_abi *abi, enum dt_abi_op op, size_t size,
		       void **items, size_t *count)
{
	void *buf = NULL, *nbuf;
	__u32 cap = 64, n;
	int ret, tries;

	for (tries = 0; tries < 8; tries++) {
		nbuf = realloc(buf, cap * size);
		if (!nbuf) {
			ret = -ENOMEM;
			goto err;
		}
		buf = nbuf;
		n = cap;
		ret = dt_abi_list_once(abi, op, buf, &n);
		if (ret)
			goto err;
		if (n <= cap) {
			*count = n;
			*items = n ? buf : NULL;
			if (!n)
				free(buf);
			return 0;
		}
		cap = n + n / 4 + 16;
	}
	ret = -EAGAIN;
err:
	free(buf);
	return ret;
}

int dt_abi_list_threads(struct dt_abi *abi, struct lttng_dt_abi_thread **threads,
			size_t *count)
{
	return dt_abi_list(abi, DT_ABI_LIST, sizeof(**threads),
			   (void **)threads, count);
}

static int dt_abi_gate_name(struct lttng_dt_abi_gate *gate, const char *session)
{
	memset(gate, 0, sizeof(*gate));
	if (strlen(session) >= sizeof(gate->session_name))
		return -ENAMETOOLONG;
	strcpy(gate->session_name, session);
	return 0;
}

int dt_abi_gate_set(struct dt_abi *abi, const char *session, int on,
		    unsigned int flags)
{
	struct lttng_dt_abi_gate gate;
	int ret;

	ret = dt_abi_gate_name(&gate, session);
	if (ret)
		return ret;
	gate.gated = !!on;
	gate.flags = flags;
	return dt_abi_ioctl(abi, "GATE_SET", LTTNG_DT_ABI_GATE_SET, &gate);
}

int dt_abi_gate_get(struct dt_abi *abi, const char *session,
		    struct lttng_dt_abi_gate *gate)
{
	int ret;

	ret = dt_abi_gate_name(gate, session);
	if (ret)
		return ret;
	return dt_abi_ioctl(abi, "GATE_GET", LTTNG_DT_ABI_GATE_GET, gate);
}

int dt_abi_stats(struct dt_abi *abi, struct lttng_dt_abi_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	return dt_abi_ioctl(abi, "STATS", LTTNG_DT_ABI_STATS, stats);
}

int dt_abi_trust(struct dt_abi *abi, enum dt_abi_op op,
		 const struct lttng_dt_abi_trust_net *net)
{
	struct lttng_dt_abi_trust_net arg = *net;

	if (op == DT_ABI_TRUST_ADD)
		return dt_abi_ioctl(abi, "TRUST_ADD", LTTNG_DT_ABI_TRUST_ADD, &arg);
	if (op == DT_ABI_TRUST_REMOVE)
		return dt_abi_ioctl(abi, "TRUST_REMOVE", LTTNG_DT_ABI_TRUST_REMOVE,
				    &arg);
	return -EINVAL;
}

int dt_abi_trust_list(struct dt_abi *abi, struct lttng_dt_abi_trust_net **nets,
		      size_t *count)
{
	return dt_abi_list(abi, DT_ABI_TRUST_LIST, sizeof(**nets),
			   (void **)nets, count);
}

static const char *dt_abi_not_loaded(int err)
{
	switch (err) {
	case -ENOENT:
		return "The lttng-dt extension is not loaded (no /proc/lttng: load lttng-tracer, or start lttng-sessiond as root)";
	case -ENOTTY:
	case -EINVAL:
		return "The lttng-dt extension is not loaded (/proc/lttng does not know its commands: is it another kernel tracer?)";
	case -EPROTO:
		return "The lttng-dt extension speaks another major version of its ABI: install the lttng-dt tools that match the modules";
	default:
		return NULL;
	}
}

static int dt_abi_is_trust(enum dt_abi_op op)
{
	return op == DT_ABI_TRUST_ADD || op == DT_ABI_TRUST_REMOVE ||
	       op == DT_ABI_TRUST_LIST;
}

static const char *dt_abi_trust_error(enum dt_abi_op op, int err)
{
	switch (err) {
	case -ENODEV:
		return "The TCP mark is not loaded (modprobe lttng-dt-tcp)";
	case -ENOTTY:
		return "The loaded lttng-dt modules have no trust list: they are older than these tools";
	case -EEXIST:
		return "Already in the trust list";
	case -ENOENT:
		return op == DT_ABI_TRUST_REMOVE ? "Not in the trust list" : NULL;
	case -ENOSPC:
		return "The trust list is full: remove a network first";
	case -EINVAL:
		if (op == DT_ABI_TRUST_LIST)
			return NULL;
		return "The kernel refused the network as invalid";
	default:
		return NULL;
	}
}

static const char *dt_abi_op_error(enum dt_abi_op op, int err)
{
	if (dt_abi_is_trust(op))
		return dt_abi_trust_error(op, err);
	switch (err) {
	case -ESRCH:
		if (op == DT_ABI_TRACK_PID || op == DT_ABI_UNTRACK_PID)
			return "No such process";
		return "No such thread";
	case -ENOENT:
		if (op == DT_ABI_GATE)
			return "No kernel tracing session of that name";
		if (op == DT_ABI_UNTRACK_PID || op == DT_ABI_UNTRACK_TID)
			return "Not tracked";
		break;
	case -ENOSPC:
		if (op == DT_ABI_GATE)
			return "Too many sessions wait for their first kernel channel with a gate set";
		break;
	case -ENAMETOOLONG:
		return "Session name too long for the kernel tracer";
	case -EAGAIN:
		return "The flagged threads kept changing while they were read; try again";
	default:
		break;
	}
	return NULL;
}

const char *dt_abi_strerror(enum dt_abi_op op, int err)
{
	const char *msg;

	if (err == -EPERM || err == -EACCES)
		return "Permission denied: root is needed";
	if (op == DT_ABI_OPEN) {
		msg = dt_abi_not_loaded(err);
		if (msg)
			return msg;
	}
	msg = dt_abi_op_error(op, err);
	return msg ? msg : strerror(-err);
}
