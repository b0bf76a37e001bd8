package dev.hwdesc.platform;

import java.util.List;

/**
 * The architected timer: its PPIs in the binding's order (secure physical, non-secure physical,
 * virtual, hypervisor physical, and optionally hypervisor virtual), whether it keeps counting in
 * low-power states, and the compatible strings of the CPU's architecture.
 */
public record Timer(List<Interrupt> interrupts, boolean alwaysOn, List<String> compatible) {

    public Timer {
        interrupts = List.copyOf(interrupts);
        compatible = List.copyOf(compatible);
        if (interrupts.size() < 4 || interrupts.size() > 5) {
            throw new IllegalArgumentException("the timer has 4 or 5 interrupts, not " + interrupts.size());
        }
    }
}
