package dev.hwdesc.acpi.qemu;

import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.Viot;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.VirtioIommu;

/**
 * The VIOT of QEMU 7.2's virt with a virtio-iommu-pci (build_viot in hw/acpi/viot.c): the
 * virtio-iommu node right after the table's fixed part, then one PCI range node per host bridge
 * whose endpoints it translates.
 */
final class QemuVirtViot {

    /** QEMU puts the virtio-iommu node first, right after the 48-byte fixed part. */
    private static final long IOMMU_NODE_OFFSET = Viot.LAYOUT.size();

    private QemuVirtViot() {
    }

    /**
     * QEMU's PCI range covers the buses of the host in use when it builds the table: with no PCI
     * bridge (the platform describes none) that is the root bus alone, its 256 requester IDs, whose
     * endpoint IDs are the requester IDs.
     */
    static Structure viot(PcieHost pcie, Structure.Builder header) {
        VirtioIommu iommu = pcie.virtioIommu().orElseThrow();
        header.child(Structure.builder(Viot.VIRTIO_PCI_IOMMU)
                .set("PCI Segment", pcie.domain())
                .set("PCI BDF", iommu.bdf())
                .build());
        long first = (long) pcie.firstBus() << 8;
        header.child(Structure.builder(Viot.PCI_RANGE)
                .set("Endpoint Start", first)
                .set("PCI Segment Start", pcie.domain())
                .set("PCI Segment End", pcie.domain())
                .set("PCI BDF Start", first)
                .set("PCI BDF End", first | 0xff)
                .set("Output Node", IOMMU_NODE_OFFSET)
                .build());
        return header.build();
    }
}
