/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writeback events: inodes dirtied and written, flusher work, dirty
 * throttling, laid out as lttng-modules 2.13 records them. The probe
 * module is built with LTTNG_PROBE_TP_CHECKED: events whose tracepoint
 * this kernel lacks (several were removed over time) are left out.
 * Read once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_WRITEBACK_HELPERS
#define _LTTNG_INSTRUMENTATION_WRITEBACK_HELPERS

#include <linux/backing-dev.h>
#include <linux/sched.h>
#include <linux/vmstat.h>
#include <linux/writeback.h>

/*
 * The global dirty limit (global_wb_domain.dirty_limit) is not exported.
 * lttng-modules reads it through kallsyms_lookup_name(), called at an
 * address a kprobe found, which is a fatal #CP on kernels with IBT (the
 * function's ENDBR is sealed). The limit follows the dirty threshold: it
 * is raised to the threshold at once and only lags it, briefly, when the
 * threshold falls. So the threshold is recorded where the limit would be
 * (doc/upstream-yardstick.md).
 */
#define LTTNG_WB_LIMIT(thresh)	(thresh)

/* Bandwidths and rates are kept in pages per second, recorded in KiB/s. */
#define LTTNG_KBPS(x)	((x) << (PAGE_SHIFT - 10))

/* The throttling setpoint, between the limit and the thresholds' middle. */
#define LTTNG_WB_SETPOINT(thresh, bg_thresh)				\
	((LTTNG_WB_LIMIT(thresh) + ((thresh) + (bg_thresh)) / 2) / 2)

static inline const char *lttng_wb_inode_bdi_name(struct inode *inode)
{
	return bdi_dev_name(inode_to_bdi(inode));
}

static inline const char *lttng_wb_mapping_bdi_name(struct address_space *m)
{
	return bdi_dev_name(m ? inode_to_bdi(m->host) : NULL);
}

#endif /* _LTTNG_INSTRUMENTATION_WRITEBACK_HELPERS */

/* Older kernels only: current ones trace folios (writeback_dirty_folio). */
LTTNG_EVENT(writeback_dirty_page,
	LTTNG_PROTO(struct page *page, struct address_space *mapping),
	LTTNG_FIELDS(
		f_string(name, lttng_wb_mapping_bdi_name(mapping))
		f_int(unsigned long, ino, mapping ? mapping->host->i_ino : 0)
		f_int(pgoff_t, index, page->index)
	))

/* The bdi's name may be "(unknown)": pseudo file systems have none. */
#define LTTNG_WB_DIRTY_INODE_FIELDS					\
	f_string(name, lttng_wb_inode_bdi_name(inode))			\
	f_int(unsigned long, ino, inode->i_ino)				\
	f_int(unsigned long, state, inode->i_state)			\
	f_int(unsigned long, flags, flags)

LTTNG_EVENT(writeback_dirty_inode_start,
	LTTNG_PROTO(struct inode *inode, int flags),
	LTTNG_FIELDS(LTTNG_WB_DIRTY_INODE_FIELDS))

LTTNG_EVENT(writeback_dirty_inode,
	LTTNG_PROTO(struct inode *inode, int flags),
	LTTNG_FIELDS(LTTNG_WB_DIRTY_INODE_FIELDS))

LTTNG_EVENT(writeback_mark_inode_dirty,
	LTTNG_PROTO(struct inode *inode, int flags),
	LTTNG_FIELDS(LTTNG_WB_DIRTY_INODE_FIELDS))

#define LTTNG_WB_WRITE_INODE_FIELDS					\
	f_string(name, lttng_wb_inode_bdi_name(inode))			\
	f_int(unsigned long, ino, inode->i_ino)				\
	f_int(int, sync_mode, wbc->sync_mode)

LTTNG_EVENT(writeback_write_inode_start,
	LTTNG_PROTO(struct inode *inode, struct writeback_control *wbc),
	LTTNG_FIELDS(LTTNG_WB_WRITE_INODE_FIELDS))

LTTNG_EVENT(writeback_write_inode,
	LTTNG_PROTO(struct inode *inode, struct writeback_control *wbc),
	LTTNG_FIELDS(LTTNG_WB_WRITE_INODE_FIELDS))

/*
 * Flusher work items: only the bdi is recorded (struct wb_writeback_work
 * is private to fs/fs-writeback.c).
 */
#define LTTNG_WB_WORK_EVENT(_name)					\
	LTTNG_EVENT(_name,						\
		LTTNG_PROTO(struct bdi_writeback *wb,			\
			    struct wb_writeback_work *work),		\
		LTTNG_FIELDS(f_string(name, bdi_dev_name(wb->bdi))))

LTTNG_WB_WORK_EVENT(writeback_nothread)
LTTNG_WB_WORK_EVENT(writeback_queue)
LTTNG_WB_WORK_EVENT(writeback_exec)
LTTNG_WB_WORK_EVENT(writeback_start)
LTTNG_WB_WORK_EVENT(writeback_written)
LTTNG_WB_WORK_EVENT(writeback_wait)

LTTNG_EVENT(writeback_pages_written,
	LTTNG_PROTO(long pages_written),
	LTTNG_FIELDS(f_int(long, pages, pages_written)))

LTTNG_EVENT(writeback_bdi_register,
	LTTNG_PROTO(struct backing_dev_info *bdi),
	LTTNG_FIELDS(f_string(name, bdi_dev_name(bdi))))

#define LTTNG_WB_EVENT(_name)						\
	LTTNG_EVENT(_name,						\
		LTTNG_PROTO(struct bdi_writeback *wb),			\
		LTTNG_FIELDS(f_string(name, bdi_dev_name(wb->bdi))))

LTTNG_WB_EVENT(writeback_nowork)
LTTNG_WB_EVENT(writeback_wake_background)
LTTNG_WB_EVENT(writeback_wake_thread)
LTTNG_WB_EVENT(writeback_wake_forker_thread)
LTTNG_WB_EVENT(writeback_bdi_unregister)
LTTNG_WB_EVENT(writeback_thread_start)
LTTNG_WB_EVENT(writeback_thread_stop)

/* The bit fields of writeback_control are recorded as int. */
LTTNG_EVENT_MAP(wbc_writepage, writeback_wbc_writepage,
	LTTNG_PROTO(struct writeback_control *wbc, struct backing_dev_info *bdi),
	LTTNG_FIELDS(
		f_string(name, bdi_dev_name(bdi))
		f_int(long, nr_to_write, wbc->nr_to_write)
		f_int(long, pages_skipped, wbc->pages_skipped)
		f_int(int, sync_mode, wbc->sync_mode)
		f_int(int, for_kupdate, wbc->for_kupdate)
		f_int(int, for_background, wbc->for_background)
		f_int(int, for_reclaim, wbc->for_reclaim)
		f_int(int, range_cyclic, wbc->range_cyclic)
		f_int(long, range_start, (long)wbc->range_start)
		f_int(long, range_end, (long)wbc->range_end)
	))

/* older: the jiffies before which dirtied inodes were queued. */
LTTNG_EVENT(writeback_queue_io,
	LTTNG_PROTO(struct bdi_writeback *wb, struct wb_writeback_work *work,
		    unsigned long dirtied_before, int moved),
	LTTNG_FIELDS(
		f_string(name, bdi_dev_name(wb->bdi))
		f_int(unsigned long, older, dirtied_before)
		f_int(int, moved, moved)
	))

/* The page counts are read when the event fires, as the kernel's own does. */
LTTNG_EVENT_MAP(global_dirty_state, writeback_global_dirty_state,
	LTTNG_PROTO(unsigned long background_thresh, unsigned long dirty_thresh),
	LTTNG_FIELDS(
		f_int(unsigned long, nr_dirty, global_node_page_state(NR_FILE_DIRTY))
		f_int(unsigned long, nr_writeback, global_node_page_state(NR_WRITEBACK))
		f_int(unsigned long, nr_dirtied, global_node_page_state(NR_DIRTIED))
		f_int(unsigned long, nr_written, global_node_page_state(NR_WRITTEN))
		f_int(unsigned long, background_thresh, background_thresh)
		f_int(unsigned long, dirty_thresh, dirty_thresh)
		f_int(unsigned long, dirty_limit, LTTNG_WB_LIMIT(dirty_thresh))
	))

/* As lttng-modules, the bandwidths are those of the bdi's root wb. */
LTTNG_EVENT_MAP(bdi_dirty_ratelimit, writeback_bdi_dirty_ratelimit,
	LTTNG_PROTO(struct bdi_writeback *wb, unsigned long dirty_rate,
		    unsigned long task_ratelimit),
	LTTNG_FIELDS(
		f_string(bdi, bdi_dev_name(wb->bdi))
		f_int(unsigned long, write_bw, LTTNG_KBPS(wb->bdi->wb.write_bandwidth))
		f_int(unsigned long, avg_write_bw,
		      LTTNG_KBPS(wb->bdi->wb.avg_write_bandwidth))
		f_int(unsigned long, dirty_rate, LTTNG_KBPS(dirty_rate))
		f_int(unsigned long, dirty_ratelimit,
		      LTTNG_KBPS(wb->bdi->wb.dirty_ratelimit))
		f_int(unsigned long, task_ratelimit, LTTNG_KBPS(task_ratelimit))
		f_int(unsigned long, balanced_dirty_ratelimit,
		      LTTNG_KBPS(wb->bdi->wb.balanced_dirty_ratelimit))
	))

/* Times are converted from jiffies to milliseconds. */
LTTNG_EVENT_MAP(balance_dirty_pages, writeback_balance_dirty_pages,
	LTTNG_PROTO(struct bdi_writeback *wb, unsigned long thresh,
		    unsigned long bg_thresh, unsigned long dirty,
		    unsigned long bdi_thresh, unsigned long bdi_dirty,
		    unsigned long dirty_ratelimit, unsigned long task_ratelimit,
		    unsigned long dirtied, unsigned long period, long pause,
		    unsigned long start_time),
	LTTNG_FIELDS(
		f_string(bdi, bdi_dev_name(wb->bdi))
		f_int(unsigned long, limit, LTTNG_WB_LIMIT(thresh))
		f_int(unsigned long, setpoint, LTTNG_WB_SETPOINT(thresh, bg_thresh))
		f_int(unsigned long, dirty, dirty)
		f_int(unsigned long, bdi_setpoint,
		      LTTNG_WB_SETPOINT(thresh, bg_thresh) * bdi_thresh / (thresh + 1))
		f_int(unsigned long, bdi_dirty, bdi_dirty)
		f_int(unsigned long, dirty_ratelimit, LTTNG_KBPS(dirty_ratelimit))
		f_int(unsigned long, task_ratelimit, LTTNG_KBPS(task_ratelimit))
		f_int(unsigned int, dirtied, dirtied)
		f_int(unsigned int, dirtied_pause, current->nr_dirtied_pause)
		f_int(unsigned long, paused, (jiffies - start_time) * 1000 / HZ)
		f_int(long, pause, pause * 1000 / HZ)
		f_int(unsigned long, period, period * 1000 / HZ)
		f_int(long, think, current->dirty_paused_when == 0 ? 0 :
		      (long)(jiffies - current->dirty_paused_when) * 1000 / HZ)
	))

LTTNG_EVENT(writeback_sb_inodes_requeue,
	LTTNG_PROTO(struct inode *inode),
	LTTNG_FIELDS(
		f_string(name, lttng_wb_inode_bdi_name(inode))
		f_int(unsigned long, ino, inode->i_ino)
		f_int(unsigned long, state, inode->i_state)
		f_int(unsigned long, dirtied_when, inode->dirtied_when)
	))

#define LTTNG_WB_CONGEST_FIELDS						\
	f_int(unsigned int, usec_timeout, usec_timeout)			\
	f_int(unsigned int, usec_delayed, usec_delayed)

LTTNG_EVENT(writeback_congestion_wait,
	LTTNG_PROTO(unsigned int usec_timeout, unsigned int usec_delayed),
	LTTNG_FIELDS(LTTNG_WB_CONGEST_FIELDS))

LTTNG_EVENT(writeback_wait_iff_congested,
	LTTNG_PROTO(unsigned int usec_timeout, unsigned int usec_delayed),
	LTTNG_FIELDS(LTTNG_WB_CONGEST_FIELDS))

/* wrote: the pages written, from the budget left in wbc. */
LTTNG_EVENT(writeback_single_inode,
	LTTNG_PROTO(struct inode *inode, struct writeback_control *wbc,
		    unsigned long nr_to_write),
	LTTNG_FIELDS(
		f_string(name, lttng_wb_inode_bdi_name(inode))
		f_int(unsigned long, ino, inode->i_ino)
		f_int(unsigned long, state, inode->i_state)
		f_int(unsigned long, dirtied_when, inode->dirtied_when)
		f_int(unsigned long, writeback_index, inode->i_mapping->writeback_index)
		f_int(long, nr_to_write, nr_to_write)
		f_int(unsigned long, wrote, nr_to_write - wbc->nr_to_write)
	))
