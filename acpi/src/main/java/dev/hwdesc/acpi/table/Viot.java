package dev.hwdesc.acpi.table;

import java.util.Map;

/**
 * The Virtual I/O Translation table (table revision 0, virtio-iommu specification 5.13.3 / ACPI
 * VIOT): virtio-iommu nodes (on PCI or virtio-mmio) and the endpoint nodes (PCI ranges, MMIO
 * endpoints) whose DMA they translate, each naming its IOMMU by the node's offset in the table.
 */
public final class Viot {

    public static final int PCI_RANGE_TYPE = 1;
    public static final int MMIO_ENDPOINT_TYPE = 2;
    public static final int VIRTIO_PCI_IOMMU_TYPE = 3;
    public static final int VIRTIO_MMIO_IOMMU_TYPE = 4;

    private static Layout.Builder node(String name, int type) {
        return Layout.builder(name)
                .fixed("Type", 1, type, "node type")
                .reserved(1)
                .length("Length", 2);
    }

    public static final Layout PCI_RANGE = node("PCI range", PCI_RANGE_TYPE)
            .u32("Endpoint Start", "endpoint ID of the first BDF")
            .u16("PCI Segment Start", "first segment")
            .u16("PCI Segment End", "last segment")
            .u16("PCI BDF Start", "first requester ID")
            .u16("PCI BDF End", "last requester ID")
            .u16("Output Node", "offset of the IOMMU node in the table")
            .reserved(6)
            .build(24);

    public static final Layout MMIO_ENDPOINT = node("MMIO endpoint", MMIO_ENDPOINT_TYPE)
            .u32("Endpoint ID", "endpoint ID")
            .u64("Base Address", "the endpoint's registers")
            .u16("Output Node", "offset of the IOMMU node in the table")
            .reserved(6)
            .build(24);

    public static final Layout VIRTIO_PCI_IOMMU = node("virtio-iommu (PCI)", VIRTIO_PCI_IOMMU_TYPE)
            .u16("PCI Segment", "segment of the virtio-iommu device")
            .u16("PCI BDF", "its requester ID")
            .reserved(8)
            .build(16);

    public static final Layout VIRTIO_MMIO_IOMMU = node("virtio-iommu (MMIO)", VIRTIO_MMIO_IOMMU_TYPE)
            .reserved(4)
            .u64("Base Address", "the virtio-mmio transport")
            .build(16);

    public static final Layout LAYOUT = Sdt.table("VIOT")
            .u16("Node Count", "nodes")
            .u16("Node Offset", "offset of the first node")
            .reserved(8)
            .subtables(2, 2, Map.of((long) PCI_RANGE_TYPE, PCI_RANGE, (long) MMIO_ENDPOINT_TYPE, MMIO_ENDPOINT,
                    (long) VIRTIO_PCI_IOMMU_TYPE, VIRTIO_PCI_IOMMU, (long) VIRTIO_MMIO_IOMMU_TYPE, VIRTIO_MMIO_IOMMU),
                    "Node Count", "Node Offset")
            .build(48);

    private Viot() {
    }
}
