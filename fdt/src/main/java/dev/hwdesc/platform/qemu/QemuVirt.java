package dev.hwdesc.platform.qemu;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.NumaPerformance;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Profile;
import dev.hwdesc.platform.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** QEMU 7.2's {@code -machine virt}: its memory map, defaults and limits, and its device tree. */
public final class QemuVirt implements Profile {

    public static final String NAME = "qemu-virt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Platform platform(MachineConfig config) throws ConfigException {
        return QemuVirtPlatform.of(config);
    }

    @Override
    public DeviceTree deviceTree(Platform platform) {
        return QemuVirtTree.of(platform);
    }

    /**
     * What the ACPI HMAT says of the machine's memory (QEMU's -machine hmat=on): empty unless the
     * config asks for it. Each node's initiator is itself when it has CPUs, else the one the config
     * names, if any. The platform does not describe it (a device tree has no such description).
     *
     * @param config a config from which {@link #platform} made a platform
     */
    public static Optional<NumaPerformance> numaPerformance(MachineConfig config) {
        return config.hmat().map(h -> {
            List<MachineConfig.NumaNode> nodes = config.numaNodes().orElse(List.of());
            List<Optional<Integer>> initiators = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                initiators.add(nodes.get(n).cpus().isEmpty() ? nodes.get(n).initiator() : Optional.of(n));
            }
            return new NumaPerformance(initiators, h.latencyBandwidth(), h.caches());
        });
    }

    /**
     * The room QEMU 7.2's virt keeps for hot-plugged memory (virt_set_memmap's device memory): from
     * the end of RAM rounded up to 1 GiB, what RAM may grow to beyond its start size plus 1 GiB of
     * alignment per slot; empty without memory hotplug. The platform does not describe it (QEMU's
     * device tree has no node for it); the ACPI SRAT does.
     *
     * @param platform the platform made from {@code config}
     */
    public static Optional<Region> deviceMemory(MachineConfig config, Platform platform) {
        if (config.memoryHotplug().isEmpty()) {
            return Optional.empty();
        }
        long ram = platform.memory().stream().mapToLong(m -> m.range().size()).sum();
        MachineConfig.MemoryHotplug h = config.memoryHotplug().get();
        long size = h.maxMemory() - ram + h.slots() * QemuVirtMemoryMap.GIB;
        return Optional.of(new Region(QemuVirtMemoryMap.roundUp(QemuVirtMemoryMap.RAM_BASE + ram, QemuVirtMemoryMap.GIB), size));
    }
}
