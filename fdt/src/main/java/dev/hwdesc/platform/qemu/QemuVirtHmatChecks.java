package dev.hwdesc.platform.qemu;

import dev.hwdesc.platform.ConfigKeys;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.MachineConfig.Hmat;
import dev.hwdesc.platform.NumaPerformance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * QEMU 7.2's checks of what the HMAT is made from: -numa node's initiator, -numa hmat-lb and -numa
 * hmat-cache (hw/core/numa.c), each problem reported under its config key.
 */
final class QemuVirtHmatChecks {

    private QemuVirtHmatChecks() {
    }

    /** One latency and bandwidth structure's measures: a hierarchy and a data type. */
    private record Kind(Hmat.Hierarchy hierarchy, Hmat.DataType type) {
        String describe() {
            return ConfigKeys.configName(hierarchy) + " " + ConfigKeys.configName(type);
        }
    }

    /** Reports each problem of {@code c}'s node initiators and HMAT to {@code problem} (key, message). */
    static void check(MachineConfig c, BiConsumer<String, String> problem) {
        List<MachineConfig.NumaNode> nodes = c.numaNodes().orElse(List.of());
        initiators(nodes, problem);
        if (c.hmat().isEmpty()) {
            return;
        }
        if (nodes.isEmpty()) {
            problem.accept("numa.hmat", "needs numa.nodes (the HMAT describes NUMA nodes' memory)");
            return;
        }
        Set<Integer> withLatency = new HashSet<>();
        Set<Integer> withBandwidth = new HashSet<>();
        latencyBandwidth(c.hmat().get(), nodes, withLatency, withBandwidth, problem);
        caches(c.hmat().get(), nodes, withLatency, withBandwidth, problem);
    }

    /** A node's initiator names a node with CPUs; a node with CPUs is its own. */
    private static void initiators(List<MachineConfig.NumaNode> nodes, BiConsumer<String, String> problem) {
        for (int n = 0; n < nodes.size(); n++) {
            Optional<Integer> initiator = nodes.get(n).initiator();
            if (initiator.isEmpty()) {
                continue;
            }
            int i = initiator.get();
            if (!nodes.get(n).cpus().isEmpty()) {
                problem.accept("numa.nodes", "node " + n + " has CPUs, so it is its own initiator (give an initiator only"
                        + " to a node without CPUs)");
            } else if (i >= nodes.size() || nodes.get(i).cpus().isEmpty()) {
                problem.accept("numa.nodes", "node " + n + "'s initiator " + i + " is not a node with CPUs");
            }
        }
    }

    /**
     * An initiator is a node with CPUs and a target a node; no measure is given twice; bandwidths
     * are whole MB/s; each structure's entries fit 16 bits in its common unit.
     */
    private static void latencyBandwidth(Hmat hmat, List<MachineConfig.NumaNode> nodes, Set<Integer> withLatency,
            Set<Integer> withBandwidth, BiConsumer<String, String> problem) {
        Set<String> seen = new HashSet<>();
        Map<Kind, List<Long>> values = new LinkedHashMap<>();
        for (Hmat.LatencyBandwidth lb : hmat.latencyBandwidth()) {
            Kind kind = new Kind(lb.hierarchy(), lb.type());
            String what = "initiator " + lb.initiator() + ", target " + lb.target();
            if (lb.initiator() >= nodes.size() || nodes.get(lb.initiator()).cpus().isEmpty()) {
                problem.accept("numa.hmat-lb", what + ": initiator " + lb.initiator() + " is not a node with CPUs");
            } else if (lb.target() >= nodes.size()) {
                problem.accept("numa.hmat-lb", what + ": there is no node " + lb.target() + " (" + nodes.size() + " nodes)");
            } else if (lb.value() <= 0) {
                problem.accept("numa.hmat-lb", what + ": a " + (lb.type().latency() ? "latency" : "bandwidth")
                        + " must be above 0");
            } else if (!lb.type().latency() && lb.value() % NumaPerformance.MIB != 0) {
                problem.accept("numa.hmat-lb", what + ": a bandwidth is a whole number of MB/s (1M = 1048576 bytes/s),"
                        + " not " + lb.value() + " bytes/s");
            } else if (!seen.add(kind + "/" + lb.initiator() + "/" + lb.target())) {
                problem.accept("numa.hmat-lb", what + ": the " + kind.describe() + " is given twice");
            } else {
                values.computeIfAbsent(kind, k -> new ArrayList<>()).add(lb.value());
                (lb.type().latency() ? withLatency : withBandwidth).add(lb.target());
            }
        }
        values.forEach((kind, v) -> {
            NumaPerformance.Units u = NumaPerformance.Units.of(v, kind.type().latency());
            long largest = v.stream().mapToLong(u::entry).max().orElse(0);
            if (largest > NumaPerformance.MAX_ENTRY) {
                problem.accept("numa.hmat-lb", "the " + kind.describe() + " values span too wide a range: in their common"
                        + " unit of " + u.divisor() + (kind.type().latency() ? " ns" : " bytes/s") + " the largest is "
                        + largest + ", above " + NumaPerformance.MAX_ENTRY);
            }
        });
    }

    /** A cache is of a node that has a latency and a bandwidth, one per level, its levels from 1 up. */
    private static void caches(Hmat hmat, List<MachineConfig.NumaNode> nodes, Set<Integer> withLatency,
            Set<Integer> withBandwidth, BiConsumer<String, String> problem) {
        Set<String> levels = new HashSet<>();
        for (Hmat.MemoryCache cache : hmat.caches()) {
            String what = "node " + cache.node() + " level " + cache.level();
            if (cache.node() >= nodes.size()) {
                problem.accept("numa.hmat-cache", what + ": there is no node " + cache.node() + " (" + nodes.size() + " nodes)");
            } else if (!withLatency.contains(cache.node()) || !withBandwidth.contains(cache.node())) {
                problem.accept("numa.hmat-cache", what + ": give node " + cache.node() + "'s latency and bandwidth"
                        + " (numa.hmat-lb) before its memory side caches");
            } else if (!levels.add(cache.node() + "/" + cache.level())) {
                problem.accept("numa.hmat-cache", what + " is given twice");
            }
        }
        for (Hmat.MemoryCache cache : hmat.caches()) {
            if (cache.level() > 1 && !levels.contains(cache.node() + "/" + (cache.level() - 1))) {
                problem.accept("numa.hmat-cache", "node " + cache.node() + " has a level " + cache.level()
                        + " cache but no level " + (cache.level() - 1));
            }
        }
    }
}
