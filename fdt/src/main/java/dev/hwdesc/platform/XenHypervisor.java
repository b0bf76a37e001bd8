package dev.hwdesc.platform;

/** The Xen hypervisor node of a Xen guest: its version, the grant-table region and the event-channel PPI. */
public record XenHypervisor(String version, Region grantTable, Interrupt eventChannel) {
}
