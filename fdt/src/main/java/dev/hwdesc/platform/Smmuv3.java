package dev.hwdesc.platform;

import java.util.List;

/** An SMMUv3 in front of the PCIe host: its registers and its four interrupts (eventq, priq, cmdq-sync, gerror). */
public record Smmuv3(Region mmio, List<Interrupt> interrupts) {

    public static final List<String> INTERRUPT_NAMES = List.of("eventq", "priq", "cmdq-sync", "gerror");

    public Smmuv3 {
        interrupts = List.copyOf(interrupts);
        if (interrupts.size() != INTERRUPT_NAMES.size()) {
            throw new IllegalArgumentException("an SMMUv3 has 4 interrupts");
        }
    }
}
