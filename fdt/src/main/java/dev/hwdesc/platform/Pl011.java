package dev.hwdesc.platform;

/** A PL011 UART; a secure one is for the secure world only (status "disabled", secure-status "okay"). */
public record Pl011(Region mmio, Interrupt interrupt, boolean secure) {
}
