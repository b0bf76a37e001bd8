package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.spis;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static dev.hwdesc.platform.fromtree.Trees.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Chosen;
import dev.hwdesc.platform.MemoryRegion;
import dev.hwdesc.platform.NumaDistances;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.RngSeed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Memory nodes, the NUMA distance map, /chosen and the memory reservation map. */
class MemoryAndChosenTest {

    private static Node uart(long base) {
        return node("serial@" + Long.toHexString(base), strings("compatible", "arm,pl011", "arm,primecell"),
                cells("reg", 0, base, 0, 0x1000), spis(1));
    }

    @Test
    void memoryRegionsOfEveryNodeInAddressOrderWithTheirNumaNodes() {
        PlatformReading r = read(vm(
                node("memory@80000000", strings("device_type", "memory"), cells("reg", 0, 0x80000000L, 0, 0x40000000), cells("numa-node-id", 1)),
                node("memory@40000000", strings("device_type", "memory"),
                        cells("reg", 0, 0x40000000, 0, 0x10000000, 0, 0x60000000, 0, 0x1000), cells("numa-node-id", 0))));
        assertEquals(List.of(new MemoryRegion(new Region(0x40000000L, 0x10000000L), 0), new MemoryRegion(new Region(0x60000000L, 0x1000), 0),
                new MemoryRegion(new Region(0x80000000L, 0x40000000L), 1)), r.platform().memory());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aDistanceMapGivenOneWayAndWithoutItsDiagonal() {
        PlatformReading r = read(vm(node("distance-map", strings("compatible", "numa-distance-map-v1"),
                cells("distance-matrix", 0, 1, 20, 0, 2, 30, 1, 2, 25, 2, 1, 26))));
        assertEquals(Optional.of(new NumaDistances(new int[][] {{10, 20, 30}, {20, 10, 25}, {30, 26, 10}})), r.platform().numaDistances());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aDistanceMapWithAGapOrAHugeNodeIsListed() {
        PlatformReading gap = read(vm(node("distance-map", strings("compatible", "numa-distance-map-v1"),
                cells("distance-matrix", 0, 2, 20))));
        assertEquals(List.of("/distance-map: distance-matrix: no distance between node 0 and node 1"), left(gap));
        PlatformReading huge = read(vm(node("distance-map", strings("compatible", "numa-distance-map-v1"),
                cells("distance-matrix", 0, 0xffffffffL, 20))));
        assertEquals(List.of("/distance-map: distance-matrix: node 4294967295 is beyond the 1024 nodes read"), left(huge));
    }

    @Test
    void chosenWithConsoleBootargsAndATwoCellInitrd() {
        PlatformReading r = read(vm(uart(0x9000000), uart(0x9100000), node("chosen", strings("stdout-path", "/serial@9100000"),
                strings("bootargs", "console=ttyAMA1"), cells("linux,initrd-start", 0x1, 0x0), cells("linux,initrd-end", 0x1, 0x1000))));
        assertEquals(new Chosen(Optional.of("console=ttyAMA1"), Optional.of(new Region(0x100000000L, 0x1000)), Optional.of(1)),
                r.platform().chosen());
        assertEquals(List.of(), left(r));
    }

    @Test
    void stdoutPathThroughAnAliasWithOptions() {
        PlatformReading r = read(vm(uart(0x9000000), node("aliases", strings("serial0", "/serial@9000000"), strings("rtc0", "/rtc")),
                node("chosen", strings("stdout-path", "serial0:115200n8"), cells("kaslr-seed", 1, 2))));
        assertEquals(Optional.of(0), r.platform().chosen().consoleUart());
        assertEquals(List.of("/aliases rtc0: not interpreted",
                "/chosen stdout-path: the console options \"115200n8\" are not kept"), left(r));
        assertEquals(Optional.of(0x100000002L), r.platform().chosen().kaslrSeed());
    }

    @Test
    void seedsAreReadAndAMalformedOneIsListed() {
        PlatformReading r = read(vm(node("chosen", cells("kaslr-seed", 0xdeadbeefL, 0x12345678L), cells("rng-seed", 1, 2, 3))));
        assertEquals(Optional.of(0xdeadbeef12345678L), r.platform().chosen().kaslrSeed());
        assertEquals(Optional.of(new RngSeed(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3})), r.platform().chosen().rngSeed());
        assertEquals(List.of(), left(r));
        PlatformReading bad = read(vm(node("chosen", cells("kaslr-seed", 1))));
        assertEquals(Optional.empty(), bad.platform().chosen().kaslrSeed());
        assertEquals(List.of("/chosen kaslr-seed: not one 64-bit value"), left(bad));
    }

    @Test
    void stdoutPathToSomethingElseIsListed() {
        PlatformReading r = read(vm(node("chosen", strings("stdout-path", "/intc@8000000")),
                node("secure-chosen", strings("stdout-path", "/nowhere"))));
        assertEquals(Optional.empty(), r.platform().chosen().consoleUart());
        assertEquals(List.of("/chosen stdout-path: names /intc@8000000, which is not a UART the platform holds",
                "/secure-chosen stdout-path: \"/nowhere\" names no node"), left(r));
    }

    @Test
    void anInitrdEndingBeforeItStartsIsListed() {
        PlatformReading r = read(vm(node("chosen", cells("linux,initrd-start", 0x48001000), cells("linux,initrd-end", 0x48000000))));
        assertEquals(Optional.empty(), r.platform().chosen().initrd());
        assertEquals(List.of("/chosen linux,initrd-start: the initrd would end (0x48000000) before it starts (0x48001000)",
                "/chosen linux,initrd-end: the initrd would end (0x48000000) before it starts (0x48001000)"), left(r));
    }

    @Test
    void memoryReservationsAreListed() {
        PlatformReading r = TreeToPlatform.read(new DeviceTree(vm(), List.of(MemoryReservation.of(0x48000000L, 0x1000)), 0));
        assertEquals(List.of("/memreserve/: the reservation of 0x1000 bytes at 0x48000000 is not kept"), left(r));
    }
}
