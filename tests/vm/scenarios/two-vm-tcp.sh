# SPDX-License-Identifier: GPL-2.0-only
# Two VMs on the harness's shared link exchange TCP data: the base of the
# cross-host scenarios. vm0 serves, vm1 sends 8 MiB of a known pattern
# and both sides check what arrived.
# vms: 2
. /lib/vmtest.sh

peer=192.0.2.$((2 - VM_ROLE))
check "eth0 is up with $VM_IP" sh -c "ip addr show eth0 | grep -q 'inet $VM_IP/'"
# The VMs boot at their own pace: give the peer up to a minute.
check "peer $peer answers ping" sh -c \
	"i=0; until ping -c 1 -W 1 $peer; do i=\$((i + 1)); [ \$i -lt 60 ] || exit 1; done"
if [ "$VM_ROLE" = 0 ]; then
	check "received 8 MiB intact from vm1" tcp-xfer serve 5001 8388608
else
	check "sent 8 MiB to vm0, acknowledged intact" tcp-xfer send "$peer" 5001 8388608
fi
check "no TCP checksum errors" sh -c \
	"awk '/^Tcp:/ { if (h) print \$NF - 0; h = 1 }' /proc/net/snmp | grep -qx 0"
