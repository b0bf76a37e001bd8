package dev.hwdesc.platform;

import java.util.Optional;

/**
 * A fixed-rate clock that devices name as their input (QEMU's 24 MHz "apb-pclk"), and the name of its
 * output when the description gives one (clock-output-names is optional in the binding).
 */
public record FixedClock(String name, long frequency, Optional<String> outputName) {
}
