package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.Platform;
import java.util.List;

/**
 * What a device tree says as a platform, and everything of the tree that the platform does not hold
 * (in tree order: the reservation map, then the nodes in pre-order, each node's properties in order).
 */
public record PlatformReading(Platform platform, List<Uninterpreted> uninterpreted) {

    public PlatformReading {
        uninterpreted = List.copyOf(uninterpreted);
    }

    /** True when every node and property of the tree went into the platform. */
    public boolean isComplete() {
        return uninterpreted.isEmpty();
    }
}
