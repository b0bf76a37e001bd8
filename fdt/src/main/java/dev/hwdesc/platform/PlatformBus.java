package dev.hwdesc.platform;

import java.util.Optional;

/**
 * QEMU's dynamic sysbus window, where devices plugged at run time appear, and the SPIs reserved for
 * them when known (the profile knows them; the device tree does not say them).
 */
public record PlatformBus(Region window, Optional<SpiRange> spis) {
}
