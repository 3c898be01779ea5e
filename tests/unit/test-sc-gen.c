// SPDX-License-Identifier: GPL-2.0-only
/*
 * The syscall table generator (src/syscalls/gen/sc-parse.c): reading the
 * kernel's declarations and table, its #if evaluation, our overrides and
 * their amendments, the in/out rule and the entries it writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "syscalls/gen/sc-parse.h"

/* ---- Helpers ------------------------------------------------------------ */

static char *emit(const struct sc_proto *p, unsigned int nr)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(sc_emit(f, nr, p), 0);
	fclose(f);
	return buf;
}

static void assert_emits(const char *proto, unsigned int nr, const char *want)
{
	struct sc_proto p;
	char *got;

	assert_int_equal(sc_parse_proto(proto, &p), 0);
	sc_classify(&p);
	got = emit(&p, nr);
	assert_string_equal(got, want);
	free(got);
}

struct collected {
	struct sc_proto p[16];
	int n;
	struct sc_amend am[16];
	int nam;
};

static int collect(const struct sc_proto *p, void *priv)
{
	struct collected *c = priv;

	assert_true(c->n < 16);
	c->p[c->n++] = *p;
	return 0;
}

static int collect_amend(const struct sc_amend *am, void *priv)
{
	struct collected *c = priv;

	assert_true(c->nam < 16);
	c->am[c->nam++] = *am;
	return 0;
}

static const struct sc_proto *find(const struct collected *c, const char *name)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->p[i].name, name))
			return &c->p[i];
	return NULL;
}

/* ---- One argument ------------------------------------------------------- */

static void integer_args(void **state)
{
	struct sc_arg a;

	(void)state;
	assert_int_equal(sc_parse_arg("unsigned int fd", 0, &a), 0);
	assert_string_equal(a.name, "fd");
	assert_string_equal(a.type, "unsigned int");
	assert_int_equal(a.pointers, 0);
	assert_true(a.named);

	assert_int_equal(sc_parse_arg("const clockid_t which_clock", 0, &a), 0);
	assert_string_equal(a.type, "clockid_t");
	assert_string_equal(a.name, "which_clock");

	/* Unnamed: the words are all type. */
	assert_int_equal(sc_parse_arg("unsigned long", 3, &a), 0);
	assert_string_equal(a.type, "unsigned long");
	assert_string_equal(a.name, "arg3");
	assert_false(a.named);
	assert_int_equal(sc_parse_arg("aio_context_t", 0, &a), 0);
	assert_string_equal(a.type, "aio_context_t");
	assert_string_equal(a.name, "arg0");

	/* Enums by value may be only declared: recorded as int. */
	assert_int_equal(sc_parse_arg("enum landlock_rule_type rule_type", 1, &a), 0);
	assert_string_equal(a.type, "int");
	assert_string_equal(a.name, "rule_type");
}

static void pointer_args(void **state)
{
	struct sc_arg a;

	(void)state;
	assert_int_equal(sc_parse_arg("char __user *buf", 1, &a), 0);
	assert_string_equal(a.name, "buf");
	assert_int_equal(a.pointers, 1);
	assert_false(a.pointee_const);
	assert_true(a.pointee_char);

	assert_int_equal(sc_parse_arg("const char __user * filename", 0, &a), 0);
	assert_true(a.pointee_const);
	assert_true(a.pointee_char);
	assert_string_equal(a.type, "char");

	/* argv: the outer pointer points to const pointers. */
	assert_int_equal(sc_parse_arg("const char __user *const __user *argv", 1, &a), 0);
	assert_int_equal(a.pointers, 2);
	assert_true(a.pointee_const);
	assert_false(a.pointee_char);
	/* ... but not here: the pointers it points to are not const. */
	assert_int_equal(sc_parse_arg("const char __user * __user *argv", 1, &a), 0);
	assert_false(a.pointee_const);

	assert_int_equal(sc_parse_arg("struct sockaddr __user *", 1, &a), 0);
	assert_string_equal(a.name, "arg1");
	assert_string_equal(a.type, "struct sockaddr");
	assert_int_equal(sc_parse_arg("struct iocb __user * __user *", 2, &a), 0);
	assert_int_equal(a.pointers, 2);
	assert_string_equal(a.name, "arg2");

	/* An array parameter is a pointer. */
	assert_int_equal(sc_parse_arg("int fildes[2]", 0, &a), 0);
	assert_int_equal(a.pointers, 1);
	assert_string_equal(a.name, "fildes");
	assert_string_equal(a.type, "int");

	/* Function pointers are not syscall arguments we can read. */
	assert_int_equal(sc_parse_arg("void (*fn)(int)", 0, &a), -1);
	assert_int_equal(sc_parse_arg("", 0, &a), -1);
}

static void annotations(void **state)
{
	struct sc_arg a;

	(void)state;
	assert_int_equal(sc_parse_arg("int __user *len @inout @deref", 2, &a), 0);
	assert_true(a.dir_set && a.kind_set);
	assert_int_equal(a.dir, SC_INOUT);
	assert_int_equal(a.kind, SC_KIND_DEREF);
	assert_string_equal(a.type, "int");
	assert_int_equal(sc_parse_arg("unsigned long flags @hex", 0, &a), 0);
	assert_true(a.hex);
	assert_false(a.dir_set);
	assert_int_equal(sc_parse_arg("struct sockaddr __user *a @in @sockaddr(dport,in)", 1, &a), 0);
	assert_true(a.sockaddr);
	assert_string_equal(a.port, "dport");
	assert_int_equal(a.sa_dir, SC_IN);
	assert_int_equal(sc_parse_arg("unsigned long tls @skip", 4, &a), 0);
	assert_int_equal(a.dir, SC_SKIP);

	/* Unknown annotations, and ones that make no sense for integers. */
	assert_int_equal(sc_parse_arg("int fd @sideways", 0, &a), -1);
	assert_int_equal(sc_parse_arg("int fd @deref", 0, &a), -1);
	assert_int_equal(sc_parse_arg("int fd @string", 0, &a), -1);
	assert_int_equal(sc_parse_arg("void __user *p @sockaddr(port,up)", 0, &a), -1);
	assert_int_equal(sc_parse_arg("char __user *__user *p @string", 0, &a), -1);
}

/* ---- Prototypes and the rule --------------------------------------------- */

static void prototypes(void **state)
{
	struct sc_proto p;

	(void)state;
	assert_int_equal(sc_parse_proto("sys_read(unsigned int fd, char __user *buf, size_t count);", &p), 0);
	assert_string_equal(p.name, "read");
	assert_int_equal(p.nargs, 3);
	assert_string_equal(p.args[2].name, "count");
	assert_int_equal(sc_parse_proto("sys_getpid(void)", &p), 0);
	assert_int_equal(p.nargs, 0);
	assert_int_equal(sc_parse_proto("sched_yield( )", &p), 0);
	assert_int_equal(p.nargs, 0);
	/* "sys" without underscore is part of the name. */
	assert_int_equal(sc_parse_proto("sysinfo(struct sysinfo __user *info)", &p), 0);
	assert_string_equal(p.name, "sysinfo");
	/* Declarations spanning lines. */
	assert_int_equal(sc_parse_proto("sys_io_getevents(aio_context_t ctx_id,\n\t\tlong min_nr,\n"
					"\t\tlong nr)", &p), 0);
	assert_int_equal(p.nargs, 3);
	assert_string_equal(p.args[1].name, "min_nr");

	assert_int_equal(sc_parse_proto("sys_x(int a, int b, int c, int d, int e, int f, int g)", &p), -1);
	assert_int_equal(sc_parse_proto("sys_x(int a", &p), -1);
	assert_int_equal(sc_parse_proto("(int a)", &p), -1);
}

static void rule(void **state)
{
	struct sc_proto p;

	(void)state;
	assert_int_equal(sc_parse_proto("sys_x(int n, const char __user *pathname, "
					"const char __user *buf, struct stat __user *st, "
					"const struct timespec __user *ts, char __user *out)", &p), 0);
	sc_classify(&p);
	/* Integers on entry. */
	assert_int_equal(p.args[0].kind, SC_KIND_INT);
	assert_int_equal(p.args[0].dir, SC_IN);
	/* const char * is a string on entry... */
	assert_int_equal(p.args[1].kind, SC_KIND_STRING);
	assert_int_equal(p.args[1].dir, SC_IN);
	/* ... unless it is named as a buffer: then an address, on entry. */
	assert_int_equal(p.args[2].kind, SC_KIND_PTR);
	assert_int_equal(p.args[2].dir, SC_IN);
	/* Pointers to non-const: written by the kernel, on exit. */
	assert_int_equal(p.args[3].kind, SC_KIND_PTR);
	assert_int_equal(p.args[3].dir, SC_OUT);
	/* Pointers to const: read by the kernel, on entry. */
	assert_int_equal(p.args[4].kind, SC_KIND_PTR);
	assert_int_equal(p.args[4].dir, SC_IN);
	/* A non-const char * is an output buffer, not a string... */
	assert_int_equal(p.args[5].kind, SC_KIND_PTR);
	assert_int_equal(p.args[5].dir, SC_OUT);

	/* ... unless named as a path or name (the const is missing). */
	assert_int_equal(sc_parse_proto("sys_mount(char __user *dev_name, char __user *dir_name, "
					"char __user *type, unsigned long flags, "
					"void __user *data)", &p), 0);
	sc_classify(&p);
	assert_int_equal(p.args[0].kind, SC_KIND_STRING);
	assert_int_equal(p.args[1].kind, SC_KIND_STRING);
	assert_int_equal(p.args[2].kind, SC_KIND_STRING);
	assert_int_equal(p.args[2].dir, SC_IN);
	assert_int_equal(p.args[4].kind, SC_KIND_PTR);
	assert_int_equal(p.args[4].dir, SC_OUT);
}

static void unique_names(void **state)
{
	struct sc_proto p;

	(void)state;
	/* "ret" is the exit event's; a repeated name gets its index. */
	assert_int_equal(sc_parse_proto("sys_x(int ret, int a, long a)", &p), 0);
	sc_classify(&p);
	assert_string_equal(p.args[0].name, "ret_0");
	assert_string_equal(p.args[1].name, "a");
	assert_string_equal(p.args[2].name, "a_2");
}

/* ---- What is written -------------------------------------------------------- */

static void entries(void **state)
{
	(void)state;
	assert_emits("sys_read(unsigned int fd, char __user *buf, size_t count)", 0,
		"LTTNG_SC(0, read,\n"
		"\tLTTNG_SC_FIELDS( sc_int(unsigned int, fd, 0) sc_int(size_t, count, 2) ),\n"
		"\tLTTNG_SC_FIELDS( sc_ret() sc_int(unsigned long, buf, 1) ))\n");
	assert_emits("sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)", 257,
		"LTTNG_SC(257, openat,\n"
		"\tLTTNG_SC_FIELDS( sc_int(int, dfd, 0) sc_string(filename, 1) "
		"sc_int(int, flags, 2) sc_int(umode_t, mode, 3) ),\n"
		"\tLTTNG_SC_FIELDS( sc_ret() ))\n");
	assert_emits("sys_getpid(void)", 39,
		"LTTNG_SC(39, getpid,\n\tLTTNG_SC_FIELDS( ),\n\tLTTNG_SC_FIELDS( sc_ret() ))\n");
	/* inout on both sides, hex, skip, deref, a decoded socket address. */
	assert_emits("accept4(int fd, struct sockaddr __user *a @in @hex @sockaddr(sport,out), "
		     "int __user *len @inout @deref, int flags @hex, long tls @skip)", 288,
		"LTTNG_SC(288, accept4,\n"
		"\tLTTNG_SC_FIELDS( sc_int(int, fd, 0) sc_hex(unsigned long, a, 1) "
		"sc_deref(int, len, 2) sc_hex(int, flags, 3) ),\n"
		"\tLTTNG_SC_FIELDS( sc_ret() sc_deref(int, len, 2) sc_sockaddr(sport, 1, 2, 1) ))\n");
	assert_emits("connect(int fd, struct sockaddr __user *a @in @sockaddr(dport,in), int len)", 42,
		"LTTNG_SC(42, connect,\n"
		"\tLTTNG_SC_FIELDS( sc_int(int, fd, 0) sc_int(unsigned long, a, 1) "
		"sc_int(int, len, 2) sc_sockaddr(dport, 1, 2, 0) ),\n"
		"\tLTTNG_SC_FIELDS( sc_ret() ))\n");
}

static void sockaddr_needs_length(void **state)
{
	struct sc_proto p;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(sc_parse_proto("x(int fd, void __user *a @sockaddr(port,in))", &p), 0);
	sc_classify(&p);
	assert_int_equal(sc_emit(f, 1, &p), -1);
	fclose(f);
	free(buf);
}

/* ---- The syscall table -------------------------------------------------- */

static void table_lines(void **state)
{
	char name[SC_NAME_LEN];
	unsigned int nr;

	(void)state;
	assert_int_equal(sc_parse_table_line("__SYSCALL(0, sys_read)", &nr, name, sizeof(name)), 1);
	assert_int_equal(nr, 0);
	assert_string_equal(name, "read");
	assert_int_equal(sc_parse_table_line("__SYSCALL(4, sys_newstat)\n", &nr, name, sizeof(name)), 1);
	assert_string_equal(name, "newstat");
	/* Older spellings. */
	assert_int_equal(sc_parse_table_line("__SYSCALL_64(257, __x64_sys_openat, )", &nr, name, sizeof(name)), 1);
	assert_int_equal(nr, 257);
	assert_string_equal(name, "openat");
	assert_int_equal(sc_parse_table_line("__SYSCALL_COMMON(1, sys_write, __x64_sys_write)", &nr, name, sizeof(name)), 1);
	assert_string_equal(name, "write");
	assert_int_equal(sc_parse_table_line("#define __NR_openat 257", &nr, name, sizeof(name)), 1);
	assert_int_equal(nr, 257);
	assert_string_equal(name, "openat");
	/* Not native 64-bit syscalls, or not table lines at all. */
	assert_int_equal(sc_parse_table_line("__SYSCALL_X32(512, __x32_compat_sys_rt_sigaction, )", &nr, name, sizeof(name)), 0);
	assert_int_equal(sc_parse_table_line("#ifndef _ASM_X86_UNISTD_64_H", &nr, name, sizeof(name)), 0);
	assert_int_equal(sc_parse_table_line("__SYSCALL(99999, sys_x)", &nr, name, sizeof(name)), 0);
	assert_int_equal(sc_parse_table_line("", &nr, name, sizeof(name)), 0);
}

/* ---- The header: comments, conditionals, statements ---------------------- */

static const char autoconf[] =
	"#define CONFIG_64BIT 1\n"
	"#define CONFIG_X86_64 1\n"
	"#define CONFIG_ARCH_HAS_SYSCALL_WRAPPER 1\n"
	"#define CONFIG_ADVISE_SYSCALLS 1\n"
	"#define CONFIG_FOO_MODULE 1\n";

static const char header[] =
	"#ifndef _LINUX_SYSCALLS_H\n"
	"#define _LINUX_SYSCALLS_H\n"
	"#define __SYSCALL_DEFINEx(x, name, ...)\t\t\t\\\n"
	"\tasmlinkage long sys##name(__MAP(x,__SC_DECL,__VA_ARGS__))\t\\\n"
	"\t\t__attribute__((alias(__stringify(__se_sys##name))));\n"
	"/* asmlinkage long sys_commented(int a); */\n"
	"#ifndef CONFIG_ARCH_HAS_SYSCALL_WRAPPER\n"
	"asmlinkage long sys_read(unsigned int fd, char __user *buf, size_t count);\n"
	"asmlinkage long sys_io_submit(aio_context_t, long,\n"
	"\t\t\tstruct iocb __user * __user *);  // unnamed\n"
	"#ifdef CONFIG_CLONE_BACKWARDS\n"
	"asmlinkage long sys_clone(unsigned long, unsigned long, int __user *, unsigned long,\n"
	"\t       int __user *);\n"
	"#else\n"
	"#ifdef CONFIG_CLONE_BACKWARDS3\n"
	"asmlinkage long sys_clone(unsigned long, unsigned long, int, int __user *,\n"
	"\t\t\t  int __user *, unsigned long);\n"
	"#else\n"
	"asmlinkage long sys_clone(unsigned long, unsigned long, int __user *,\n"
	"\t       int __user *, unsigned long);\n"
	"#endif\n"
	"#endif\n"
	"#if BITS_PER_LONG == 32\n"
	"asmlinkage long sys_llseek(unsigned int fd, unsigned long offset_high);\n"
	"#endif\n"
	"#if defined(CONFIG_ARCH_SPLIT_ARG64)\n"
	"asmlinkage long sys_fanotify_mark(int fanotify_fd, unsigned int mask_1);\n"
	"#elif IS_ENABLED(CONFIG_FOO)\n"
	"asmlinkage long sys_fanotify_mark(int fanotify_fd, u64 mask, int fd);\n"
	"#else\n"
	"asmlinkage long sys_fanotify_mark(int bad);\n"
	"#endif\n"
	"#if defined(__ARCH_WANT_SYS_UTIME) || defined(CONFIG_NOPE)\n"
	"asmlinkage long sys_utime(char __user *filename, struct utimbuf __user *times);\n"
	"#endif\n"
	"#if !defined(CONFIG_ADVISE_SYSCALLS) && !defined(__ARCH_X)\n"
	"asmlinkage long sys_fadvise64_64(int fd);\n"
	"#endif\n"
	"#if defined(__ARCH_X)\n"
	"asmlinkage long sys_a1(int a);\n"
	"#elif defined(CONFIG_X86_64)\n"
	"asmlinkage long sys_a2(int a);\n"
	"#else\n"
	"asmlinkage long sys_a3(int a);\n"
	"#endif\n"
	"static inline long ksys_x(int a) { return do_x(a, 1); }\n"
	"asmlinkage long sys_ni_syscall(void);\n"
	"#endif /* CONFIG_ARCH_HAS_SYSCALL_WRAPPER */\n"
	"long ksys_write(unsigned int fd, const char __user *buf, size_t count);\n"
	"#endif\n";

static void header_scan(void **state)
{
	struct sc_config cfg;
	struct collected c = { .n = 0 };
	const struct sc_proto *p;

	(void)state;
	assert_int_equal(sc_config_parse(autoconf, &cfg), 0);
	assert_int_equal(cfg.bits_per_long, 64);
	assert_true(sc_config_defined(&cfg, "CONFIG_X86_64"));
	assert_false(sc_config_defined(&cfg, "CONFIG_CLONE_BACKWARDS"));
	/* The wrapper option hides the prototypes we read: never set. */
	assert_false(sc_config_defined(&cfg, "CONFIG_ARCH_HAS_SYSCALL_WRAPPER"));

	assert_int_equal(sc_scan_header(header, &cfg, collect, &c), 0);
	assert_null(find(&c, "commented"));
	assert_null(find(&c, "llseek"));		/* BITS_PER_LONG == 32 */
	assert_null(find(&c, "fadvise64_64"));	/* known false && unknown */
	assert_null(find(&c, "write"));		/* ksys_, not sys_ */

	p = find(&c, "read");
	assert_non_null(p);
	assert_int_equal(p->nargs, 3);
	p = find(&c, "io_submit");
	assert_non_null(p);
	assert_string_equal(p->args[2].name, "arg2");
	/* The configuration chose the last clone: five arguments, ending
	 * with an unsigned long. */
	p = find(&c, "clone");
	assert_non_null(p);
	assert_int_equal(p->nargs, 5);
	assert_string_equal(p->args[4].type, "unsigned long");
	/* #elif IS_ENABLED() on a module option. */
	p = find(&c, "fanotify_mark");
	assert_non_null(p);
	assert_int_equal(p->nargs, 3);
	/* Conditions on other macros are kept (they may hold). */
	assert_non_null(find(&c, "utime"));
	assert_non_null(find(&c, "ni_syscall"));
	/* After a maybe-branch, a true #elif maybe; nothing after it. */
	assert_non_null(find(&c, "a1"));
	assert_non_null(find(&c, "a2"));
	assert_null(find(&c, "a3"));
	assert_int_equal(c.n, 8);
	sc_config_free(&cfg);
}

static void header_errors(void **state)
{
	struct sc_config cfg;
	struct collected c = { .n = 0 };

	(void)state;
	assert_int_equal(sc_config_parse(autoconf, &cfg), 0);
	assert_int_equal(sc_scan_header("#ifdef X\nasmlinkage long sys_a(int b);\n", &cfg,
					collect, &c), -1);
	assert_int_equal(sc_scan_header("#endif\n", &cfg, collect, &c), -1);
	sc_config_free(&cfg);
}

/* ---- Overrides ---------------------------------------------------------- */

static void overrides(void **state)
{
	static const char text[] =
		"# comment\n"
		"\n"
		"mmap(unsigned long addr, unsigned long len, unsigned long prot,\n"
		"     unsigned long flags, unsigned long fd, unsigned long off)\n"
		"  rt_sigreturn(void)\n"
		"nanosleep(struct __kernel_timespec __user *rqtp @in,\n"
		"\t  struct __kernel_timespec __user *rmtp)\n"
		"wait4.pid @name(upid)\n"
		"  mmap.ret @type(unsigned long) @hex\n";
	struct collected c = { .n = 0 };
	const struct sc_proto *p;
	int bad = 0;

	(void)state;
	assert_int_equal(sc_scan_overrides(text, collect, collect_amend, &c, &bad), 0);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.nam, 2);
	assert_string_equal(c.am[0].sc, "wait4");
	assert_string_equal(c.am[0].arg, "pid");
	assert_string_equal(c.am[0].ann.rename, "upid");
	assert_string_equal(c.am[1].arg, "ret");
	p = find(&c, "mmap");
	assert_int_equal(p->nargs, 6);
	assert_int_equal(find(&c, "rt_sigreturn")->nargs, 0);
	p = find(&c, "nanosleep");
	assert_int_equal(p->args[0].dir, SC_IN);	/* annotated */
	assert_int_equal(p->args[1].dir, SC_OUT);	/* the rule */

	c.n = 0;
	assert_int_equal(sc_scan_overrides("read(int fd)\n\nwrite(int fd @bogus)\n",
					   collect, collect_amend, &c, &bad), -1);
	assert_int_equal(bad, 3);
	assert_int_equal(sc_scan_overrides("read(int fd) trailing\n", collect,
					   collect_amend, &c, &bad), -1);
	assert_int_equal(bad, 1);
	assert_int_equal(sc_scan_overrides("read(int fd)\nread.fd @sideways\n", collect,
					   collect_amend, &c, &bad), -1);
	assert_int_equal(bad, 2);
	/* @name and @type belong to amendments: a prototype says them itself. */
	assert_int_equal(sc_scan_overrides("read(int fd @name(f))\n", collect,
					   collect_amend, &c, &bad), -1);
}

/* ---- Amendments ------------------------------------------------------------ */

static struct sc_proto classified(const char *proto)
{
	struct sc_proto p;

	assert_int_equal(sc_parse_proto(proto, &p), 0);
	sc_classify(&p);
	return p;
}

static int amend(struct sc_proto *p, const char *line)
{
	struct sc_amend am;

	assert_int_equal(sc_parse_amend(line, &am), 0);
	return sc_apply_amend(p, &am);
}

static void amend_parse(void **state)
{
	struct sc_amend am;

	(void)state;
	assert_int_equal(sc_parse_amend("pipe.fildes @array(2)", &am), 0);
	assert_int_equal(am.ann.kind, SC_KIND_ARRAY);
	assert_int_equal(am.ann.array_len, 2);
	assert_int_equal(sc_parse_amend("ftruncate.length @type(unsigned long)", &am), 0);
	assert_true(am.ann.type_set);
	assert_string_equal(am.ann.type, "unsigned long");
	/* No annotation, no argument, a bad one, arrays out of bounds. */
	assert_int_equal(sc_parse_amend("wait4.pid", &am), -1);
	assert_int_equal(sc_parse_amend("wait4. @in", &am), -1);
	assert_int_equal(sc_parse_amend("wait4.pid @name()", &am), -1);
	assert_int_equal(sc_parse_amend("pipe.fildes @array(0)", &am), -1);
	assert_int_equal(sc_parse_amend("pipe.fildes @array(9)", &am), -1);
	/* The return value takes a type and a base only. */
	assert_int_equal(sc_parse_amend("mmap.ret @in", &am), -1);
	assert_int_equal(sc_parse_amend("mmap.ret @hex", &am), -1);
	/* Socket addresses need whole prototypes. */
	assert_int_equal(sc_parse_amend("bind.umyaddr @sockaddr(port,in)", &am), -1);
}

static void amend_apply(void **state)
{
	struct sc_proto p;
	char *got;

	(void)state;
	/* A direction and a name; the rest as the rule decided. */
	p = classified("sys_sendmsg(int fd, struct user_msghdr __user *msg, unsigned flags)");
	assert_int_equal(p.args[1].dir, SC_OUT);
	assert_int_equal(amend(&p, "sendmsg.msg @in @hex @name(umsg)"), 0);
	assert_int_equal(p.args[1].dir, SC_IN);
	assert_int_equal(p.args[1].kind, SC_KIND_PTR);
	assert_true(p.args[1].hex);
	assert_string_equal(p.args[1].name, "umsg");
	/* A string recorded as its address, on entry still. */
	p = classified("sys_add_key(const char __user *_type, const char __user *_description)");
	assert_int_equal(amend(&p, "add_key._description @nostring"), 0);
	assert_int_equal(p.args[1].kind, SC_KIND_PTR);
	assert_int_equal(p.args[1].dir, SC_IN);

	/* An array, a type, the return value: what is written. */
	p = classified("sys_pipe2(int __user *fildes, int flags)");
	assert_int_equal(amend(&p, "pipe2.fildes @array(2)"), 0);
	assert_int_equal(amend(&p, "pipe2.flags @type(unsigned int) @hex"), 0);
	assert_int_equal(amend(&p, "pipe2.ret @type(unsigned long) @hex"), 0);
	got = emit(&p, 293);
	assert_string_equal(got, "LTTNG_SC(293, pipe2,\n"
			    "\tLTTNG_SC_FIELDS( sc_hex(unsigned int, flags, 1) ),\n"
			    "\tLTTNG_SC_FIELDS( sc_ret_type(unsigned long, 16) "
			    "sc_uarray(int, fildes, 0, 2) ))\n");
	free(got);

	/* An argument this kernel does not have: said, not fatal. */
	assert_int_equal(amend(&p, "pipe2.fds @in"), 1);
	/* Annotations that do not suit the argument. */
	assert_int_equal(amend(&p, "pipe2.flags @array(2)"), -1);
	assert_int_equal(amend(&p, "pipe2.flags @string"), -1);
	assert_int_equal(amend(&p, "pipe2.flags @name(fildes)"), -1);
	assert_int_equal(amend(&p, "pipe2.flags @name(ret)"), -1);
	p = classified("sys_read(unsigned int fd, char __user *buf, size_t count)");
	assert_int_equal(amend(&p, "read.buf @string"), 0);	/* a char * */
	p = classified("sys_x(struct stat __user *st)");
	assert_int_equal(amend(&p, "x.st @string"), -1);
	assert_int_equal(amend(&p, "x.st @type(int)"), -1);	/* an address */
	assert_int_equal(amend(&p, "x.st @deref @type(int)"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(integer_args),
		cmocka_unit_test(pointer_args),
		cmocka_unit_test(annotations),
		cmocka_unit_test(prototypes),
		cmocka_unit_test(rule),
		cmocka_unit_test(unique_names),
		cmocka_unit_test(entries),
		cmocka_unit_test(sockaddr_needs_length),
		cmocka_unit_test(table_lines),
		cmocka_unit_test(header_scan),
		cmocka_unit_test(header_errors),
		cmocka_unit_test(overrides),
		cmocka_unit_test(amend_parse),
		cmocka_unit_test(amend_apply),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("sc-gen", tests, NULL, NULL);
}
