// SPDX-License-Identifier: GPL-2.0-only
/* Ring-buffer client: TSDL metadata, read through mmap. */
#define RB_CLIENT_MODE		LTTNG_RB_MODE_DISCARD
#define RB_CLIENT_OUTPUT	LTTNG_RB_OUTPUT_MMAP
#define RB_CLIENT_CONTENT	LTTNG_RB_CONTENT_METADATA
#define RB_CLIENT_METADATA
#define RB_CLIENT_NAME		"metadata-mmap"
#include "lttng-ring-buffer-client.h"
