/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The marked range of a TCP socket: the sequence number where the data
 * queued while the socket was marking ends. A segment that starts before
 * it carries marked bytes (a retransmit after marking stopped), and stays
 * marked. The range retires once the peer has acknowledged all of it:
 * sequence numbers wrap, so a range kept forever would cover the next
 * 2 GiB again once seq - end passes 2^31.
 *
 * Also here: which received segments bring new in-window data, the only
 * ones whose mark is honoured.
 *
 * Pure arithmetic on u32 sequence numbers (RFC 1982 comparison), also
 * built in userspace for its unit test.
 */
#ifndef _LTTNG_DT_TCP_RANGE_H
#define _LTTNG_DT_TCP_RANGE_H

#include <linux/types.h>

struct dt_mark_range {
	bool set;
	u32 end;		/* data before it was sent marked */
};

/* a comes before b, modulo 2^32. */
static inline bool dt_seq_before(u32 a, u32 b)
{
	return (s32)(a - b) < 0;
}

/* Data up to end was queued or sent while marking. */
static inline void dt_mark_range_extend(struct dt_mark_range *r, u32 end)
{
	if (!r->set || dt_seq_before(r->end, end)) {
		r->end = end;
		r->set = true;
	}
}

/*
 * Whether a segment starting at seq, sent when the socket no longer
 * marks and the peer has acknowledged up to snd_una, carries marked
 * bytes. Retires the range once snd_una has reached its end: no byte
 * before it will be sent again.
 */
static inline bool dt_mark_range_covers(struct dt_mark_range *r, u32 seq,
					u32 snd_una)
{
	if (!r->set)
		return false;
	if (!dt_seq_before(snd_una, r->end)) {
		r->set = false;
		return false;
	}
	return dt_seq_before(seq, r->end);
}

/*
 * Whether a received segment [seq, seq + len) brings new data inside the
 * window the receiver offers: it ends after rcv_nxt (not a spurious
 * retransmit of bytes already received) and starts before rcv_nxt + win
 * (not beyond the window). Only such a segment's mark is honoured.
 */
static inline bool dt_seq_new_in_window(u32 seq, u32 len, u32 rcv_nxt, u32 win)
{
	if (!len || !dt_seq_before(rcv_nxt, seq + len))
		return false;
	return dt_seq_before(seq, rcv_nxt + win) || seq == rcv_nxt;
}

#endif /* _LTTNG_DT_TCP_RANGE_H */
