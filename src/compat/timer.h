/* SPDX-License-Identifier: GPL-2.0-only */
/* Timer API names across kernels (see compat/Kbuild.features). */
#ifndef _LTTNG_COMPAT_TIMER_H
#define _LTTNG_COMPAT_TIMER_H

#include <linux/timer.h>

#ifdef LTTNG_HAVE_TIMER_DELETE_SYNC
#define lttng_timer_delete_sync		timer_delete_sync
#else
#define lttng_timer_delete_sync		del_timer_sync
#endif

#ifdef LTTNG_HAVE_TIMER_CONTAINER_OF
#define lttng_from_timer		timer_container_of
#else
#define lttng_from_timer		from_timer
#endif

#endif /* _LTTNG_COMPAT_TIMER_H */
