package dev.hwdesc.platform;

/** One virtio-mmio transport slot. */
public record VirtioMmio(Region mmio, Interrupt interrupt) {
}
