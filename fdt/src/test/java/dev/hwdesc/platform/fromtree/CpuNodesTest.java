package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static dev.hwdesc.platform.fromtree.Trees.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /cpus: MPIDRs in one or two cells, the cpu nodes' properties, and the cpu-map's topology. */
class CpuNodesTest {

    private static Node cpu(int n, long... reg) {
        return node("cpu@" + n, strings("device_type", "cpu"), strings("compatible", "arm,cortex-a57"), cells("reg", reg),
                strings("enable-method", "psci"), cells("phandle", 0x100 + n));
    }

    private static Node cpus(int addressCells, Node... children) {
        Node cpus = node("cpus", cells("#address-cells", addressCells), cells("#size-cells", 0));
        for (Node child : children) {
            cpus.addChild(child);
        }
        return cpus;
    }

    private static Node leaf(String name, int cpu) {
        return node(name, cells("cpu", 0x100 + cpu));
    }

    @Test
    void cpusWithOneCellMpidrsAndAFlatTopologyWithoutACpuMap() {
        PlatformReading r = read(vm(cpus(1, cpu(0, 0), cpu(1, 1), cpu(2, 0x100))));
        assertEquals(List.of(
                new Cpu(0, 0, "arm,cortex-a57", Optional.of("psci"), new CpuTopology.Place(0, 0, 0, 0), -1),
                new Cpu(1, 1, "arm,cortex-a57", Optional.of("psci"), new CpuTopology.Place(0, 0, 1, 0), -1),
                new Cpu(2, 0x100, "arm,cortex-a57", Optional.of("psci"), new CpuTopology.Place(0, 0, 2, 0), -1)),
                r.platform().cpus());
        assertEquals(CpuTopology.flat(3), r.platform().topology());
        assertEquals(List.of(), left(r));
    }

    @Test
    void twoCellMpidrsCarryAff3() {
        PlatformReading r = read(vm(cpus(2, cpu(0, 0, 0), cpu(1, 1, 0x10203))));
        assertEquals(List.of(0L, 0x100010203L), r.platform().cpus().stream().map(Cpu::mpidr).toList());
        assertEquals(List.of(), left(r));
    }

    @Test
    void theCpuMapPlacesEachCpuAndGivesTheTopology() {
        Node map = node("cpu-map",
                node("socket0", node("cluster0", node("core0", leaf("thread0", 0), leaf("thread1", 1)))),
                node("socket1", node("cluster0", node("core0", leaf("thread0", 2), leaf("thread1", 3)))));
        PlatformReading r = read(vm(cpus(1, map, cpu(0, 0), cpu(1, 1), cpu(2, 2), cpu(3, 3))));
        assertEquals(new CpuTopology(2, 1, 1, 2), r.platform().topology());
        assertEquals(new CpuTopology.Place(1, 0, 0, 1), r.platform().cpus().get(3).place());
        assertEquals(List.of(), left(r), "every level of the map counts as read");
    }

    @Test
    void aCpuMapWithoutSocketsStartsAtClusters() {
        Node map = node("cpu-map", node("cluster0", leaf("core0", 0)), node("cluster1", leaf("core0", 1)));
        PlatformReading r = read(vm(cpus(1, map, cpu(0, 0), cpu(1, 0x100))));
        assertEquals(new CpuTopology(1, 2, 1, 1), r.platform().topology());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aCpuMapThatLeavesACpuOutIsNotReadAtAll() {
        Node map = node("cpu-map", node("socket0", node("cluster0", leaf("core0", 0))));
        PlatformReading r = read(vm(cpus(1, map, cpu(0, 0), cpu(1, 1))));
        assertEquals(CpuTopology.flat(2), r.platform().topology());
        assertEquals(List.of(
                "/cpus/cpu-map: the CPU of index 1 is not in the cpu-map",
                "/cpus/cpu-map/socket0: below /cpus/cpu-map, which was not read",
                "/cpus/cpu-map/socket0/cluster0: below /cpus/cpu-map, which was not read",
                "/cpus/cpu-map/socket0/cluster0/core0: below /cpus/cpu-map, which was not read"), left(r));
    }

    @Test
    void nestedClustersAreNotKept() {
        Node map = node("cpu-map", node("cluster0", node("cluster0", leaf("core0", 0))));
        PlatformReading r = read(vm(cpus(1, map, cpu(0, 0))));
        assertEquals("/cpus/cpu-map: /cpus/cpu-map/cluster0/cluster0: nested clusters are not kept", left(r).get(0));
    }

    @Test
    void malformedCpusAreListedOneByOne() {
        Node twoCompatibles = cpu(3, 3);
        twoCompatibles.removeProperty(twoCompatibles.property("compatible").orElseThrow());
        twoCompatibles.addProperty(strings("compatible", "arm,cortex-a72", "arm,armv8"));
        PlatformReading r = read(vm(cpus(1, cpu(0, 0), cpu(1, 0), cpu(2, 0, 2), twoCompatibles, cpu(4, 0x1000000))));
        assertEquals(List.of(0L, 3L), r.platform().cpus().stream().map(Cpu::mpidr).toList());
        assertEquals(List.of(
                "/cpus/cpu@1: reg: MPIDR 0x0 is another CPU's too",
                "/cpus/cpu@2: reg: 2 cells, but /cpus has #address-cells 1",
                "/cpus/cpu@3 compatible: only the first string, \"arm,cortex-a72\", is kept",
                "/cpus/cpu@4: MPIDR 0x1000000 has bits outside Aff3-Aff0"), left(r));
    }

    @Test
    void numaNodesOfCpus() {
        Node c = cpu(0, 0);
        c.addProperty(cells("numa-node-id", 1));
        PlatformReading r = read(vm(cpus(1, c)));
        assertEquals(1, r.platform().cpus().get(0).numaNode());
    }

    @Test
    void cpusWithoutAddressCellsAreNotRead() {
        PlatformReading r = read(vm(node("cpus", cells("#size-cells", 0), cpu(0, 0))));
        assertEquals(List.of(), r.platform().cpus());
        assertEquals(List.of("/cpus: no #address-cells", "/cpus/cpu@0: below /cpus, which was not read"), left(r));
    }
}
