package dev.hwdesc.platform;

/** QEMU's dynamic sysbus window, where devices plugged at run time appear, and the SPIs reserved for them. */
public record PlatformBus(Region window, int firstSpi, int spiCount) {
}
