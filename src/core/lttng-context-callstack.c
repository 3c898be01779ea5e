// SPDX-License-Identifier: GPL-2.0-only
/*
 * Call stack contexts (lttng add-context -t callstack-kernel and
 * -t callstack-user): the return addresses of the recording task, as a
 * sequence of hex unsigned longs with its unsigned int length, the
 * layout lttng-modules gives them. Names are left to the reader.
 *
 * A record's size depends on the stack, so it is captured while the
 * record is sized, into scratch space of the recording CPU at the
 * record's nesting level (an interrupt recording meanwhile uses the next
 * level), and copied when the record is written. At most MAX_ENTRIES
 * addresses are kept; a stack cut there ends with ULONG_MAX, as
 * lttng-modules marks it. Deeper nesting than the scratch space holds
 * records an empty stack.
 *
 * Kernel stacks come from the kernel's unwinder. User stacks follow the
 * frame pointers of the task's user registers, reading its stack without
 * faulting (a page not resident ends the walk), so code built without
 * frame pointers gives its innermost address and little more.
 */
#include <linux/percpu.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <linux/uaccess.h>

#include "core/lttng-context.h"

#define MAX_ENTRIES	128
#define NEST_LEVELS	4	/* task, softirq, irq, NMI */

struct stack {
	unsigned int nr;	/* entries captured */
	unsigned long entries[MAX_ENTRIES];
};

struct cs_ctx {
	bool user;
	struct stack __percpu *scratch;		/* NEST_LEVELS each */
};

/*
 * Set while a user stack is read on this CPU: an event recorded from
 * inside the walk (a page fault's, say) records an empty user stack
 * rather than walking again from within the walk.
 */
static DEFINE_PER_CPU(bool, user_walking);

static struct stack *scratch(const struct cs_ctx *cs, int nest)
{
	if (nest < 0 || nest >= NEST_LEVELS)
		return NULL;
	return per_cpu_ptr(cs->scratch, smp_processor_id()) + nest;
}

#ifdef CONFIG_STACKTRACE
static unsigned int kernel_stack(unsigned long *dst, unsigned int max)
{
	return stack_trace_save(dst, max, 0);
}
#define HAVE_KERNEL_STACK	1
#else
static unsigned int kernel_stack(unsigned long *dst, unsigned int max)
{
	return 0;
}
#define HAVE_KERNEL_STACK	0
#endif

#ifdef CONFIG_X86_64
/* What a frame pointer points to on x86-64: the caller's, then the return. */
struct user_frame {
	unsigned long next_fp;
	unsigned long ret;
};

/*
 * The user instruction pointer, then each frame's return address while
 * the frames go up the stack. Kernel threads have no user stack; a task
 * running 32-bit code has other frames, so gets its ip only.
 */
static unsigned int user_stack(unsigned long *dst, unsigned int max)
{
	struct pt_regs *regs;
	struct user_frame fr;
	unsigned long fp, prev;
	unsigned int n = 0;

	if ((current->flags & PF_KTHREAD) || !current->mm)
		return 0;
	regs = task_pt_regs(current);
	if (!user_mode(regs))
		return 0;
	dst[n++] = regs->ip;
	if (!user_64bit_mode(regs))
		return n;
	prev = regs->sp;
	fp = regs->bp;
	while (n < max && fp >= prev && !(fp & 7)) {
		if (copy_from_user_nofault(&fr, (const void __user *)fp, sizeof(fr)))
			break;
		if (!fr.ret)
			break;
		dst[n++] = fr.ret;
		prev = fp + sizeof(fr);
		fp = fr.next_fp;
	}
	return n;
}
#define HAVE_USER_STACK		1
#else
static unsigned int user_stack(unsigned long *dst, unsigned int max)
{
	return 0;
}
#define HAVE_USER_STACK		0
#endif

static void capture(const struct cs_ctx *cs, struct stack *st)
{
	if (!cs->user) {
		st->nr = kernel_stack(st->entries, MAX_ENTRIES);
		return;
	}
	st->nr = 0;
	if (this_cpu_read(user_walking))
		return;
	this_cpu_write(user_walking, true);
	st->nr = user_stack(st->entries, MAX_ENTRIES);
	this_cpu_write(user_walking, false);
}

/* Entries in the record: a full stack gets the ULONG_MAX marker too. */
static unsigned int seq_len(const struct stack *st)
{
	return st ? st->nr + (st->nr == MAX_ENTRIES) : 0;
}

static size_t cs_size(void *priv, const struct lttng_probe_ctx *pc)
{
	struct cs_ctx *cs = priv;
	struct stack *st = scratch(cs, pc->nest);

	if (st)
		capture(cs, st);
	return sizeof(u32) + seq_len(st) * sizeof(unsigned long);
}

static size_t cs_write(void *priv, const struct lttng_probe_ctx *pc, char *dst)
{
	const struct stack *st = scratch(priv, pc->nest);
	u32 len = seq_len(st);
	size_t bytes;

	memcpy(dst, &len, sizeof(len));
	if (!len)
		return sizeof(len);
	bytes = st->nr * sizeof(unsigned long);
	memcpy(dst + sizeof(len), st->entries, bytes);
	if (len > st->nr)
		memset(dst + sizeof(len) + bytes, 0xff, sizeof(unsigned long));
	return sizeof(len) + len * sizeof(unsigned long);
}

static void cs_destroy(void *priv)
{
	struct cs_ctx *cs = priv;

	free_percpu(cs->scratch);
	kfree(cs);
}

static const struct lttng_ctx_ops cs_ops = {
	.size = cs_size,
	.write = cs_write,
	.destroy = cs_destroy,
};

int lttng_context_callstack_create(struct lttng_ctx_field *f, bool user)
{
	struct cs_ctx *cs;

	if (user ? !HAVE_USER_STACK : !HAVE_KERNEL_STACK)
		return -ENOSYS;
	cs = kzalloc(sizeof(*cs), GFP_KERNEL);
	if (!cs)
		return -ENOMEM;
	cs->user = user;
	cs->scratch = __alloc_percpu(sizeof(struct stack) * NEST_LEVELS,
				     __alignof__(struct stack));
	if (!cs->scratch) {
		kfree(cs);
		return -ENOMEM;
	}
	f->desc.name = user ? "callstack_user" : "callstack_kernel";
	f->desc.kind = LTTNG_FIELD_SEQUENCE;
	f->desc.type = (struct lttng_integer_type){
		.size = sizeof(unsigned long) * 8, .base = 16 };
	f->desc.length_type = (struct lttng_integer_type){ .size = 32, .base = 10 };
	f->ops = &cs_ops;
	f->priv = cs;
	return 0;
}
