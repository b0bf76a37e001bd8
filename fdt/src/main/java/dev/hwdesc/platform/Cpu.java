package dev.hwdesc.platform;

import java.util.Optional;

/**
 * One CPU: its MPIDR affinity (what the device tree's {@code reg} and ACPI's GICC MPIDR hold), the
 * compatible of its core ("arm,cortex-a57"), how the boot CPU starts it ("psci" or "spin-table"),
 * where it sits in the topology, and its NUMA node if any (-1 for none).
 */
public record Cpu(int index, long mpidr, String compatible, Optional<String> enableMethod, CpuTopology.Place place,
        int numaNode) {

    public Cpu {
        if ((mpidr & ~0xff00ffffffL) != 0) {
            throw new IllegalArgumentException("MPIDR 0x" + Long.toHexString(mpidr) + " has bits outside Aff3-Aff0");
        }
    }

    public boolean hasNumaNode() {
        return numaNode >= 0;
    }
}
