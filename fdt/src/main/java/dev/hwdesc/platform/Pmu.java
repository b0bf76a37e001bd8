package dev.hwdesc.platform;

import java.util.List;
import java.util.Optional;

/**
 * The CPUs' performance monitors. An ARMv8 PMU has a compatible and its PPI; QEMU also describes
 * an ARMv7 core's PMU, as a node with neither.
 */
public record Pmu(List<String> compatible, Optional<Interrupt> interrupt) {

    public Pmu {
        compatible = List.copyOf(compatible);
    }
}
