// SPDX-License-Identifier: GPL-2.0-only
/* Ring-buffer client: event data, overwrite the oldest when full, read through mmap. */
#define RB_CLIENT_MODE		LTTNG_RB_MODE_OVERWRITE
#define RB_CLIENT_OUTPUT	LTTNG_RB_OUTPUT_MMAP
#define RB_CLIENT_CONTENT	LTTNG_RB_CONTENT_EVENTS
#define RB_CLIENT_NAME		"events-overwrite-mmap"
#include "lttng-ring-buffer-client.h"
