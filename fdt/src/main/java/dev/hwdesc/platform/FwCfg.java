package dev.hwdesc.platform;

/** QEMU's firmware configuration device (MMIO). */
public record FwCfg(Region mmio) {
}
