package dev.hwdesc.platform;

/** A fixed-rate clock that devices name as their input (QEMU's 24 MHz "apb-pclk"). */
public record FixedClock(String name, long frequency, String outputName) {
}
