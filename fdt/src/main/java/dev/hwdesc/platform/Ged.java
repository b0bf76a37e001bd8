package dev.hwdesc.platform;

/**
 * The ACPI generic event device (hardware-reduced ACPI's way to signal power-button and hotplug
 * events). Only the ACPI description shows it; QEMU's virt uses it instead of the PL061 power key
 * when firmware boots the guest with ACPI.
 */
public record Ged(Region mmio, Interrupt interrupt) {
}
