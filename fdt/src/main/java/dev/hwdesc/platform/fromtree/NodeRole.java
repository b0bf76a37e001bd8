package dev.hwdesc.platform.fromtree;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a node is, by the Linux bindings: its compatible (the first of its strings that names a role
 * here), its device_type, or one of the paths the device tree specification fixes.
 */
enum NodeRole {
    CPUS, CPU, CPU_MAP, CHOSEN, SECURE_CHOSEN, ALIASES, MEMORY, DISTANCE_MAP,
    GIC_V2, GIC_V3, GIC_V3_ITS, GIC_V2M, TIMER, PMU, PSCI, FIXED_CLOCK,
    PL011, PL031, PL061, GPIO_KEYS, GPIO_POWEROFF, GPIO_RESTART,
    VIRTIO_MMIO, PCIE_ECAM, SMMU_V3, FW_CFG, CFI_FLASH, PLATFORM_BUS, XEN;

    private static final Map<String, NodeRole> BY_COMPATIBLE = Map.ofEntries(
            // interrupt-controller/arm,gic.yaml: one binding for the GICv1/v2 family.
            Map.entry("arm,arm11mp-gic", GIC_V2), Map.entry("arm,arm1176jzf-devchip-gic", GIC_V2),
            Map.entry("arm,cortex-a15-gic", GIC_V2), Map.entry("arm,cortex-a7-gic", GIC_V2),
            Map.entry("arm,cortex-a9-gic", GIC_V2), Map.entry("arm,eb11mp-gic", GIC_V2),
            Map.entry("arm,gic-400", GIC_V2), Map.entry("arm,pl390", GIC_V2), Map.entry("arm,tc11mp-gic", GIC_V2),
            Map.entry("arm,gic-v3", GIC_V3),
            Map.entry("arm,gic-v3-its", GIC_V3_ITS),
            Map.entry("arm,gic-v2m-frame", GIC_V2M),
            Map.entry("arm,armv8-timer", TIMER), Map.entry("arm,armv7-timer", TIMER),
            Map.entry("arm,cortex-a15-timer", TIMER),
            Map.entry("arm,armv8-pmuv3", PMU),
            Map.entry("arm,psci", PSCI), Map.entry("arm,psci-0.2", PSCI), Map.entry("arm,psci-1.0", PSCI),
            Map.entry("fixed-clock", FIXED_CLOCK),
            Map.entry("arm,pl011", PL011), Map.entry("arm,pl031", PL031), Map.entry("arm,pl061", PL061),
            Map.entry("gpio-keys", GPIO_KEYS), Map.entry("gpio-poweroff", GPIO_POWEROFF),
            Map.entry("gpio-restart", GPIO_RESTART),
            Map.entry("virtio,mmio", VIRTIO_MMIO),
            Map.entry("pci-host-ecam-generic", PCIE_ECAM),
            Map.entry("arm,smmu-v3", SMMU_V3),
            Map.entry("qemu,fw-cfg-mmio", FW_CFG),
            Map.entry("cfi-flash", CFI_FLASH),
            Map.entry("qemu,platform", PLATFORM_BUS),
            Map.entry("xen,xen", XEN),
            Map.entry("numa-distance-map-v1", DISTANCE_MAP));

    /** perf/arm,pmu.yaml names each core's PMU "arm,<core>-pmu". */
    private static final Pattern CORE_PMU = Pattern.compile("arm,[a-z0-9-]+-pmu");

    /** The role a compatible string names, if any. */
    static Optional<NodeRole> byCompatible(String compatible) {
        NodeRole r = BY_COMPATIBLE.get(compatible);
        if (r != null) {
            return Optional.of(r);
        }
        return CORE_PMU.matcher(compatible).matches() ? Optional.of(PMU) : Optional.empty();
    }
}
