package dev.hwdesc.platform;

import java.util.List;
import java.util.Optional;

/**
 * A generic PCIe host bridge with ECAM: the configuration window (1 MiB per bus, starting at
 * {@code firstBus}), the I/O and memory windows it forwards (identity-mapped except I/O, which
 * starts at PCI address 0), the four INTx lines, whether MSIs go to the GIC's ITS or v2m frame and
 * DMA through the SMMUv3, and a virtio-iommu on the host, if any.
 *
 * @param intx the SPIs of INTA..INTD for slot 0; slot s, pin p uses intx[(s + p) % 4] (the standard swizzle);
 *     empty when the description routes no INTx this way
 */
public record PcieHost(Region ecam, int firstBus, int lastBus, Region pio, Region mmio32, Optional<Region> mmio64,
        List<Interrupt> intx, int domain, boolean msi, boolean smmu, Optional<VirtioIommu> virtioIommu) {

    /** A host without a virtio-iommu. */
    public PcieHost(Region ecam, int firstBus, int lastBus, Region pio, Region mmio32, Optional<Region> mmio64,
            List<Interrupt> intx, int domain, boolean msi, boolean smmu) {
        this(ecam, firstBus, lastBus, pio, mmio32, mmio64, intx, domain, msi, smmu, Optional.empty());
    }

    public PcieHost {
        intx = List.copyOf(intx);
        if (intx.size() != 4 && !intx.isEmpty()) {
            throw new IllegalArgumentException("a PCIe host has 4 INTx lines, or none described");
        }
        if (firstBus < 0 || lastBus > 255 || lastBus < firstBus) {
            throw new IllegalArgumentException("bus range " + firstBus + "-" + lastBus + " is not within 0-255");
        }
        if (smmu && virtioIommu.isPresent()) {
            throw new IllegalArgumentException("a host's DMA goes through the SMMUv3 or a virtio-iommu, not both");
        }
        long needed = (long) (lastBus - firstBus + 1) << 20;
        if (Long.compareUnsigned(ecam.size(), needed) < 0) {
            throw new IllegalArgumentException("an ECAM window of 0x" + Long.toHexString(ecam.size())
                    + " bytes cannot hold buses " + firstBus + "-" + lastBus);
        }
    }
}
