package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.empty;
import static dev.hwdesc.platform.fromtree.Trees.gicV3;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.spis;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.SpiRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The GIC: v2 and v3 frames, the maintenance interrupt, the v2m frame and the ITS. */
class GicNodesTest {

    private static Node root(Node gic, Object... more) {
        Node root = node("", cells("#address-cells", 2), cells("#size-cells", 2), cells("interrupt-parent", 1), gic);
        for (Object m : more) {
            root.addChild((Node) m);
        }
        return root;
    }

    private static Node gicV2(String compatible, long[] reg, Object... more) {
        Node gic = node("intc@8000000", strings("compatible", compatible), empty("interrupt-controller"),
                cells("#interrupt-cells", 3), cells("reg", reg), cells("phandle", 1), cells("#address-cells", 2),
                cells("#size-cells", 2), empty("ranges"));
        for (Object m : more) {
            if (m instanceof Node n) {
                gic.addChild(n);
            } else {
                gic.addProperty((dev.hwdesc.fdt.Property) m);
            }
        }
        return gic;
    }

    private static final long[] FOUR_FRAMES = {0, 0x8000000, 0, 0x10000, 0, 0x8010000, 0, 0x10000, 0, 0x8030000, 0, 0x10000,
        0, 0x8040000, 0, 0x10000};

    @Test
    void aGicV2WithVirtualisationFramesAMaintenanceInterruptAndAV2mFrame() {
        Node v2m = node("v2m@8020000", strings("compatible", "arm,gic-v2m-frame"), empty("msi-controller"),
                cells("reg", 0, 0x8020000, 0, 0x1000), cells("arm,msi-base-spi", 80), cells("arm,msi-num-spis", 64));
        PlatformReading r = read(root(gicV2("arm,cortex-a15-gic", FOUR_FRAMES, cells("interrupts", 1, 9, 0xf04), v2m)));
        assertEquals(new GicV2(new Region(0x8000000L, 0x10000), new Region(0x8010000L, 0x10000),
                Optional.of(new Region(0x8030000L, 0x10000)), Optional.of(new Region(0x8040000L, 0x10000)),
                Optional.of(new GicV2.V2mFrame(new Region(0x8020000L, 0x1000), Optional.of(new SpiRange(48, 64)))),
                Optional.of(new Interrupt(Interrupt.Kind.PPI, 9, Interrupt.Trigger.LEVEL_HIGH, 0xf))), r.platform().gic().orElseThrow());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aGicV2mFrameWithoutItsSpisLeavesThemToTheFrame() {
        Node v2m = node("v2m@8020000", strings("compatible", "arm,gic-v2m-frame"), empty("msi-controller"),
                cells("reg", 0, 0x8020000, 0, 0x1000), cells("arm,msi-num-spis", 64));
        PlatformReading r = read(root(gicV2("arm,cortex-a15-gic", FOUR_FRAMES, v2m)));
        GicV2 gic = (GicV2) r.platform().gic().orElseThrow();
        assertEquals(Optional.empty(), gic.v2m().orElseThrow().spis());
        assertEquals(List.of("/intc@8000000/v2m@8020000 arm,msi-num-spis: not kept without its partner"), left(r));
    }

    @Test
    void anotherGicV2CompatibleIsReadButNotKept() {
        long[] two = {0, 0x8000000, 0, 0x10000, 0, 0x8010000, 0, 0x10000};
        PlatformReading r = read(root(gicV2("arm,gic-400", two)));
        GicV2 gic = (GicV2) r.platform().gic().orElseThrow();
        assertEquals(Optional.empty(), gic.hypervisorInterface());
        assertEquals(List.of("/intc@8000000 compatible: not kept: the platform model implies \"arm,cortex-a15-gic\""), left(r));
    }

    @Test
    void aGicV2ForMoreThanEightCpusIsNotReadAndNeitherAreTheInterrupts() {
        Node cpus = node("cpus", cells("#address-cells", 1), cells("#size-cells", 0));
        for (int i = 0; i < 9; i++) {
            cpus.addChild(node("cpu@" + i, strings("device_type", "cpu"), strings("compatible", "arm,cortex-a15"), cells("reg", i)));
        }
        Node virtio = node("virtio@a000000", strings("compatible", "virtio,mmio"), cells("reg", 0, 0xa000000, 0, 0x200), spis(16));
        PlatformReading r = read(root(gicV2("arm,cortex-a15-gic", FOUR_FRAMES), cpus, virtio));
        assertEquals(Optional.empty(), r.platform().gic());
        assertEquals(List.of("/ interrupt-parent: not interpreted", "/intc@8000000: a GICv2 serves at most 8 CPUs; the tree has 9",
                "/virtio@a000000: the interrupt parent /intc@8000000 was not read"), left(r));
    }

    @Test
    void aGicV3WithTwoRedistributorRegionsAStrideAndAnIts() {
        Node its = node("msi-controller@8080000", strings("compatible", "arm,gic-v3-its"), empty("msi-controller"),
                cells("#msi-cells", 1), cells("reg", 0, 0x8080000, 0, 0x20000));
        Node gic = node("intc@8000000", strings("compatible", "arm,gic-v3"), empty("interrupt-controller"),
                cells("#interrupt-cells", 3), cells("#redistributor-regions", 2), cells("redistributor-stride", 0, 0x40000),
                cells("reg", 0, 0x8000000, 0, 0x10000, 0, 0x80a0000, 0, 0xf60000, 0x40, 0, 0, 0x4000000,
                        0, 0x8100000, 0, 0x2000, 0, 0x8110000, 0, 0x2000, 0, 0x8120000, 0, 0x2000),
                cells("interrupts", 1, 9, 4), cells("phandle", 1), cells("#address-cells", 2), cells("#size-cells", 2),
                empty("ranges"), its);
        PlatformReading r = read(root(gic));
        assertEquals(new GicV3(new Region(0x8000000L, 0x10000), List.of(new Region(0x80a0000L, 0xf60000L),
                new Region(0x4000000000L, 0x4000000L)), Optional.of(0x40000L), Optional.of(new Region(0x8080000L, 0x20000)),
                Optional.of(Interrupt.ppi(9, Interrupt.Trigger.LEVEL_HIGH))), r.platform().gic().orElseThrow());
        assertEquals(List.of("/intc@8000000 reg: the 3 regions after the redistributors (GICC, GICH, GICV) are not kept"), left(r));
    }

    @Test
    void anItsOutsideTheGicAndASecondItsAreListed() {
        Node its0 = node("msi-controller@8080000", strings("compatible", "arm,gic-v3-its"), empty("msi-controller"),
                cells("#msi-cells", 1), cells("reg", 0, 0x8080000, 0, 0x20000));
        Node its1 = node("msi-controller@80a0000", strings("compatible", "arm,gic-v3-its"), empty("msi-controller"),
                cells("#msi-cells", 1), cells("reg", 0, 0x80a0000, 0, 0x20000));
        Node stray = node("its@9000000", strings("compatible", "arm,gic-v3-its"));
        PlatformReading r = read(root(gicV3(cells("#address-cells", 2), cells("#size-cells", 2), empty("ranges"), its0, its1), stray));
        assertEquals(Optional.of(new Region(0x8080000L, 0x20000)), ((GicV3) r.platform().gic().orElseThrow()).its());
        assertEquals(List.of("/intc@8000000/msi-controller@80a0000: a second ITS: the platform holds one",
                "/its@9000000: not an MSI controller of the platform's GIC, as read"), left(r));
    }

    @Test
    void theRootsInterruptParentChoosesAmongGics() {
        Node first = gicV3();
        first.removeProperty(first.property("phandle").orElseThrow());
        first.addProperty(cells("phandle", 7));
        Node second = node("gic@2c000000", strings("compatible", "arm,gic-v3"), empty("interrupt-controller"),
                cells("#interrupt-cells", 3), cells("reg", 0, 0x2c000000, 0, 0x10000, 0, 0x2c100000, 0, 0x100000), cells("phandle", 1));
        PlatformReading r = read(root(first, second));
        assertEquals(new Region(0x2c000000L, 0x10000), r.platform().gic().orElseThrow().distributor());
        assertEquals(List.of("/intc@8000000: a second GIC: the platform holds one"), left(r));
    }

    @Test
    void wrongInterruptCellsAreListed() {
        Node gic = gicV3();
        gic.removeProperty(gic.property("#interrupt-cells").orElseThrow());
        gic.addProperty(cells("#interrupt-cells", 2));
        PlatformReading r = read(root(gic));
        assertEquals(Optional.empty(), r.platform().gic());
        assertEquals(List.of("/ interrupt-parent: not interpreted",
                "/intc@8000000: #interrupt-cells 2; this GIC's binding has 3 or 4"), left(r));
    }
}
