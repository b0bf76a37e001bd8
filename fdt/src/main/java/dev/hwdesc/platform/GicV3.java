package dev.hwdesc.platform;

import java.util.List;
import java.util.Optional;

/**
 * A GICv3: distributor, one or more redistributor regions (each holding the frames of a run of
 * CPUs, {@code redistributorStride} bytes apart), and optionally an ITS for MSIs. The stride is empty
 * when the description does not say it (the device tree's optional redistributor-stride; QEMU omits
 * it): the redistributors' own GICR_TYPER.Last bits then mark where each region's frames end.
 */
public record GicV3(Region distributor, List<Region> redistributorRegions, Optional<Long> redistributorStride,
        Optional<Region> its, Optional<Interrupt> maintenance) implements InterruptController {

    public GicV3 {
        redistributorRegions = List.copyOf(redistributorRegions);
        if (redistributorRegions.isEmpty()) {
            throw new IllegalArgumentException("a GICv3 has at least one redistributor region");
        }
    }

    @Override
    public int version() {
        return 3;
    }
}
