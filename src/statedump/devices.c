// SPDX-License-Identifier: GPL-2.0-only
/*
 * System-wide state: interrupt handlers, network interfaces, block
 * devices and CPUs. Each walk holds only the lock or RCU section that
 * keeps what it records alive, never a lock probes take.
 */
#include <linux/blkdev.h>
#include <linux/cpu.h>
#include <linux/device.h>
#include <linux/inetdevice.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <net/net_namespace.h>

#include <lttng/statedump.h>

#include "statedump.h"

/*
 * Descriptors are freed after an RCU grace period and their action list
 * changes under desc->lock: both held, the actions and their names stay.
 * irq_to_desc() is not exported; irq_get_irq_data() is, and the
 * descriptor contains its irq_data.
 */
static void dump_irq(struct lttng_session *session, unsigned int irq)
{
	struct irqaction *action;
	struct irq_data *data;
	struct irq_desc *desc;
	struct irq_chip *chip;
	unsigned long flags;

	rcu_read_lock();
	data = irq_get_irq_data(irq);
	if (!data)
		goto out;
	desc = irq_data_to_desc(data);
	raw_spin_lock_irqsave(&desc->lock, flags);
	chip = irq_desc_get_chip(desc);
	for (action = desc->action; action; action = action->next)
		trace_lttng_statedump_interrupt(session, irq,
						chip && chip->name ? chip->name :
						"unnamed_irq_chip", action);
	raw_spin_unlock_irqrestore(&desc->lock, flags);
out:
	rcu_read_unlock();
}

void lttng_statedump_interrupts(struct lttng_session *session)
{
	unsigned int irq;

	for (irq = 0; irq < nr_irqs; irq++)
		dump_irq(session, irq);
}

/* Interfaces of the initial network namespace, as lttng-modules records them. */
void lttng_statedump_network(struct lttng_session *session)
{
#ifdef CONFIG_INET
	struct net_device *dev;
	struct in_device *in_dev;
	struct in_ifaddr *ifa;

	rcu_read_lock();
	for_each_netdev_rcu(&init_net, dev) {
		if (!(READ_ONCE(dev->flags) & IFF_UP)) {
			trace_lttng_statedump_network_interface(session, dev, NULL);
			continue;
		}
		in_dev = __in_dev_get_rcu(dev);
		if (!in_dev)
			continue;
		in_dev_for_each_ifa_rcu(ifa, in_dev)
			trace_lttng_statedump_network_interface(session, dev, ifa);
	}
	rcu_read_unlock();
#endif
}

#ifdef CONFIG_BLOCK
/* Whole disks and their non-empty partitions; hidden or empty disks not. */
static void dump_block_device(struct lttng_session *session, struct device *dev)
{
	struct block_device *bdev;
	char name[BDEVNAME_SIZE];

	if (!dev->class || strcmp(dev->class->name, "block"))
		return;
	bdev = dev_to_bdev(dev);
	if (!get_capacity(bdev->bd_disk) ||
	    (bdev->bd_disk->flags & GENHD_FL_HIDDEN))
		return;
	if (bdev_is_partition(bdev) && !bdev_nr_sectors(bdev))
		return;
	snprintf(name, sizeof(name), "%pg", bdev);
	trace_lttng_statedump_block_device(session, bdev->bd_dev, name);
}
#endif

/*
 * Every disk and partition is a device of the "block" class, but neither
 * that class nor the disk list is exported. Every registered device is on
 * the devices kset, which any device leads to: CPU 0's is always there.
 * The kset's list lock keeps each listed device registered and alive.
 */
void lttng_statedump_block_devices(struct lttng_session *session)
{
#ifdef CONFIG_BLOCK
	struct device *cpu0 = get_cpu_device(0);
	struct kset *devices = cpu0 ? cpu0->kobj.kset : NULL;
	struct kobject *k;

	if (!devices)
		return;
	spin_lock(&devices->list_lock);
	list_for_each_entry(k, &devices->list, entry)
		dump_block_device(session, kobj_to_dev(k));
	spin_unlock(&devices->list_lock);
#endif
}

void lttng_statedump_cpus(struct lttng_session *session)
{
#ifdef CONFIG_X86
	int cpu;

	for_each_possible_cpu(cpu)
		trace_lttng_statedump_cpu_topology(session, &cpu_data(cpu));
#endif
}
