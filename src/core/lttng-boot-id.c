// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot's identity, for the metadata's clock block: the monotonic
 * clock restarts at every boot, so its UUID is the kernel's boot_id, the
 * random UUID /proc/sys/kernel/random/boot_id shows, as lttng-modules
 * gives it. Traces of one boot share it; an analysis of several hosts
 * tells them (and reboots) apart by it.
 *
 * The kernel keeps the boot_id in a static of its random driver and makes
 * it on the first read of that sysctl file: reading the file is the only
 * way to it, so it is read like a user would, in process context. At
 * module load the caller may have no /proc (a built-in tracer starts
 * before user space mounts it), so it is read at session creation, in
 * the session daemon's context, until one read succeeds: a daemon in a
 * chroot without /proc gets a clock without UUID, which CTF allows.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "lttng-boot-id.h"
#include "lttng-metadata-text.h"

#define BOOT_ID_PATH	"/proc/sys/kernel/random/boot_id"

static DEFINE_MUTEX(boot_id_lock);
static char boot_id[UUID_STRING_LEN + 1];
static bool boot_id_known;		/* boot_id is complete: release/acquire */

/*
 * Reads the file into text (UUID_STRING_LEN + 1 bytes) if it is procfs'
 * and holds a UUID: the file is looked up in the caller's namespace, so
 * whatever is mounted there is checked first.
 */
static bool read_boot_id(char *text)
{
	char buf[UUID_STRING_LEN + 2];
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	f = filp_open(BOOT_ID_PATH, O_RDONLY | O_NONBLOCK | O_NOFOLLOW, 0);
	if (IS_ERR(f))
		return false;
	n = -EINVAL;
	if (file_inode(f)->i_sb->s_magic == PROC_SUPER_MAGIC)
		n = kernel_read(f, buf, sizeof(buf) - 1, &pos);
	filp_close(f, NULL);
	if (n < UUID_STRING_LEN)
		return false;
	buf[n] = '\0';
	/* The sysctl prints the UUID and a newline. */
	if (n > UUID_STRING_LEN && buf[UUID_STRING_LEN] != '\n')
		return false;
	buf[UUID_STRING_LEN] = '\0';
	if (!lttng_tsdl_is_uuid(buf))
		return false;
	memcpy(text, buf, UUID_STRING_LEN + 1);
	return true;
}

void lttng_boot_id_load(void)
{
	char text[UUID_STRING_LEN + 1];

	might_sleep();
	/* Pairs with the release below: known, the text is complete. */
	if (smp_load_acquire(&boot_id_known))
		return;
	mutex_lock(&boot_id_lock);
	if (!boot_id_known && read_boot_id(text)) {
		memcpy(boot_id, text, sizeof(boot_id));
		/* Complete before it is seen. */
		smp_store_release(&boot_id_known, true);
	}
	mutex_unlock(&boot_id_lock);
}

const char *lttng_boot_id(void)
{
	/* Pairs with the release in lttng_boot_id_load(). */
	return smp_load_acquire(&boot_id_known) ? boot_id : NULL;
}
