package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Pmu;
import java.util.List;
import java.util.Optional;

/**
 * The CPUs' PMU (perf/arm,pmu.yaml), or QEMU's empty /pmu node for an ARMv7 core: its compatible
 * and its one PPI. A PMU wired to one SPI per CPU is read without its interrupts, which are listed.
 */
final class PmuNode {

    private PmuNode() {
    }

    static Optional<Pmu> read(ReadContext ctx) {
        return ctx.single(NodeRole.PMU, "PMU").flatMap(n -> ctx.read(n, c -> {
            List<String> compatible = c.node().hasProperty("compatible") ? c.strings("compatible") : List.of();
            Optional<Interrupt> irq = Optional.empty();
            if (c.node().hasProperty("interrupts") || c.node().hasProperty("interrupts-extended")) {
                List<Interrupt> irqs = ctx.interrupts.of(c);
                if (irqs.size() == 1) {
                    irq = Optional.of(irqs.get(0));
                } else {
                    c.leave(DeviceParts.interruptProperty(c), irqs.size() + " interrupts are not kept: the platform holds one PPI");
                }
            }
            return new Pmu(compatible, irq);
        }));
    }
}
