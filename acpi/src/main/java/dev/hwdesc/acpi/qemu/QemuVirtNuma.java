package dev.hwdesc.acpi.qemu;

import dev.hwdesc.acpi.table.Slit;
import dev.hwdesc.acpi.table.Srat;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.MemoryRegion;
import dev.hwdesc.platform.NumaDistances;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Region;
import java.util.Optional;

/**
 * The NUMA tables of QEMU 7.2's virt (build_srat in hw/arm/virt-acpi-build.c, build_slit): written
 * when the machine has NUMA nodes, the SLIT only when it has a distance matrix.
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
