/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a stream answers about the packet it holds, one "NAME VALUE" line
 * per command (VALUE the errno name when it fails). The 32-bit helper
 * lttng-abi-m32 and the 64-bit lttng-abi-probe print it alike for the same
 * stream file, so a scenario can compare the two ABIs byte for byte.
 * Compiled for i386, the unsigned-long commands of <lttng/abi.h> are the
 * 32-bit numbers (4-byte size) and their values 4 bytes wide.
 */
#ifndef _RB_REPORT_H
#define _RB_REPORT_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include <lttng/abi.h>

static inline const char *rb_errno_name(int e)
{
	switch (e) {
	case EINVAL: return "EINVAL";
	case ENOTTY: return "ENOTTY";
	case ENOSYS: return "ENOSYS";
	case EBUSY: return "EBUSY";
	case EAGAIN: return "EAGAIN";
	case ENODATA: return "ENODATA";
	case EFAULT: return "EFAULT";
	case EOVERFLOW: return "EOVERFLOW";
	default: return strerror(e);
	}
}

static inline void rb_report_ulong(FILE *out, int fd, const char *name,
				   unsigned long cmd)
{
	unsigned long v = 0;

	if (ioctl(fd, cmd, &v))
		fprintf(out, "%s %s\n", name, rb_errno_name(errno));
	else
		fprintf(out, "%s %lu\n", name, v);
}

static inline void rb_report_u64(FILE *out, int fd, const char *name,
				 unsigned long cmd)
{
	__u64 v = 0;

	if (ioctl(fd, cmd, &v))
		fprintf(out, "%s %s\n", name, rb_errno_name(errno));
	else
		fprintf(out, "%s %llu\n", name, (unsigned long long)v);
}

/*
 * The report of a stream holding a packet (metadata: a metadata stream).
 * GET_SUBBUF at the consumed position must then fail: EBUSY on a data
 * stream, ENOSYS on a metadata stream.
 */
static inline void rb_report(FILE *out, int fd, int metadata)
{
	unsigned long consumed = 0;

	rb_report_ulong(out, fd, "consumed", LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED);
	rb_report_ulong(out, fd, "produced", LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED);
	rb_report_ulong(out, fd, "subbuf_size", LTTNG_ABI_RB_GET_SUBBUF_SIZE);
	rb_report_ulong(out, fd, "padded_subbuf_size",
			LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE);
	rb_report_ulong(out, fd, "max_subbuf_size", LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE);
	rb_report_ulong(out, fd, "mmap_len", LTTNG_ABI_RB_GET_MMAP_LEN);
	rb_report_ulong(out, fd, "mmap_read_offset",
			LTTNG_ABI_RB_GET_MMAP_READ_OFFSET);
	ioctl(fd, LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED, &consumed);
	fprintf(out, "get_subbuf %s\n",
		ioctl(fd, LTTNG_ABI_RB_GET_SUBBUF, &consumed) ?
		rb_errno_name(errno) : "0");
	if (metadata) {
		rb_report_u64(out, fd, "metadata_version",
			      LTTNG_ABI_RB_GET_METADATA_VERSION);
		return;
	}
	rb_report_u64(out, fd, "timestamp_begin", LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN);
	rb_report_u64(out, fd, "timestamp_end", LTTNG_ABI_RB_GET_TIMESTAMP_END);
	rb_report_u64(out, fd, "events_discarded", LTTNG_ABI_RB_GET_EVENTS_DISCARDED);
	rb_report_u64(out, fd, "content_size", LTTNG_ABI_RB_GET_CONTENT_SIZE);
	rb_report_u64(out, fd, "packet_size", LTTNG_ABI_RB_GET_PACKET_SIZE);
	rb_report_u64(out, fd, "stream_id", LTTNG_ABI_RB_GET_STREAM_ID);
	rb_report_u64(out, fd, "instance_id", LTTNG_ABI_RB_INSTANCE_ID);
	rb_report_u64(out, fd, "seq_num", LTTNG_ABI_RB_GET_SEQ_NUM);
}

#endif /* _RB_REPORT_H */
