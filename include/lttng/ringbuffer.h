/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the tracer's objects hold of the ring buffer: a record being
 * written. The ring buffer proper (src/lib/ringbuffer/) is used by the
 * clients only, through the reservation.
 */
#ifndef _LTTNG_RINGBUFFER_H
#define _LTTNG_RINGBUFFER_H

#include <linux/types.h>

struct lttng_rb_buffer;
struct lttng_rb_channel;

struct lttng_rb_reservation {
	/* Filled by the client before reserving. */
	size_t base_len;	/* record bytes after the event header */
	size_t hdr_len;		/* compact event header bytes */
	size_t hdr_ext_len;	/* extended event header bytes */
	bool force_ext;		/* the event id needs the extended header */

	/* Filled by the reservation. */
	struct lttng_rb_buffer *buf;
	u64 ts;
	bool ext;		/* write the extended header */
	size_t len;		/* whole record */
	unsigned long pos;	/* record position */
	bool close;		/* the record ends its packet exactly */
	char *dst;		/* where the record goes */
};

#endif /* _LTTNG_RINGBUFFER_H */
