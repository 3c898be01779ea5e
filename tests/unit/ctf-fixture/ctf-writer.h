/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A tiny CTF 1.8 trace writer for tests: little byte encoders, the two
 * event headers and the data packet exactly as the ABI specification
 * (lttng-kernel-abi.md, sections 6.2-6.3) lays them out, a trace
 * directory in /tmp, and a way to run babeltrace2 on it. Written apart
 * from the tracer's own code, so that the tests compare two readings of
 * the document.
 */
#ifndef _CTF_WRITER_H
#define _CTF_WRITER_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#define CTF_PACKET_BYTES	4096	/* one page, like a sub-buffer */

struct ctf_buf {
	unsigned char data[CTF_PACKET_BYTES];
	size_t len;
};

void ctf_u8(struct ctf_buf *b, uint8_t v);
void ctf_u16(struct ctf_buf *b, uint16_t v);
void ctf_u16be(struct ctf_buf *b, uint16_t v);
void ctf_u32(struct ctf_buf *b, uint32_t v);
void ctf_u64(struct ctf_buf *b, uint64_t v);
void ctf_bytes(struct ctf_buf *b, const void *p, size_t n);
/* s in exactly n bytes, NUL-padded (text arrays). */
void ctf_text(struct ctf_buf *b, const char *s, size_t n);
/* s and its NUL (strings). */
void ctf_string(struct ctf_buf *b, const char *s);

/* Event headers: the normal forms need id < 31 (compact), < 65535 (large). */
void ctf_header_compact(struct ctf_buf *b, uint32_t id, uint64_t ts, bool extended);
void ctf_header_large(struct ctf_buf *b, uint32_t id, uint64_t ts, bool extended);

struct ctf_packet {
	const unsigned char *uuid;
	uint32_t stream_id;
	uint64_t stream_instance_id;
	uint32_t cpu_id;
	uint64_t ts_begin, ts_end;
	uint64_t seq_num, events_discarded;
};

/*
 * out := 32-byte header, 52-byte context, records, zeros up to a page;
 * content_size covers the header, context and records only.
 */
void ctf_packet(struct ctf_buf *out, const struct ctf_packet *p,
		const struct ctf_buf *records);

/*
 * A fresh directory under $TMPDIR or /tmp, with an empty "trace"
 * subdirectory for the trace (babeltrace2 would take any other file there
 * for a data stream); NULL on failure. Names below are relative to it.
 */
char *ctf_make_dir(void);
void ctf_remove_dir(char *dir);
int ctf_write_file(const char *dir, const char *name, const void *p, size_t n);
/* The whole of dir/name, NUL-terminated, malloc'ed; NULL if unreadable. */
char *ctf_read_file(const char *dir, const char *name);
/* The rest of f (a test's captured output, rewound), the same way. */
char *ctf_stream_text(FILE *f);

/* babeltrace2 to use: $BABELTRACE2, else /usr/bin/babeltrace2; NULL if absent. */
const char *ctf_babeltrace2(void);
/*
 * Runs "babeltrace2 ARGS DIR/trace" with stdout into DIR/out_name and
 * stderr into DIR/err_name; returns its exit status, -1 if it could not run.
 */
int ctf_run_babeltrace2(const char *dir, const char *args,
			const char *out_name, const char *err_name);

#endif /* _CTF_WRITER_H */
