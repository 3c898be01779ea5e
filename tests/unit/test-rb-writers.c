// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ring buffer's writer and reader paths (src/lib/ringbuffer/writer.c,
 * reader.c and the inlined fast path of frontend.h), built unchanged in
 * userspace over tests/unit/kshim/, under several writer threads sharing
 * one buffer and a reader thread, in discard and overwrite mode, starting
 * from positions just before the wrap at ULONG_MAX.
 *
 * Every record carries its writer, a per-writer sequence number and a
 * pattern derived from both. The reader checks each packet it gets: the
 * header it was opened with, records that parse to the end, intact
 * patterns, and per writer strictly increasing sequence numbers (nothing
 * duplicated, nothing reordered). Discard mode must deliver every record
 * whose reservation succeeded and count every one that failed; overwrite
 * mode may lose the oldest, but never the newest, and a sub-buffer put
 * back unconsumed must read back identical.
 */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "lib/ringbuffer/frontend.h"

#define NR_WRITERS	4
#define PER_WRITER	40000
#define SUBBUF		4096UL
#define NR_SUBBUF	8UL
#define PKT_MAGIC	0x7e57c0deU

struct pkt_header {
	u32 magic;
	u32 pad;
	u64 begin_pos;
	u64 data_size;		/* bytes, header included */
	u64 lost;
};

struct rec_header {
	u32 writer;
	u32 len;
	u64 seq;
};

/* The kernel runs this on the buffer's CPU; here any thread is a writer. */
void lttng_rb_buffer_flush(struct lttng_rb_buffer *buf, bool flush_empty)
{
	if (!READ_ONCE(buf->chan->finalized))
		lttng_rb_switch_packet(buf, flush_empty);
}

static void pkt_open(struct lttng_rb_buffer *buf, void *packet, u64 ts,
		     unsigned long pos)
{
	struct pkt_header *h = packet;

	(void)buf;
	(void)ts;
	h->magic = PKT_MAGIC;
	h->begin_pos = pos;
}

static void pkt_close(struct lttng_rb_buffer *buf, void *packet, u64 ts,
		      size_t data_size, unsigned long lost)
{
	struct pkt_header *h = packet;

	(void)buf;
	(void)ts;
	h->data_size = data_size;
	h->lost = lost;
}

static const struct lttng_rb_packet_ops pkt_ops = {
	.header_size = sizeof(struct pkt_header),
	.open = pkt_open,
	.close = pkt_close,
};

struct rig {
	struct lttng_rb_client_config config;
	struct lttng_rb_channel chan;
	struct lttng_rb_buffer buf;
	_Atomic int writers_left;
	bool snapshot_reader;	/* never consumes; re-reads what it put back */

	/* Writers' tallies. */
	unsigned long reserved[NR_WRITERS];
	unsigned long failed[NR_WRITERS];
	u64 last_reserved_seq[NR_WRITERS];

	/* Reader's findings. */
	unsigned long read[NR_WRITERS];
	u64 next_seq[NR_WRITERS];	/* lowest sequence number still allowed */
	unsigned long packets, rereads, errors;
	u64 lost_reported;		/* the highest count a packet gave */
	char first_error[160];
};

static void rig_error(struct rig *r, const char *what, unsigned long pos)
{
	if (!r->errors++)
		snprintf(r->first_error, sizeof(r->first_error),
			 "%s (packet at %#lx)", what, pos);
}

static void rig_init(struct rig *r, enum lttng_rb_mode mode, unsigned long start)
{
	struct lttng_rb_layout *l = &r->chan.layout;
	unsigned long i;

	memset(r, 0, sizeof(*r));
	r->config.mode = mode;
	assert_int_equal(lttng_rb_layout_init(l, SUBBUF, NR_SUBBUF, 4096,
					      mode == LTTNG_RB_MODE_OVERWRITE), 0);
	r->chan.config = &r->config;
	r->chan.ops = &pkt_ops;
	r->chan.nr_slots = NR_SUBBUF + (mode == LTTNG_RB_MODE_OVERWRITE);
	r->buf.chan = &r->chan;
	r->buf.mem = aligned_alloc(SUBBUF, lttng_rb_mem_size(&r->chan));
	r->buf.subbuf = calloc(NR_SUBBUF, sizeof(*r->buf.subbuf));
	assert_non_null(r->buf.mem);
	assert_non_null(r->buf.subbuf);
	memset(r->buf.mem, 0xa5, lttng_rb_mem_size(&r->chan));
	/* start is buffer-aligned: every sub-buffer has had its earlier laps. */
	for (i = 0; i < NR_SUBBUF; i++) {
		local_set(&r->buf.subbuf[i].commit,
			  lttng_rb_buf_lap(l, start) << l->subbuf_order);
		r->buf.subbuf[i].slot = i;
	}
	r->buf.spare_slot = NR_SUBBUF;
	local_set(&r->buf.offset, start);
	atomic_long_set(&r->buf.consumed, start);
	r->writers_left = NR_WRITERS;
}

static u8 pattern(u32 writer, u64 seq, size_t i)
{
	return (u8)(writer * 67 + seq * 13 + i);
}

/* Write one record of writer w; false if the buffer refused it. */
static bool write_record(struct rig *r, u32 w, u64 seq, size_t len)
{
	struct lttng_rb_reservation res = { .base_len = len };
	struct rec_header h = { .writer = w, .len = (u32)len, .seq = seq };
	size_t i;

	if (lttng_rb_reserve(&r->buf, &res))
		return false;
	memcpy(res.dst, &h, sizeof(h));
	for (i = sizeof(h); i < len; i++)
		res.dst[i] = (char)pattern(w, seq, i);
	lttng_rb_commit(&res);
	return true;
}

struct writer_arg {
	struct rig *rig;
	u32 id;
};

static void *writer_main(void *p)
{
	struct writer_arg *a = p;
	struct rig *r = a->rig;
	unsigned int seed = a->id + 1;
	u64 seq;

	for (seq = 1; seq <= PER_WRITER; seq++) {
		/* Odd lengths too: records need no alignment. */
		size_t len = sizeof(struct rec_header) + rand_r(&seed) % 200;

		if (write_record(r, a->id, seq, len)) {
			r->reserved[a->id]++;
			r->last_reserved_seq[a->id] = seq;
		} else {
			r->failed[a->id]++;
		}
		if (!(seq % 64))
			sched_yield();
	}
	atomic_fetch_sub(&r->writers_left, 1);
	return NULL;
}

/* Check the held packet's records; consume tells whether seqs must rise. */
static void check_packet(struct rig *r, const char *pkt, bool consume)
{
	const struct pkt_header *h = (const void *)pkt;
	unsigned long pos = r->buf.held_pos;
	u64 last[NR_WRITERS] = { 0 };
	size_t off = sizeof(*h), i;

	r->packets++;
	if (h->magic != PKT_MAGIC || h->begin_pos != pos)
		return rig_error(r, "packet header is not the one opened there", pos);
	if (h->data_size < off || h->data_size > SUBBUF)
		return rig_error(r, "packet data size out of range", pos);
	if (h->lost > r->lost_reported)
		r->lost_reported = h->lost;
	while (off < h->data_size) {
		struct rec_header rh;

		memcpy(&rh, pkt + off, sizeof(rh));
		if (rh.writer >= NR_WRITERS || rh.len < sizeof(rh) ||
		    off + rh.len > h->data_size)
			return rig_error(r, "record does not parse", pos);
		for (i = sizeof(rh); i < rh.len; i++)
			if ((u8)pkt[off + i] != pattern(rh.writer, rh.seq, i))
				return rig_error(r, "record payload corrupted", pos);
		if (rh.seq <= last[rh.writer])
			return rig_error(r, "sequence repeats within a packet", pos);
		last[rh.writer] = rh.seq;
		if (consume) {
			if (rh.seq < r->next_seq[rh.writer])
				return rig_error(r, "record read twice or out of order", pos);
			r->next_seq[rh.writer] = rh.seq + 1;
			r->read[rh.writer]++;
		}
		off += rh.len;
	}
}

static char held_copy[SUBBUF];

/*
 * Keep the packet a while, as a consumer writing it out would, while the
 * writers go on (and, in overwrite mode, lap the buffer): it must not
 * change under the reader.
 */
static void hold_packet(struct rig *r)
{
	const struct timespec pause = { .tv_nsec = 20000 };

	memcpy(held_copy, lttng_rb_held_packet(&r->buf), SUBBUF);
	nanosleep(&pause, NULL);
	if (memcmp(held_copy, lttng_rb_held_packet(&r->buf), SUBBUF))
		rig_error(r, "held packet changed under the reader", r->buf.held_pos);
}

/* Snapshot reader: read, put back, read again: the same bytes or gone. */
static void reread_packet(struct rig *r, unsigned long pos)
{
	lttng_rb_put_subbuf(&r->buf, false);
	if (lttng_rb_get_subbuf(&r->buf, pos))
		return;		/* overwritten meanwhile */
	r->rereads++;
	if (memcmp(held_copy, lttng_rb_held_packet(&r->buf), SUBBUF))
		rig_error(r, "packet put back unconsumed reads back different", pos);
	lttng_rb_put_subbuf(&r->buf, false);
}

static void *reader_main(void *p)
{
	struct rig *r = p;
	unsigned long pos;
	bool fin;
	int ret;

	for (;;) {
		/* Sampled first, so the last pass starts once writers stopped. */
		fin = READ_ONCE(r->chan.finalized);
		ret = lttng_rb_snapshot(&r->buf);
		if (ret == -ENODATA)
			break;
		if (ret) {
			sched_yield();
			continue;
		}
		if (!r->snapshot_reader) {
			if (!lttng_rb_get_subbuf(&r->buf, r->buf.snap_consumed)) {
				check_packet(r, lttng_rb_held_packet(&r->buf), true);
				hold_packet(r);
				lttng_rb_put_subbuf(&r->buf, true);
			}
			continue;
		}
		for (pos = r->buf.snap_consumed; pos != r->buf.snap_produced;
		     pos += SUBBUF) {
			if (lttng_rb_get_subbuf(&r->buf, pos))
				continue;
			check_packet(r, lttng_rb_held_packet(&r->buf), false);
			hold_packet(r);
			reread_packet(r, pos);
		}
		if (fin)
			break;
		sched_yield();
	}
	return NULL;
}

/* Run the writers and the reader; the main thread ends the trace. */
static void run(struct rig *r)
{
	struct writer_arg args[NR_WRITERS];
	pthread_t writers[NR_WRITERS], reader;
	u32 i;

	assert_int_equal(pthread_create(&reader, NULL, reader_main, r), 0);
	for (i = 0; i < NR_WRITERS; i++) {
		args[i] = (struct writer_arg){ .rig = r, .id = i };
		assert_int_equal(pthread_create(&writers[i], NULL, writer_main,
						&args[i]), 0);
	}
	for (i = 0; i < NR_WRITERS; i++)
		pthread_join(writers[i], NULL);
	/* The newest records: nothing can overwrite them any more. */
	for (i = 0; i < NR_WRITERS; i++) {
		if (write_record(r, i, PER_WRITER + 1, 64)) {
			r->reserved[i]++;
			r->last_reserved_seq[i] = PER_WRITER + 1;
		} else {
			r->failed[i]++;
		}
	}
	/*
	 * As the tracer does: at stop, close the last packet (an empty one if
	 * drops are still to be counted); at destroy, once the consumer has
	 * read what was there, finalise.
	 */
	lttng_rb_buffer_flush(&r->buf, true);
	while (READ_ONCE(r->buf.flush_pending) ||
	       lttng_rb_consumed(&r->buf) !=
	       lttng_rb_subbuf_trunc(&r->chan.layout, lttng_rb_write_pos(&r->buf)))
		if (r->snapshot_reader)
			break;
		else
			sched_yield();
	WRITE_ONCE(r->chan.finalized, true);
	pthread_join(reader, NULL);
	print_message("# %lu packets read, %lu re-read, %ld records lost\n",
		      r->packets, r->rereads, local_read(&r->buf.lost));
	if (r->errors)
		fail_msg("%lu errors, first: %s", r->errors, r->first_error);
}

static unsigned long sum(const unsigned long *v)
{
	unsigned long s = 0, i;

	for (i = 0; i < NR_WRITERS; i++)
		s += v[i];
	return s;
}

static void discard_delivers_exactly(unsigned long start)
{
	static struct rig r;
	u32 w;

	rig_init(&r, LTTNG_RB_MODE_DISCARD, start);
	run(&r);
	for (w = 0; w < NR_WRITERS; w++)
		assert_int_equal(r.read[w], r.reserved[w]);
	assert_int_equal(local_read(&r.buf.lost), sum(r.failed));
	/* Every drop is counted in a packet the reader got. */
	assert_int_equal(r.lost_reported, sum(r.failed));
	assert_true(sum(r.reserved) > 0);
	free(r.buf.mem);
	free(r.buf.subbuf);
}

static void discard_mode(void **state)
{
	(void)state;
	discard_delivers_exactly(0);
}

static void discard_mode_across_wrap(void **state)
{
	(void)state;
	discard_delivers_exactly(0UL - 2 * SUBBUF * NR_SUBBUF);
}

/*
 * Overwrite mode with a consuming reader: the oldest records may go, but
 * what is read is intact and in order, and the newest record, written
 * once every writer is done, is always read.
 */
static void overwrite_keeps_newest(unsigned long start)
{
	static struct rig r;
	u32 w;

	rig_init(&r, LTTNG_RB_MODE_OVERWRITE, start);
	run(&r);
	for (w = 0; w < NR_WRITERS; w++) {
		assert_true(r.read[w] <= r.reserved[w]);
		/* Written last, so read last. */
		assert_int_equal(r.next_seq[w] - 1, r.last_reserved_seq[w]);
	}
	free(r.buf.mem);
	free(r.buf.subbuf);
}

static void overwrite_mode(void **state)
{
	(void)state;
	overwrite_keeps_newest(0);
}

static void overwrite_mode_across_wrap(void **state)
{
	(void)state;
	overwrite_keeps_newest(0UL - 3 * SUBBUF * NR_SUBBUF);
}

/* A flight recorder read by snapshots while writers keep overwriting. */
static void overwrite_snapshot_reader(void **state)
{
	static struct rig r;

	(void)state;
	rig_init(&r, LTTNG_RB_MODE_OVERWRITE, 0);
	r.snapshot_reader = true;
	run(&r);
	assert_true(r.rereads > 0);
	free(r.buf.mem);
	free(r.buf.subbuf);
}

/*
 * A buffer nothing was written to: its first flush still gives a packet
 * (header only), so that a live reader hears of the stream (lttng-relayd
 * takes beacons only for a stream that has had a packet); later flushes of
 * an empty buffer give none, and a flush_empty always gives one.
 */
static unsigned long packets_ready(struct rig *r)
{
	const struct lttng_rb_layout *l = &r->chan.layout;

	return (lttng_rb_subbuf_trunc(l, lttng_rb_write_pos(&r->buf)) -
		lttng_rb_consumed(&r->buf)) >> l->subbuf_order;
}

static void idle_buffer_first_flush(void **state)
{
	static struct rig r;
	struct pkt_header *h;

	(void)state;
	rig_init(&r, LTTNG_RB_MODE_DISCARD, 0);
	assert_int_equal(packets_ready(&r), 0);
	lttng_rb_buffer_flush(&r.buf, false);
	assert_int_equal(packets_ready(&r), 1);
	h = (struct pkt_header *)r.buf.mem;
	assert_int_equal(h->magic, PKT_MAGIC);
	assert_int_equal(h->data_size, sizeof(struct pkt_header));
	lttng_rb_buffer_flush(&r.buf, false);
	assert_int_equal(packets_ready(&r), 1);
	lttng_rb_buffer_flush(&r.buf, true);
	assert_int_equal(packets_ready(&r), 2);
	free(r.buf.mem);
	free(r.buf.subbuf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(discard_mode),
		cmocka_unit_test(discard_mode_across_wrap),
		cmocka_unit_test(overwrite_mode),
		cmocka_unit_test(overwrite_mode_across_wrap),
		cmocka_unit_test(overwrite_snapshot_reader),
		cmocka_unit_test(idle_buffer_first_flush),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("rb-writers", tests, NULL, NULL);
}
