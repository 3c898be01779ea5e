/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page reclaim events: kswapd, direct and memcg reclaim, shrinkers, LRU
 * isolation and shrinking, laid out as lttng-modules 2.13 records them.
 * The probe module is built with LTTNG_PROBE_TP_CHECKED: events whose
 * tracepoint this kernel lacks (mm_vmscan_writepage became
 * mm_vmscan_write_folio; the memcg ones need CONFIG_MEMCG) are left out.
 * Read once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_VMSCAN_HELPERS
#define _LTTNG_INSTRUMENTATION_VMSCAN_HELPERS

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/shrinker.h>
#include <linux/vmstat.h>

/* Both are __bitwise unsigned int for sparse; recorded as their value. */
static inline unsigned int lttng_vmscan_gfp(gfp_t gfp_flags)
{
	return (__force unsigned int)gfp_flags;
}

static inline unsigned int lttng_vmscan_isolate_mode(isolate_mode_t mode)
{
	return (__force unsigned int)mode;
}

/*
 * reclaim_flags, as the kernel's own events show them: file or anonymous
 * pages, and reclaim always asynchronous.
 */
#define LTTNG_RECLAIM_WB_ANON		0x0001u
#define LTTNG_RECLAIM_WB_FILE		0x0002u
#define LTTNG_RECLAIM_WB_ASYNC		0x0008u
#define lttng_reclaim_flags(file)					\
	(((file) ? LTTNG_RECLAIM_WB_FILE : LTTNG_RECLAIM_WB_ANON) |	\
	 LTTNG_RECLAIM_WB_ASYNC)

#endif /* _LTTNG_INSTRUMENTATION_VMSCAN_HELPERS */

LTTNG_EVENT(mm_vmscan_kswapd_sleep,
	LTTNG_PROTO(int nid),
	LTTNG_FIELDS(f_int(int, nid, nid)))

LTTNG_EVENT(mm_vmscan_kswapd_wake,
	LTTNG_PROTO(int nid, int zid, int order),
	LTTNG_FIELDS(
		f_int(int, nid, nid)
		f_int(int, zid, zid)
		f_int(int, order, order)
	))

LTTNG_EVENT(mm_vmscan_wakeup_kswapd,
	LTTNG_PROTO(int nid, int zid, int order, gfp_t gfp_flags),
	LTTNG_FIELDS(
		f_int(int, nid, nid)
		f_int(int, zid, zid)
		f_int(int, order, order)
		f_int(unsigned int, gfp_flags, lttng_vmscan_gfp(gfp_flags))
	))

#define LTTNG_VMSCAN_BEGIN_EVENT(_name)					\
	LTTNG_EVENT(_name,						\
		LTTNG_PROTO(int order, gfp_t gfp_flags),		\
		LTTNG_FIELDS(						\
			f_int(int, order, order)			\
			f_int(unsigned int, gfp_flags,			\
			      lttng_vmscan_gfp(gfp_flags))		\
		))

LTTNG_VMSCAN_BEGIN_EVENT(mm_vmscan_direct_reclaim_begin)
LTTNG_VMSCAN_BEGIN_EVENT(mm_vmscan_memcg_reclaim_begin)
LTTNG_VMSCAN_BEGIN_EVENT(mm_vmscan_memcg_softlimit_reclaim_begin)

#define LTTNG_VMSCAN_END_EVENT(_name)					\
	LTTNG_EVENT(_name,						\
		LTTNG_PROTO(unsigned long nr_reclaimed),		\
		LTTNG_FIELDS(f_int(unsigned long, nr_reclaimed, nr_reclaimed)))

LTTNG_VMSCAN_END_EVENT(mm_vmscan_direct_reclaim_end)
LTTNG_VMSCAN_END_EVENT(mm_vmscan_memcg_reclaim_end)
LTTNG_VMSCAN_END_EVENT(mm_vmscan_memcg_softlimit_reclaim_end)

/* shrink: the shrinker's scan function. */
LTTNG_EVENT_MAP(mm_shrink_slab_start, mm_vmscan_shrink_slab_start,
	LTTNG_PROTO(struct shrinker *shr, struct shrink_control *sc,
		    long nr_objects_to_shrink, unsigned long cache_items,
		    unsigned long long delta, unsigned long total_scan,
		    int priority),
	LTTNG_FIELDS(
		f_hex(void *, shr, shr)
		f_hex(void *, shrink, (void *)shr->scan_objects)
		f_int(int, nid, sc->nid)
		f_int(long, nr_objects_to_shrink, nr_objects_to_shrink)
		f_int(unsigned int, gfp_flags, lttng_vmscan_gfp(sc->gfp_mask))
		f_int(unsigned long, cache_items, cache_items)
		f_int(unsigned long long, delta, delta)
		f_int(unsigned long, total_scan, total_scan)
		f_int(int, priority, priority)
	))

LTTNG_EVENT_MAP(mm_shrink_slab_end, mm_vmscan_shrink_slab_end,
	LTTNG_PROTO(struct shrinker *shr, int nid, int shrinker_retval,
		    long unused_scan_cnt, long new_scan_cnt, long total_scan),
	LTTNG_FIELDS(
		f_hex(void *, shr, shr)
		f_int(int, nid, nid)
		f_hex(void *, shrink, (void *)shr->scan_objects)
		f_int(long, unused_scan, unused_scan_cnt)
		f_int(long, new_scan, new_scan_cnt)
		f_int(int, retval, shrinker_retval)
		f_int(long, total_scan, total_scan)
	))

/* lttng-modules keeps the older name of the first argument, classzone_idx. */
LTTNG_EVENT(mm_vmscan_lru_isolate,
	LTTNG_PROTO(int highest_zoneidx, int order, unsigned long nr_requested,
		    unsigned long nr_scanned, unsigned long nr_skipped,
		    unsigned long nr_taken, isolate_mode_t isolate_mode, int lru),
	LTTNG_FIELDS(
		f_int(int, classzone_idx, highest_zoneidx)
		f_int(int, order, order)
		f_int(unsigned long, nr_requested, nr_requested)
		f_int(unsigned long, nr_scanned, nr_scanned)
		f_int(unsigned long, nr_skipped, nr_skipped)
		f_int(unsigned long, nr_taken, nr_taken)
		f_int(unsigned int, isolate_mode, lttng_vmscan_isolate_mode(isolate_mode))
		f_int(int, lru, lru)
	))

/* Older kernels only: current ones write folios (mm_vmscan_write_folio). */
LTTNG_EVENT(mm_vmscan_writepage,
	LTTNG_PROTO(struct page *page),
	LTTNG_FIELDS(
		f_hex(void *, page, page)
		f_int(int, reclaim_flags, lttng_reclaim_flags(page_is_file_lru(page)))
	))

LTTNG_EVENT(mm_vmscan_lru_shrink_inactive,
	LTTNG_PROTO(int nid, unsigned long nr_scanned,
		    unsigned long nr_reclaimed, struct reclaim_stat *stat,
		    int priority, int file),
	LTTNG_FIELDS(
		f_int(int, nid, nid)
		f_int(unsigned long, nr_scanned, nr_scanned)
		f_int(unsigned long, nr_reclaimed, nr_reclaimed)
		f_int(unsigned long, nr_dirty, stat->nr_dirty)
		f_int(unsigned long, nr_writeback, stat->nr_writeback)
		f_int(unsigned long, nr_congested, stat->nr_congested)
		f_int(unsigned long, nr_immediate, stat->nr_immediate)
		f_int(unsigned long, nr_activate_anon, stat->nr_activate[0])
		f_int(unsigned long, nr_activate_file, stat->nr_activate[1])
		f_int(unsigned long, nr_ref_keep, stat->nr_ref_keep)
		f_int(unsigned long, nr_unmap_fail, stat->nr_unmap_fail)
		f_int(int, priority, priority)
		f_int(int, reclaim_flags, lttng_reclaim_flags(file))
	))
