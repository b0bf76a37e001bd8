package dev.hwdesc.acpi.qemu;

import dev.hwdesc.acpi.table.Hmat;
import dev.hwdesc.acpi.table.Slit;
import dev.hwdesc.acpi.table.Srat;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.MemoryRegion;
import dev.hwdesc.platform.NumaDistances;
import dev.hwdesc.platform.NumaPerformance;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The NUMA tables of QEMU 7.2's virt (build_srat in hw/arm/virt-acpi-build.c, build_slit,
 * build_hmat): written when the machine has NUMA nodes, the SLIT only when it has a distance matrix,
 * the HMAT only when the options give the memory's performance.
 */
final class QemuVirtNuma {

    private QemuVirtNuma() {
    }

    /** Whether the platform places anything in a NUMA node (QEMU: num_nodes > 0). */
    static boolean hasNuma(Platform platform) {
        return platform.cpus().stream().anyMatch(Cpu::hasNumaNode)
                || platform.memory().stream().anyMatch(MemoryRegion::hasNumaNode)
                || platform.numaDistances().isPresent();
    }

    /** The NUMA nodes: as many as the distance matrix has, or up to the highest node named. */
    static int nodes(Platform platform) {
        int highest = -1;
        for (Cpu c : platform.cpus()) {
            highest = Math.max(highest, c.numaNode());
        }
        for (MemoryRegion m : platform.memory()) {
            highest = Math.max(highest, m.numaNode());
        }
        return Math.max(highest + 1, platform.numaDistances().map(NumaDistances::nodes).orElse(0));
    }

    /**
     * SRAT revision 3: a GICC affinity for every CPU (its UID is its index, as in the MADT), then a
     * memory affinity for each node's RAM in the platform's order (a node without RAM has none), then,
     * with memory hotplug, the whole hot-pluggable range in the last node. A CPU the platform puts in
     * no node is given node 0.
     */
    static Structure srat(Platform platform, Optional<Region> hotpluggable, Structure.Builder header) {
        for (Cpu cpu : platform.cpus()) {
            header.child(Structure.builder(Srat.GICC)
                    .set("Proximity Domain", Math.max(0, cpu.numaNode()))
                    .set("ACPI Processor UID", cpu.index())
                    .set("Flags", Srat.GICC_ENABLED)
                    .build());
        }
        for (MemoryRegion m : platform.memory()) {
            header.child(memory(m.range(), Math.max(0, m.numaNode()), Srat.MEMORY_ENABLED));
        }
        hotpluggable.ifPresent(r -> header.child(memory(r, nodes(platform) - 1,
                Srat.MEMORY_ENABLED | Srat.MEMORY_HOT_PLUGGABLE)));
        return header.build();
    }

    private static Structure memory(Region range, int node, int flags) {
        return Structure.builder(Srat.MEMORY)
                .set("Proximity Domain", node)
                .set("Base Address", range.base())
                .set("Range Length", range.size())
                .set("Flags", flags)
                .build();
    }

    /** QEMU's MAX_NODES, which it writes as the attached initiator of a node that has none. */
    static final int NO_INITIATOR = 128;

    /**
     * HMAT revision 2, as QEMU 7.2's build_hmat writes it: for every node its attached initiator;
     * then for each memory hierarchy and data type given, in the HMAT's order, the entries from every
     * node with CPUs to every node (0 where none is given) in the structure's common unit; then each
     * node's memory side caches, level by level. QEMU places an entry at row (initiator node number)
     * rather than at the initiator's place in the list, which differs only when a node without CPUs
     * comes before one with CPUs; hwdesc uses the place.
     */
    static Structure hmat(NumaPerformance performance, int nodes, Structure.Builder header) {
        List<Integer> initiators = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            Optional<Integer> initiator = n < performance.initiators().size() ? performance.initiators().get(n) : Optional.empty();
            if (initiator.equals(Optional.of(n))) {
                initiators.add(n); // a node with CPUs
            }
            header.child(Structure.builder(Hmat.MEMORY_PROXIMITY)
                    .set("Flags", initiator.isPresent() ? Hmat.INITIATOR_VALID : 0)
                    .set("Attached Initiator Proximity Domain", initiator.orElse(NO_INITIATOR))
                    .set("Memory Proximity Domain", n)
                    .build());
        }
        for (MachineConfig.Hmat.Hierarchy hierarchy : MachineConfig.Hmat.Hierarchy.values()) {
            for (MachineConfig.Hmat.DataType type : MachineConfig.Hmat.DataType.values()) {
                List<MachineConfig.Hmat.LatencyBandwidth> given = performance.latencyBandwidth().stream()
                        .filter(lb -> lb.hierarchy() == hierarchy && lb.type() == type).toList();
                if (!given.isEmpty()) {
                    header.child(latencyBandwidth(hierarchy, type, given, initiators, nodes));
                }
            }
        }
        for (int n = 0; n < nodes; n++) {
            int node = n;
            List<MachineConfig.Hmat.MemoryCache> caches = performance.caches().stream().filter(c -> c.node() == node)
                    .sorted(java.util.Comparator.comparingInt(MachineConfig.Hmat.MemoryCache::level)).toList();
            for (MachineConfig.Hmat.MemoryCache c : caches) {
                long attributes = caches.size() | c.level() << 4 | c.associativity().ordinal() << 8
                        | c.policy().ordinal() << 12 | (long) c.line() << 16;
                header.child(Structure.builder(Hmat.CACHE)
                        .set("Memory Proximity Domain", n)
                        .set("Memory Side Cache Size", c.size())
                        .set("Cache Attributes", attributes)
                        .build());
            }
        }
        return header.build();
    }

    private static Structure latencyBandwidth(MachineConfig.Hmat.Hierarchy hierarchy, MachineConfig.Hmat.DataType type,
            List<MachineConfig.Hmat.LatencyBandwidth> given, List<Integer> initiators, int nodes) {
        NumaPerformance.Units units = NumaPerformance.Units.of(
                given.stream().map(MachineConfig.Hmat.LatencyBandwidth::value).toList(), type.latency());
        Structure.Builder s = Structure.builder(Hmat.LATENCY_BANDWIDTH)
                .set("Flags", hierarchy.ordinal())
                .set("Data Type", type.ordinal())
                .set("Entry Base Unit", units.unit());
        initiators.forEach(i -> s.child(Structure.builder(Hmat.INITIATOR).set("Proximity Domain", i).build()));
        for (int t = 0; t < nodes; t++) {
            s.child(Structure.builder(Hmat.TARGET).set("Proximity Domain", t).build());
        }
        for (int i : initiators) {
            for (int t = 0; t < nodes; t++) {
                int target = t;
                long entry = given.stream().filter(lb -> lb.initiator() == i && lb.target() == target)
                        .mapToLong(lb -> units.entry(lb.value())).findFirst().orElse(0);
                s.child(Structure.builder(Hmat.ENTRY).set("Entry", entry).build());
            }
        }
        return s.build();
    }

    /** SLIT revision 1: the node count and the distance matrix, row by row. */
    static Structure slit(NumaDistances distances, Structure.Builder header) {
        header.set("Number of System Localities", distances.nodes());
        for (int from = 0; from < distances.nodes(); from++) {
            for (int to = 0; to < distances.nodes(); to++) {
                header.child(Structure.builder(Slit.ENTRY).set("Distance", distances.distance(from, to)).build());
            }
        }
        return header.build();
    }
}
