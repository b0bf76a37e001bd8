package dev.hwdesc.platform;

/**
 * A virtio-iommu PCI device on the PCIe host (virtio/iommu.yaml): it translates the DMA of every other
 * device on the host, and sits itself at requester ID {@code bdf} (bus << 8 | slot << 3 | function).
 */
public record VirtioIommu(int bdf) {

    public VirtioIommu {
        if (bdf < 0 || bdf > 0xffff) {
            throw new IllegalArgumentException("requester ID 0x" + Integer.toHexString(bdf) + " is not 16 bits");
        }
    }

    public int slot() {
        return (bdf >> 3) & 0x1f;
    }

    public int function() {
        return bdf & 7;
    }
}
