package dev.hwdesc.platform;

import java.util.Optional;

/**
 * A GICv2: distributor, CPU interface, and for a guest hypervisor the virtual interface control
 * (GICH) and virtual CPU interface (GICV) frames; optionally a GICv2m MSI frame.
 */
public record GicV2(Region distributor, Region cpuInterface, Optional<Region> hypervisorInterface,
        Optional<Region> virtualCpuInterface, Optional<V2mFrame> v2m, Optional<Interrupt> maintenance)
        implements InterruptController {

    /** GICv2 targets interrupts with an 8-bit CPU list. */
    public static final int MAX_CPUS = 8;

    /**
     * A GICv2m frame: MSIs become the SPIs of {@code spis}. When the description does not say them
     * (the device tree's optional arm,msi-base-spi and arm,msi-num-spis; QEMU omits both), the frame's
     * own MSI_TYPER register does, at run time.
     */
    public record V2mFrame(Region frame, Optional<SpiRange> spis) {
    }

    public GicV2 {
        if (hypervisorInterface.isPresent() != virtualCpuInterface.isPresent()) {
            throw new IllegalArgumentException("GICH and GICV come together");
        }
    }

    @Override
    public int version() {
        return 2;
    }
}
