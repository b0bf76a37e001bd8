package dev.hwdesc.platform;

/** A PL031 real-time clock. */
public record Pl031(Region mmio, Interrupt interrupt) {
}
