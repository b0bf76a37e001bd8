package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.empty;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.spis;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static dev.hwdesc.platform.fromtree.Trees.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.VirtioMmio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reg through #address-cells, #size-cells and every bus's ranges, to CPU addresses. */
class AddressTranslationTest {

    private static Node virtio(String name, Object... reg) {
        return node(name, strings("compatible", "virtio,mmio"), (dev.hwdesc.fdt.Property) reg[0], spis(5));
    }

    private static List<Region> virtioRegions(PlatformReading r) {
        return r.platform().virtioMmio().stream().map(VirtioMmio::mmio).toList();
    }

    @Test
    void regGoesThroughTheRangesOfEveryBusAbove() {
        // /soc maps its 0-0xffffff to CPU 0x10000000; /soc/sub maps its 0-0xffff to 0x200000 of /soc.
        PlatformReading r = read(vm(node("soc", strings("compatible", "simple-bus"), cells("#address-cells", 1),
                cells("#size-cells", 1), cells("ranges", 0, 0, 0x10000000, 0x1000000),
                node("sub", strings("compatible", "simple-bus"), cells("#address-cells", 1), cells("#size-cells", 1),
                        cells("ranges", 0, 0x200000, 0x10000),
                        virtio("virtio@400", cells("reg", 0x400, 0x200))))));
        assertEquals(List.of(new Region(0x10200400L, 0x200)), virtioRegions(r));
        assertEquals(List.of(), left(r), "the buses' cells, ranges and simple-bus compatible count as read");
    }

    @Test
    void emptyRangesMapAddressesUnchanged() {
        PlatformReading r = read(vm(node("soc", cells("#address-cells", 2), cells("#size-cells", 2), empty("ranges"),
                virtio("virtio@a000000", cells("reg", 0, 0xa000000, 0, 0x200)))));
        assertEquals(List.of(new Region(0xa000000L, 0x200)), virtioRegions(r));
        assertEquals(List.of(), left(r));
    }

    @Test
    void oneCellAddressesAndSizesAtTheRoot() {
        Node root = vm(virtio("virtio@a000000", cells("reg", 0xa000000, 0x200)));
        root.removeProperty(root.property("#address-cells").orElseThrow());
        root.removeProperty(root.property("#size-cells").orElseThrow());
        root.addProperty(cells("#address-cells", 1));
        root.addProperty(cells("#size-cells", 1));
        Node gic = root.child("intc@8000000").orElseThrow();
        gic.removeProperty(gic.property("reg").orElseThrow());
        gic.addProperty(cells("reg", 0x8000000, 0x10000, 0x80a0000, 0xf60000));
        PlatformReading r = read(root);
        assertEquals(List.of(new Region(0xa000000L, 0x200)), virtioRegions(r));
        GicV3 gicRead = (GicV3) r.platform().gic().orElseThrow();
        assertEquals(new Region(0x8000000L, 0x10000), gicRead.distributor());
        assertEquals(List.of(new Region(0x80a0000L, 0xf60000L)), gicRead.redistributorRegions());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aBusWithoutRangesHidesItsChildren() {
        PlatformReading r = read(vm(node("i2c", cells("#address-cells", 1), cells("#size-cells", 1),
                virtio("virtio@400", cells("reg", 0x400, 0x200)))));
        assertEquals(List.of(), r.platform().virtioMmio());
        assertEquals(List.of("/i2c: not recognised",
                "/i2c/virtio@400: /i2c has no ranges: addresses on it are not CPU addresses"), left(r));
    }

    @Test
    void aDisabledBusHidesItsChildren() {
        PlatformReading r = read(vm(node("soc", strings("status", "disabled"), cells("#address-cells", 2),
                cells("#size-cells", 2), empty("ranges"), virtio("virtio@a000000", cells("reg", 0, 0xa000000, 0, 0x200)))));
        assertEquals(List.of("/soc: not recognised",
                "/soc/virtio@a000000: on /soc, which is not enabled (status \"disabled\")"), left(r));
    }

    @Test
    void anAddressOutsideEveryWindowIsListed() {
        PlatformReading r = read(vm(node("soc", cells("#address-cells", 1), cells("#size-cells", 1),
                cells("ranges", 0, 0, 0x10000000, 0x1000), virtio("virtio@f00", cells("reg", 0xf00, 0x200)))));
        assertEquals(List.of("/soc: not recognised",
                "/soc/virtio@f00: 0x200 bytes at 0xf00 are not within one window of the ranges of /soc"), left(r));
    }

    @Test
    void overlappingWindowsMakeABusUntranslatable() {
        PlatformReading r = read(vm(node("soc", cells("#address-cells", 1), cells("#size-cells", 1),
                cells("ranges", 0, 0, 0x10000000, 0x1000, 0x800, 0, 0x20000000, 0x1000),
                virtio("virtio@0", cells("reg", 0, 0x200)))));
        assertEquals(List.of("/soc: not recognised",
                "/soc/virtio@0: /soc: ranges windows at 0x0 and 0x800 overlap"), left(r));
    }

    @Test
    void regOfTheWrongLengthIsListed() {
        PlatformReading r = read(vm(virtio("virtio@a000000", cells("reg", 0, 0xa000000, 0x200))));
        assertEquals(List.of("/virtio@a000000: reg: 3 cells is not a whole number of 4-cell (address, size) entries"), left(r));
    }

    @Test
    void aBusAddressOfThreeCellsIsNotACpuAddress() {
        PlatformReading r = read(vm(node("pci", cells("#address-cells", 3), cells("#size-cells", 2), empty("ranges"),
                virtio("virtio@0", cells("reg", 0, 0, 0, 0, 0x200)))));
        assertEquals(List.of("/pci: not recognised",
                "/pci/virtio@0: reg: /pci has #address-cells 3; a CPU-visible device needs 1 or 2"), left(r));
    }
}
