package dev.hwdesc.platform;

import java.util.List;
import java.util.Optional;

/**
 * A GICv3: distributor, one or more redistributor regions (each holding the frames of a run of
 * CPUs, {@code redistributorStride} bytes apart), and optionally an ITS for MSIs.
 */
public record GicV3(Region distributor, List<Region> redistributorRegions, long redistributorStride,
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
