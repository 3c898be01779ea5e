// SPDX-License-Identifier: GPL-2.0-only
/* Ring-buffer client: event data, discard when full, read by splice. */
#define RB_CLIENT_MODE		LTTNG_RB_MODE_DISCARD
#define RB_CLIENT_OUTPUT	LTTNG_RB_OUTPUT_SPLICE
#define RB_CLIENT_CONTENT	LTTNG_RB_CONTENT_EVENTS
#define RB_CLIENT_NAME		"events-discard-splice"
#include "lttng-ring-buffer-client.h"
