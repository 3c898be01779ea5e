// SPDX-License-Identifier: GPL-2.0-only
/*
 * CTF 1.8 trace writer for tests (see ctf-writer.h).
 */
#define _GNU_SOURCE
#include <assert.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctf-writer.h"

#define CTF_DATA_MAGIC	0xC1FC1FC1u
#define HEADER_BYTES	32
#define CONTEXT_BYTES	52

static void put(struct ctf_buf *b, uint64_t v, unsigned int bytes, bool be)
{
	unsigned int i;

	assert(b->len + bytes <= sizeof(b->data));
	for (i = 0; i < bytes; i++) {
		unsigned int shift = 8 * (be ? bytes - 1 - i : i);

		b->data[b->len++] = (unsigned char)(v >> shift);
	}
}

void ctf_u8(struct ctf_buf *b, uint8_t v)
{
	put(b, v, 1, false);
}

void ctf_u16(struct ctf_buf *b, uint16_t v)
{
	put(b, v, 2, false);
}

void ctf_u16be(struct ctf_buf *b, uint16_t v)
{
	put(b, v, 2, true);
}

void ctf_u32(struct ctf_buf *b, uint32_t v)
{
	put(b, v, 4, false);
}

void ctf_u64(struct ctf_buf *b, uint64_t v)
{
	put(b, v, 8, false);
}

void ctf_bytes(struct ctf_buf *b, const void *p, size_t n)
{
	assert(b->len + n <= sizeof(b->data));
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void ctf_text(struct ctf_buf *b, const char *s, size_t n)
{
	size_t l = strlen(s);

	assert(l <= n);
	ctf_bytes(b, s, l);
	while (l++ < n)
		ctf_u8(b, 0);
}

void ctf_string(struct ctf_buf *b, const char *s)
{
	ctf_bytes(b, s, strlen(s) + 1);
}

/*
 * Compact: one u32, id in bits 0-4 and the low 27 bits of the time above;
 * extended: a byte holding 31, then u32 id and u64 time.
 */
void ctf_header_compact(struct ctf_buf *b, uint32_t id, uint64_t ts, bool extended)
{
	if (extended) {
		ctf_u8(b, 31);
		ctf_u32(b, id);
		ctf_u64(b, ts);
		return;
	}
	assert(id < 31);
	ctf_u32(b, id | (uint32_t)(ts & ((1u << 27) - 1)) << 5);
}

/* Large: u16 id and the low 32 bits of the time, or 65535, u32 id, u64 time. */
void ctf_header_large(struct ctf_buf *b, uint32_t id, uint64_t ts, bool extended)
{
	if (extended) {
		ctf_u16(b, 65535);
		ctf_u32(b, id);
		ctf_u64(b, ts);
		return;
	}
	assert(id < 65535);
	ctf_u16(b, (uint16_t)id);
	ctf_u32(b, (uint32_t)ts);
}

void ctf_packet(struct ctf_buf *out, const struct ctf_packet *p,
		const struct ctf_buf *records)
{
	uint64_t used = HEADER_BYTES + CONTEXT_BYTES + records->len;

	assert(used <= CTF_PACKET_BYTES);
	out->len = 0;
	ctf_u32(out, CTF_DATA_MAGIC);
	ctf_bytes(out, p->uuid, 16);
	ctf_u32(out, p->stream_id);
	ctf_u64(out, p->stream_instance_id);
	assert(out->len == HEADER_BYTES);

	ctf_u64(out, p->ts_begin);
	ctf_u64(out, p->ts_end);
	ctf_u64(out, used * 8);			/* content_size, bits */
	ctf_u64(out, CTF_PACKET_BYTES * 8);	/* packet_size, bits */
	ctf_u64(out, p->seq_num);
	ctf_u64(out, p->events_discarded);
	ctf_u32(out, p->cpu_id);
	assert(out->len == HEADER_BYTES + CONTEXT_BYTES);

	ctf_bytes(out, records->data, records->len);
	memset(out->data + out->len, 0, CTF_PACKET_BYTES - out->len);
	out->len = CTF_PACKET_BYTES;
}

char *ctf_make_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir, path[4096];

	if (!tmp || !*tmp)
		tmp = "/tmp";
	if (asprintf(&dir, "%s/lttng-ctf-XXXXXX", tmp) < 0)
		return NULL;
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/trace", dir);
	if (mkdir(path, 0700)) {
		ctf_remove_dir(dir);
		return NULL;
	}
	return dir;
}

static int remove_one(const char *path, const struct stat *sb, int type,
		      struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

void ctf_remove_dir(char *dir)
{
	if (!dir)
		return;
	nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

int ctf_write_file(const char *dir, const char *name, const void *p, size_t n)
{
	char path[4096];
	FILE *f;
	int ret = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return -1;
	if (fwrite(p, 1, n, f) != n)
		ret = -1;
	if (fclose(f))
		ret = -1;
	return ret;
}

char *ctf_stream_text(FILE *f)
{
	char *buf = NULL;
	size_t len = 0, n;

	do {
		char *nb = realloc(buf, len + 4097);

		if (!nb) {
			free(buf);
			return NULL;
		}
		buf = nb;
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n == 4096);
	buf[len] = '\0';
	return buf;
}

char *ctf_read_file(const char *dir, const char *name)
{
	char path[4096], *buf;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf = ctf_stream_text(f);
	fclose(f);
	return buf;
}

const char *ctf_babeltrace2(void)
{
	const char *bt = getenv("BABELTRACE2");

	if (!bt || !*bt)
		bt = "/usr/bin/babeltrace2";
	return access(bt, X_OK) ? NULL : bt;
}

int ctf_run_babeltrace2(const char *dir, const char *args,
			const char *out_name, const char *err_name)
{
	const char *bt = ctf_babeltrace2();
	char cmd[8192];
	int status;

	if (!bt)
		return -1;
	/*
	 * Paths come from mkdtemp and fixed names: nothing to quote. The
	 * log levels are pinned, so that only warnings and errors reach
	 * stderr whatever the caller's environment says.
	 */
	snprintf(cmd, sizeof(cmd),
		 "env -u LIBBABELTRACE2_INIT_LOG_LEVEL -u BABELTRACE_CLI_LOG_LEVEL LC_ALL=C "
		 "'%s' --log-level=WARNING %s '%s/trace' >'%s/%s' 2>'%s/%s'",
		 bt, args, dir, dir, out_name, dir, err_name);
	status = system(cmd);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
