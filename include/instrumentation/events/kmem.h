/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory allocator events (slab and page allocator), with lttng-modules
 * 2.13's names (kmem_ prefix) and layouts for Linux 6.1. Read once per
 * generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_KMEM_HELPERS
#define _LTTNG_INSTRUMENTATION_KMEM_HELPERS

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/pageblock-flags.h>
#include <linux/slab.h>

/*
 * kmem_cache_alloc and kmem_cache_free read the cache's sizes, flags and
 * name. lttng-modules takes struct kmem_cache from the kernel's private
 * mm/slab.h, which header packages lack (it then drops the whole kmem
 * probe). SLUB defines it in <linux/slub_def.h>, a public header that
 * only mm/slab.h includes: it ends with inline helpers over struct slab,
 * private too, which we never call. A stand-in struct slab lets those
 * compile; where SLUB's header has no struct kmem_cache, the two events
 * are left out.
 */
#if defined(CONFIG_SLUB) && defined(LTTNG_HAVE_SLUB_KMEM_CACHE)
struct slab {
	unsigned int objects;
};
#define slab_address(slab)	((void *)(slab))
#include <linux/slub_def.h>
#undef slab_address
#define LTTNG_KMEM_CACHE_EVENTS
#endif

static inline unsigned int lttng_gfp(gfp_t gfp_flags)
{
	return (__force unsigned int)gfp_flags;
}

static inline unsigned long lttng_page_pfn(struct page *page)
{
	return page ? page_to_pfn(page) : -1UL;
}

/*
 * The migrate type of the pageblock holding @page, as the kernel's
 * get_pageblock_migratetype() computes it; that function is not exported
 * to modules, so its few lines are repeated here over the same (public)
 * data: a bitmap of NR_PAGEBLOCK_BITS per pageblock, kept per memory
 * section with SPARSEMEM and per zone otherwise. Racy like the original:
 * it is only a snapshot for the trace.
 */
static inline int lttng_pageblock_migratetype(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long *bitmap;
	unsigned long bitidx;

#ifdef CONFIG_SPARSEMEM
	bitmap = section_to_usemap(__pfn_to_section(pfn));
	pfn &= PAGES_PER_SECTION - 1;
#else
	bitmap = page_zone(page)->pageblock_flags;
	pfn -= pageblock_start_pfn(page_zone(page)->zone_start_pfn);
#endif
	bitidx = (pfn >> pageblock_order) * NR_PAGEBLOCK_BITS;
	return (READ_ONCE(bitmap[bitidx / BITS_PER_LONG]) >>
		(bitidx % BITS_PER_LONG)) & MIGRATETYPE_MASK;
}

#endif /* _LTTNG_INSTRUMENTATION_KMEM_HELPERS */

/*
 * accounted: charged to a memory cgroup. lttng-modules 2.13.9 also
 * defines kmem_kmalloc_node and kmem_cache_alloc_node for 6.1, but
 * Linux 6.1 folded those tracepoints into kmalloc and kmem_cache_alloc
 * (node field): they do not exist there and are left out.
 */
LTTNG_EVENT_MAP(kmalloc, kmem_kmalloc,
	LTTNG_PROTO(unsigned long call_site, const void *ptr, size_t bytes_req,
		    size_t bytes_alloc, gfp_t gfp_flags, int node),
	LTTNG_FIELDS(
		f_hex(unsigned long, call_site, call_site)
		f_hex(const void *, ptr, ptr)
		f_int(size_t, bytes_req, bytes_req)
		f_int(size_t, bytes_alloc, bytes_alloc)
		f_int(unsigned int, gfp_flags, lttng_gfp(gfp_flags))
		f_int(int, node, node)
		f_int(bool, accounted, IS_ENABLED(CONFIG_MEMCG_KMEM) &&
				       (gfp_flags & __GFP_ACCOUNT))
	))

#ifdef LTTNG_KMEM_CACHE_EVENTS
LTTNG_EVENT(kmem_cache_alloc,
	LTTNG_PROTO(unsigned long call_site, const void *ptr,
		    struct kmem_cache *s, gfp_t gfp_flags, int node),
	LTTNG_FIELDS(
		f_hex(unsigned long, call_site, call_site)
		f_hex(const void *, ptr, ptr)
		f_int(size_t, bytes_req, s->object_size)
		f_int(size_t, bytes_alloc, s->size)
		f_int(unsigned int, gfp_flags, lttng_gfp(gfp_flags))
		f_int(int, node, node)
		f_int(bool, accounted, IS_ENABLED(CONFIG_MEMCG_KMEM) &&
				       ((gfp_flags & __GFP_ACCOUNT) ||
					(s->flags & SLAB_ACCOUNT)))
	))
#endif

LTTNG_EVENT_MAP(kfree, kmem_kfree,
	LTTNG_PROTO(unsigned long call_site, const void *ptr),
	LTTNG_FIELDS(
		f_hex(unsigned long, call_site, call_site)
		f_hex(const void *, ptr, ptr)
	))

#ifdef LTTNG_KMEM_CACHE_EVENTS
LTTNG_EVENT(kmem_cache_free,
	LTTNG_PROTO(unsigned long call_site, const void *ptr,
		    const struct kmem_cache *s),
	LTTNG_FIELDS(
		f_hex(unsigned long, call_site, call_site)
		f_hex(const void *, ptr, ptr)
		f_string(name, s->name)
	))
#endif

LTTNG_EVENT_MAP(mm_page_free, kmem_mm_page_free,
	LTTNG_PROTO(struct page *page, unsigned int order),
	LTTNG_FIELDS(
		f_hex(struct page *, page, page)
		f_int(unsigned long, pfn, page_to_pfn(page))
		f_int(unsigned int, order, order)
	))

LTTNG_EVENT_MAP(mm_page_free_batched, kmem_mm_page_free_batched,
	LTTNG_PROTO(struct page *page),
	LTTNG_FIELDS(
		f_hex(struct page *, page, page)
		f_int(unsigned long, pfn, page_to_pfn(page))
	))

/* pfn: -1 when the allocation failed (no page). */
LTTNG_EVENT_MAP(mm_page_alloc, kmem_mm_page_alloc,
	LTTNG_PROTO(struct page *page, unsigned int order, gfp_t gfp_flags,
		    int migratetype),
	LTTNG_FIELDS(
		f_hex(struct page *, page, page)
		f_int(unsigned long, pfn, lttng_page_pfn(page))
		f_int(unsigned int, order, order)
		f_int(unsigned int, gfp_flags, lttng_gfp(gfp_flags))
		f_int(int, migratetype, migratetype)
	))

LTTNG_EVENT_MAP(mm_page_alloc_zone_locked, kmem_mm_page_alloc_zone_locked,
	LTTNG_PROTO(struct page *page, unsigned int order, int migratetype,
		    int percpu_refill),
	LTTNG_FIELDS(
		f_hex(struct page *, page, page)
		f_int(unsigned long, pfn, lttng_page_pfn(page))
		f_int(unsigned int, order, order)
		f_int(int, migratetype, migratetype)
		f_int(int, percpu_refill, percpu_refill)
	))

LTTNG_EVENT_MAP(mm_page_pcpu_drain, kmem_mm_page_pcpu_drain,
	LTTNG_PROTO(struct page *page, unsigned int order, int migratetype),
	LTTNG_FIELDS(
		f_int(unsigned long, pfn, lttng_page_pfn(page))
		f_int(unsigned int, order, order)
		f_int(int, migratetype, migratetype)
	))

/* change_ownership: the pageblock now has the allocation's migrate type. */
LTTNG_EVENT_MAP(mm_page_alloc_extfrag, kmem_mm_page_alloc_extfrag,
	LTTNG_PROTO(struct page *page, int alloc_order, int fallback_order,
		    int alloc_migratetype, int fallback_migratetype),
	LTTNG_FIELDS(
		f_hex(struct page *, page, page)
		f_int(unsigned long, pfn, page_to_pfn(page))
		f_int(int, alloc_order, alloc_order)
		f_int(int, fallback_order, fallback_order)
		f_int(int, alloc_migratetype, alloc_migratetype)
		f_int(int, fallback_migratetype, fallback_migratetype)
		f_int(int, change_ownership,
		      alloc_migratetype == lttng_pageblock_migratetype(page))
	))
