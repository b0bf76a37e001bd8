package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * /cpus (arm/cpus.yaml): each cpu node's MPIDR (reg, in the 1 or 2 cells /cpus' #address-cells
 * says), compatible, enable-method and NUMA node, in tree order (a CPU's index is its position);
 * then where the cpu-map places each, which gives the topology.
 */
final class CpuNodes {

    /** The CPUs and their topology. */
    record Result(List<Cpu> cpus, CpuTopology topology) {
    }

    private CpuNodes() {
    }

    static Result read(ReadContext ctx) {
        Optional<Node> cpusNode = ctx.single(NodeRole.CPUS, "/cpus");
        Optional<Integer> addressCells = cpusNode.flatMap(n -> ctx.read(n, c -> {
            long ac = c.u32("#address-cells");
            if (ac != 1 && ac != 2) {
                throw new Malformed("#address-cells " + ac + ": a CPU's MPIDR takes 1 or 2 cells");
            }
            if (c.u32("#size-cells") != 0) {
                throw new Malformed("#size-cells should be 0");
            }
            return (int) ac;
        }));
        if (addressCells.isEmpty()) {
            return new Result(List.of(), CpuTopology.flat(1));
        }
        List<Cpu> read = new ArrayList<>();
        Map<Node, Integer> indexOf = new IdentityHashMap<>();
        Set<Long> mpidrs = new HashSet<>();
        for (Node n : ctx.all(NodeRole.CPU)) {
            int index = read.size();
            ctx.read(n, c -> cpu(c, index, addressCells.get(), mpidrs)).ifPresent(cpu -> {
                mpidrs.add(cpu.mpidr());
                indexOf.put(n, index);
                read.add(cpu);
            });
        }
        Optional<CpuTopology.Place[]> places = ctx.single(NodeRole.CPU_MAP, "cpu-map")
                .flatMap(map -> ctx.read(map, c -> CpuMap.places(c, indexOf, read.size(), ctx.phandles)));
        List<Cpu> cpus = new ArrayList<>(read.size());
        CpuTopology topology;
        if (places.isPresent()) {
            topology = CpuMap.topology(places.get());
            for (Cpu cpu : read) {
                cpus.add(new Cpu(cpu.index(), cpu.mpidr(), cpu.compatible(), cpu.enableMethod(), places.get()[cpu.index()],
                        cpu.numaNode()));
            }
        } else {
            topology = CpuTopology.flat(Math.max(1, read.size()));
            cpus.addAll(read);
        }
        return new Result(cpus, topology);
    }

    /** One cpu node, placed as the flat topology would place it until the cpu-map says otherwise. */
    private static Cpu cpu(Claim c, int index, int addressCells, Set<Long> mpidrs) throws Malformed {
        c.string("device_type");
        List<String> compatible = c.strings("compatible");
        if (compatible.size() > 1) {
            c.leave("compatible", "only the first string, \"" + compatible.get(0) + "\", is kept");
        }
        Cells reg = c.cells("reg");
        if (reg.size() != addressCells) {
            throw new Malformed("reg: " + reg.size() + " cells, but /cpus has #address-cells " + addressCells);
        }
        long mpidr = reg.number(0, addressCells);
        if (mpidrs.contains(mpidr)) {
            throw new Malformed(String.format("reg: MPIDR 0x%x is another CPU's too", mpidr));
        }
        Optional<String> enableMethod = c.optionalString("enable-method");
        int numa = -1;
        Optional<Long> node = c.optionalU32("numa-node-id");
        if (node.isPresent()) {
            numa = DeviceParts.toInt(node.get(), "numa-node-id");
        }
        return new Cpu(index, mpidr, compatible.get(0), enableMethod, new CpuTopology.Place(0, 0, index, 0), numa);
    }
}
