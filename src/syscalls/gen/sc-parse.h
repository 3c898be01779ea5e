/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system-call table generator's pure part: it reads the kernel's
 * headers as text and decides what each syscall event records. Built
 * into the host program sc-gen at module build time, and into the unit
 * tests (tests/unit/test-sc-gen.c).
 *
 * Inputs, all plain text:
 *   - the syscall table: "__SYSCALL(0, sys_read)" lines of
 *     arch/x86/include/generated/asm/syscalls_64.h (older spellings
 *     __SYSCALL_64/__SYSCALL_COMMON too), or "#define __NR_read 0" lines
 *     of unistd_64.h;
 *   - include/linux/syscalls.h: "asmlinkage long sys_NAME(args);" with
 *     argument types and, mostly, names; #if/#ifdef on CONFIG_ options
 *     are evaluated against the kernel's autoconf.h;
 *   - our overrides (x86_64.overrides): whole prototypes, with
 *     annotations, that replace the header's.
 *
 * The rule, for an argument without annotation:
 *   - integers, user strings and pointers to const are recorded by the
 *     entry event (what the caller passes in);
 *   - pointers to non-const are recorded by the exit event, after the
 *     return value (what the kernel wrote);
 *   - "const char __user *" is a NUL-terminated user string, copied,
 *     unless named like a buffer (buf, ubuf, buff, u_msg_ptr, msg): then
 *     its address is recorded, as for every other pointer;
 *   - "char __user *" named like a path or a name (filename, pathname,
 *     path, name, dev_name, dir_name, type) is a user string too: some
 *     prototypes lack the const (mount, umount, sethostname, utime).
 * Annotations (overrides only): @in @out @inout (which event records
 * it), @hex (shown in hexadecimal), @skip (not recorded), @string /
 * @nostring, @deref (record the integer it points to, read from user
 * memory, instead of the address), @array(N) (record the N integers it
 * points to, as a fixed-length array), @sockaddr(PORT,in|out) (also decode
 * the socket address it points to into family, PORT, v4addr, v6addr
 * fields, at the end of the in or out event; its length is the next
 * argument, or what the next argument points to if that one is @deref),
 * @name(NEW) (the field's name, when it is not the argument's),
 * @type(C TYPE) (the recorded integer type, or the pointee's for @deref
 * and @array).
 *
 * Amendments (overrides only): "NAME.ARG @ANNOTATION..." changes what one
 * argument of the kernel's own prototype records, and "NAME.ret @type(T)
 * @hex" the exit event's return value; everything not stated stays as the
 * rule decided. See sc_parse_amend().
 */
#ifndef _LTTNG_SC_PARSE_H
#define _LTTNG_SC_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SC_MAX_ARGS	6
#define SC_NAME_LEN	64
#define SC_TYPE_LEN	128
#define SC_MAX_NR	4096	/* larger numbers are not native syscalls */

/* Which event records an argument: bits. */
enum sc_dir {
	SC_SKIP = 0,
	SC_IN = 1,		/* syscall_entry_NAME */
	SC_OUT = 2,		/* syscall_exit_NAME */
	SC_INOUT = 3,
};

enum sc_kind {
	SC_KIND_INT,		/* an integer argument */
	SC_KIND_PTR,		/* a pointer: its address, as an integer */
	SC_KIND_STRING,		/* a user string, copied */
	SC_KIND_DEREF,		/* the integer a user pointer points to */
	SC_KIND_ARRAY,		/* array_len integers a user pointer points to */
};

#define SC_MAX_ARRAY	8	/* elements of an @array */

struct sc_arg {
	char name[SC_NAME_LEN];
	/* Integers: the C type. Pointers: the pointee's type (for @deref). */
	char type[SC_TYPE_LEN];
	int pointers;		/* number of '*' */
	bool pointee_const;	/* the outermost pointer points to const */
	bool pointee_char;	/* ... to char */
	bool named;		/* the declaration had a name */
	/* What is recorded, set by sc_classify() unless annotated. */
	enum sc_kind kind;
	unsigned int dir;
	bool hex;
	bool dir_set, kind_set;
	unsigned int array_len;	/* SC_KIND_ARRAY */
	/* @name and @type, as written (amendments). */
	char rename[SC_NAME_LEN];
	bool type_set;
	/* @sockaddr(PORT,DIR) */
	bool sockaddr;
	char port[SC_NAME_LEN];
	unsigned int sa_dir;
};

struct sc_proto {
	char name[SC_NAME_LEN];	/* without "sys_" */
	int nargs;
	struct sc_arg args[SC_MAX_ARGS];
	/* The return value's C type if not long (amended), and its base. */
	char ret_type[SC_TYPE_LEN];
	bool ret_hex;
};

/*
 * An amendment: "NAME.ARG @ANNOTATION...", ARG an argument's name in the
 * kernel's prototype, or "ret". The annotations are kept in ann, with
 * what they set flagged (dir_set, kind_set, hex, array_len, rename,
 * type_set).
 */
struct sc_amend {
	char sc[SC_NAME_LEN];
	char arg[SC_NAME_LEN];
	struct sc_arg ann;
};

/*
 * Parse "[sys_]NAME(DECL, DECL...)" (annotations allowed); the text may
 * go on after the closing parenthesis. 0, or -1 if it is not one.
 */
int sc_parse_proto(const char *text, struct sc_proto *p);

/* Parse one argument declaration, the index naming unnamed ones "argN". */
int sc_parse_arg(const char *decl, int index, struct sc_arg *arg);

/* Apply the rule to every argument not annotated; make names unique. */
void sc_classify(struct sc_proto *p);

/*
 * One line of the syscall table: 1 and the number and name (without
 * "sys_") if it describes a native syscall, else 0.
 */
int sc_parse_table_line(const char *line, unsigned int *nr, char *name,
			size_t len);

/* What the kernel's configuration defines (autoconf.h). */
struct sc_config {
	char **defined;		/* CONFIG_ names, sorted */
	size_t nr;
	int bits_per_long;
};

int sc_config_parse(const char *autoconf_text, struct sc_config *cfg);
void sc_config_free(struct sc_config *cfg);
bool sc_config_defined(const struct sc_config *cfg, const char *name);

/*
 * Walk the "asmlinkage long sys_NAME(...);" declarations of a header
 * text that the configuration keeps. cb returns non-zero to stop (that
 * value is returned); -1 on a malformed conditional.
 */
typedef int (*sc_proto_cb)(const struct sc_proto *p, void *priv);
int sc_scan_header(const char *text, const struct sc_config *cfg,
		   sc_proto_cb cb, void *priv);

/* Parse one amendment line; 0, or -1 if it is not one. */
int sc_parse_amend(const char *line, struct sc_amend *am);

/*
 * Apply an amendment to a classified prototype: 0; 1 if the prototype
 * has no such argument (the kernel renamed or dropped it: the caller
 * says so and goes on); -1 if the annotations do not suit the argument
 * (an @array or @deref on an integer, a name already taken...).
 */
int sc_apply_amend(struct sc_proto *p, const struct sc_amend *am);

/*
 * Overrides: one prototype ("NAME(DECL @ANNOTATION..., ...)", over
 * several lines if need be) or one amendment ("NAME.ARG @ANNOTATION...")
 * per line, '#' comments and blank lines ignored. Calls cb for each
 * prototype, amend_cb for each amendment; -1 and the line number in
 * *bad_line on a line that does not parse.
 */
typedef int (*sc_amend_cb)(const struct sc_amend *am, void *priv);
int sc_scan_overrides(const char *text, sc_proto_cb cb, sc_amend_cb amend_cb,
		      void *priv, int *bad_line);

/*
 * Write the table entry of syscall nr: LTTNG_SC(nr, name, entry fields,
 * exit fields), read by src/syscalls/table.c. p must be classified.
 */
int sc_emit(FILE *out, unsigned int nr, const struct sc_proto *p);

#endif /* _LTTNG_SC_PARSE_H */
