package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.GIC;
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
import dev.hwdesc.fdt.Property;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.VirtioMmio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interrupts resolved through interrupt-parent chains and interrupts-extended to the GIC. */
class InterruptParentTest {

    private static Node virtio(long base, Property... irq) {
        Node n = node("virtio@" + Long.toHexString(base), strings("compatible", "virtio,mmio"), cells("reg", 0, base, 0, 0x200));
        for (Property p : irq) {
            n.addProperty(p);
        }
        return n;
    }

    /** An interrupt controller that is not the GIC, phandle 2. */
    private static Node otherController() {
        return node("gpio-intc", strings("compatible", "test,intc"), empty("interrupt-controller"),
                cells("#interrupt-cells", 2), cells("phandle", 2));
    }

    private static List<Interrupt> virtioInterrupts(PlatformReading r) {
        return r.platform().virtioMmio().stream().map(VirtioMmio::interrupt).toList();
    }

    @Test
    void aDeviceInheritsTheRootsInterruptParent() {
        PlatformReading r = read(vm(virtio(0xa000000, spis(16))));
        assertEquals(List.of(Interrupt.spi(16, Interrupt.Trigger.LEVEL_HIGH)), virtioInterrupts(r));
        assertEquals(List.of(), left(r), "the root's interrupt-parent counts as read");
    }

    @Test
    void theNearestAncestorsInterruptParentWins() {
        Node root = vm(otherController(),
                node("soc", cells("#address-cells", 2), cells("#size-cells", 2), empty("ranges"), cells("interrupt-parent", GIC),
                        virtio(0xa000000, spis(16))),
                virtio(0xa000200, spis(17)));
        root.removeProperty(root.property("interrupt-parent").orElseThrow());
        root.addProperty(cells("interrupt-parent", 2));
        PlatformReading r = read(root);
        assertEquals(List.of(Interrupt.spi(16, Interrupt.Trigger.LEVEL_HIGH)), virtioInterrupts(r));
        assertEquals(List.of(
                "/ interrupt-parent: not interpreted",
                "/gpio-intc: not recognised",
                "/virtio@a000200: the interrupt parent /gpio-intc is not the platform's GIC (/intc@8000000)"), left(r),
                "/soc's interrupt-parent, cells and ranges were used, so /soc counts as read");
    }

    @Test
    void aNodesOwnInterruptParentOverridesItsAncestors() {
        PlatformReading r = read(vm(otherController(), virtio(0xa000000, cells("interrupt-parent", 2), cells("interrupts", 3, 4))));
        assertEquals(List.of("/gpio-intc: not recognised",
                "/virtio@a000000: the interrupt parent /gpio-intc is not the platform's GIC (/intc@8000000)"), left(r));
    }

    @Test
    void interruptsExtendedNamesTheControllerOfEachInterrupt() {
        PlatformReading r = read(vm(virtio(0xa000000, cells("interrupts-extended", GIC, 0, 20, 1), spis(99))));
        assertEquals(List.of(Interrupt.spi(20, Interrupt.Trigger.EDGE_RISING)), virtioInterrupts(r));
        assertEquals(List.of("/virtio@a000000 interrupts: interrupts-extended takes precedence"), left(r));
    }

    @Test
    void aDanglingInterruptParentIsListed() {
        PlatformReading r = read(vm(virtio(0xa000000, cells("interrupt-parent", 0x99), spis(16))));
        assertEquals(List.of("/virtio@a000000: interrupt-parent: phandle 0x99 names no node"), left(r));
    }

    @Test
    void anInterruptParentLoopIsListed() {
        Node root = vm(node("a", cells("interrupt-parent", 11), cells("phandle", 10)), node("b", cells("interrupt-parent", 10),
                cells("phandle", 11)), virtio(0xa000000, cells("interrupt-parent", 10), spis(16)));
        PlatformReading r = read(root);
        assertEquals(List.of("/a: not recognised", "/b: not recognised",
                "/virtio@a000000: the interrupt-parent links loop through /a"), left(r));
    }

    @Test
    void noInterruptParentAnywhereIsListed() {
        Node root = vm(virtio(0xa000000, spis(16)));
        root.removeProperty(root.property("interrupt-parent").orElseThrow());
        PlatformReading r = read(root);
        assertEquals(List.of("/virtio@a000000: no interrupt parent: neither it nor a node above it names one"), left(r));
    }

    @Test
    void specifiersTheModelCannotHoldAreListed() {
        PlatformReading r = read(vm(virtio(0xa000000, cells("interrupts", 2, 5, 4)), virtio(0xa000200, cells("interrupts", 0, 5, 0)),
                virtio(0xa000400, cells("interrupts", 0, 5, 0x104)), virtio(0xa000600, cells("interrupts", 0, 5, 4, 0)),
                virtio(0xa000800, cells("interrupts", 0, 988, 4))));
        assertEquals(List.of(
                "/virtio@a000000: interrupts: an extended SPI (type 2) is not kept: the platform holds SPIs and PPIs",
                "/virtio@a000200: interrupts: flags 0x0 name no single trigger type (1, 2, 4 or 8 in bits 3:0)",
                "/virtio@a000400: a CPU mask (1) is for PPIs only, 8 bits",
                "/virtio@a000600: interrupts: 4 cells is not a whole number of 3-cell interrupt specifiers",
                "/virtio@a000800: SPI number 988 is out of range 0-987"), left(r));
    }

    @Test
    void aGicV3WithFourCellSpecifiersTakesAZeroPartition() {
        Node root = vm(virtio(0xa000000, cells("interrupts", 0, 5, 4, 0)), virtio(0xa000200, cells("interrupts", 1, 5, 4, 7)));
        Node gic = root.child("intc@8000000").orElseThrow();
        gic.removeProperty(gic.property("#interrupt-cells").orElseThrow());
        gic.addProperty(cells("#interrupt-cells", 4));
        PlatformReading r = read(root);
        assertEquals(List.of(Interrupt.spi(5, Interrupt.Trigger.LEVEL_HIGH)), virtioInterrupts(r));
        assertEquals(List.of("/virtio@a000200: interrupts: a PPI partition (4th cell) is not kept"), left(r));
    }

    @Test
    void aDeviceUnderAnInterruptControllerHasItForParent() {
        // of_irq_find_parent: the tree parent, when it has #interrupt-cells, is the interrupt parent.
        Node root = vm(otherController());
        root.addChild(node("bus", cells("#address-cells", 2), cells("#size-cells", 2), empty("ranges"),
                cells("#interrupt-cells", 3), virtio(0xa000000, spis(1))));
        PlatformReading r = read(root);
        assertEquals(List.of(), r.platform().virtioMmio());
        assertEquals("/bus/virtio@a000000: the interrupt parent /bus is not the platform's GIC (/intc@8000000)",
                left(r).get(left(r).size() - 1));
    }
}
