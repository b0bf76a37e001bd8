package dev.hwdesc.platform.qemu;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CPU models of QEMU 7.2's -cpu that the virt machine accepts under TCG, with what its device
 * tree shows of them: the compatible string, whether the core is ARMv8 (timer and PMU bindings),
 * whether it can run AArch64, whether it has a PMU, and its physical address size (which decides
 * whether the high memory regions fit).
 */
public enum QemuCpuModel {
    CORTEX_A7("cortex-a7", "arm,cortex-a7", false, false, true, 40),
    CORTEX_A15("cortex-a15", "arm,cortex-a15", false, false, true, 40),
    CORTEX_A35("cortex-a35", "arm,cortex-a35", true, true, true, 40),
    CORTEX_A53("cortex-a53", "arm,cortex-a53", true, true, true, 40),
    CORTEX_A55("cortex-a55", "arm,cortex-a55", true, true, true, 40),
    CORTEX_A57("cortex-a57", "arm,cortex-a57", true, true, true, 44),
    CORTEX_A72("cortex-a72", "arm,cortex-a72", true, true, true, 44),
    CORTEX_A76("cortex-a76", "arm,cortex-a76", true, true, true, 40),
    NEOVERSE_N1("neoverse-n1", "arm,neoverse-n1", true, true, true, 40),
    A64FX("a64fx", "arm,a64fx", true, true, true, 40),
    /** QEMU 7.2's "max" still calls itself a Cortex-A57 in the device tree. */
    MAX("max", "arm,cortex-a57", true, true, true, 48);

    private final String qemuName;
    private final String compatible;
    private final boolean armv8;
    private final boolean aarch64;
    private final boolean pmu;
    private final int physicalAddressBits;

    QemuCpuModel(String qemuName, String compatible, boolean armv8, boolean aarch64, boolean pmu, int paBits) {
        this.qemuName = qemuName;
        this.compatible = compatible;
        this.armv8 = armv8;
        this.aarch64 = aarch64;
        this.pmu = pmu;
        this.physicalAddressBits = paBits;
    }

    /** The model -cpu names {@code name}, if QEMU's virt knows it. */
    public static Optional<QemuCpuModel> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.qemuName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(QemuCpuModel::qemuName).toList();
    }

    public String qemuName() {
        return qemuName;
    }

    public String compatible() {
        return compatible;
    }

    public boolean isArmv8() {
        return armv8;
    }

    public boolean hasAarch64() {
        return aarch64;
    }

    public boolean hasPmu() {
        return pmu;
    }

    public int physicalAddressBits() {
        return physicalAddressBits;
    }
}
