/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The few kernel facilities the ring buffer's writer and reader paths use,
 * mapped onto C11 atomics and POSIX so that those paths build unchanged in
 * userspace. local_t becomes a full atomic: the test runs writers on
 * several threads of one buffer, a harder case than the kernel's writers
 * nested on one CPU.
 */
#ifndef _KSHIM_H
#define _KSHIM_H

#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#ifndef __always_inline
#define __always_inline		inline __attribute__((always_inline))
#endif
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))
#define smp_wmb()		atomic_thread_fence(memory_order_release)
#define smp_rmb()		atomic_thread_fence(memory_order_acquire)
#define EXPORT_SYMBOL_GPL(sym)

typedef struct { _Atomic long v; } local_t;
typedef struct { _Atomic long v; } atomic_long_t;
typedef struct { _Atomic int v; } atomic_t;

static inline long local_read(local_t *l) { return atomic_load(&l->v); }
static inline void local_set(local_t *l, long v) { atomic_store(&l->v, v); }
static inline void local_add(long i, local_t *l) { atomic_fetch_add(&l->v, i); }
static inline void local_inc(local_t *l) { atomic_fetch_add(&l->v, 1); }
static inline long local_cmpxchg(local_t *l, long old, long new)
{
	atomic_compare_exchange_strong(&l->v, &old, new);
	return old;
}

static inline long atomic_long_read(atomic_long_t *a) { return atomic_load(&a->v); }
static inline void atomic_long_set(atomic_long_t *a, long v) { atomic_store(&a->v, v); }
static inline void atomic_long_set_release(atomic_long_t *a, long v)
{
	atomic_store_explicit(&a->v, v, memory_order_release);
}
static inline long atomic_long_cmpxchg(atomic_long_t *a, long old, long new)
{
	atomic_compare_exchange_strong(&a->v, &old, new);
	return old;
}
static inline int atomic_read(atomic_t *a) { return atomic_load(&a->v); }

static inline u64 ktime_get_mono_fast_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* Objects the buffer embeds but these paths never touch. */
struct list_head { struct list_head *next, *prev; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct module;
struct kref { atomic_t refcount; };
struct mutex { int unused; };
struct timer_list { int unused; };
typedef struct { int unused; } wait_queue_head_t;

#endif /* _KSHIM_H */
