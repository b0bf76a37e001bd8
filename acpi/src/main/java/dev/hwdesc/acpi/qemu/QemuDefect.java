package dev.hwdesc.acpi.qemu;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where QEMU 7.2's ACPI tables for virt contradict QEMU's own device tree of the same VM. hwdesc
 * follows the platform (the device tree's account) unless {@link QemuVirtTables.Options} asks for a
 * defect, which reproduces QEMU's bytes exactly. The tests in test-vectors compare both ways: with
 * every defect on, hwdesc's tables are QEMU's byte for byte; with none, each differs from QEMU's only
 * where a defect below says, and QEMU's device tree dump of the same VM is the evidence.
 */
public enum QemuDefect {

    /**
     * The DSDT describes every virtio-mmio line as level-triggered (acpi_dsdt_add_virtio); QEMU's
     * device tree says edge, rising: {@code interrupts = <0 N 1>} in every {@code virtio_mmio} node.
     */
    VIRTIO_MMIO_LEVEL_TRIGGERED,

    /**
     * With GICv3 and {@code its=off}, the MADT still lists a GIC ITS at virt's ITS address
     * (0x08080000); the device tree has no ITS node and the PCIe host no {@code msi-map}.
     */
    ITS_IN_MADT_WITHOUT_ITS,

    /**
     * The IORT always has an ITS group naming GIC ITS 0 and maps the root complex (or the SMMUv3)
     * to it, even when the machine has no ITS: under GICv2 the device tree's {@code msi-map} points
     * at the GICv2m frame (which the MADT describes as a GIC MSI frame and an IORT cannot name), and
     * under GICv3 with {@code its=off} there is no {@code msi-map} at all.
     */
    ITS_GROUP_WITHOUT_ITS,

    /**
     * Under GICv2 every GICC gives the GICH (0x08030000) and GICV (0x08040000) frames even when the
     * guest has no EL2; the device tree's GIC then has two {@code reg} entries (GICD, GICC), not
     * four, and the machine has no such frames.
     */
    GICV2_VIRTUAL_FRAMES_WITHOUT_EL2;

    /** All of them: QEMU 7.2's bytes. */
    public static Set<QemuDefect> qemu72() {
        return EnumSet.allOf(QemuDefect.class);
    }
}
