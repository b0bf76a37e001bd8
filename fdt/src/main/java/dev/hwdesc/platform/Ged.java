package dev.hwdesc.platform;

import java.util.Optional;

/**
 * The ACPI generic event device (hardware-reduced ACPI's way to signal power-button and hotplug
 * events). Only the ACPI description shows it; QEMU's virt uses it instead of the PL061 power key
 * when firmware boots the guest with ACPI.
 *
 * @param memoryHotplug the memory hotplug registers the device serves, when the machine has DIMM slots
 */
public record Ged(Region mmio, Interrupt interrupt, Optional<MemoryHotplug> memoryHotplug) {

    /** A generic event device for the power button only. */
    public Ged(Region mmio, Interrupt interrupt) {
        this(mmio, interrupt, Optional.empty());
    }

    /**
     * QEMU's ACPI memory hotplug interface (docs/specs/acpi_mem_hotplug.rst): a small register block
     * in which the guest selects a DIMM slot and reads its address, size, proximity and state, and
     * acknowledges insert and remove events. Only the ACPI description shows it.
     *
     * @param registers the register block (24 bytes in QEMU)
     * @param slots how many DIMM slots it serves (QEMU's -m slots=N)
     */
    public record MemoryHotplug(Region registers, int slots) {
        public MemoryHotplug {
            if (slots < 1 || slots > 256) {
                throw new IllegalArgumentException("memory hotplug serves 1-256 DIMM slots, not " + slots);
            }
        }
    }
}
