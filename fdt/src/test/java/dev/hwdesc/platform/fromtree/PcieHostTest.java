package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.GIC;
import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.empty;
import static dev.hwdesc.platform.fromtree.Trees.gicV3;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.VirtioIommu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ECAM host: windows by PCI space, the INTx swizzle, msi-map and iommu-map. */
class PcieHostTest {

    private static final long ITS = 0x30;
    private static final long SMMU = 0x31;

    /** The standard swizzle over SPIs 3-6, with the GIC's unit address of {@code unitCells} cells. */
    private static Property swizzle(int unitCells) {
        List<Long> map = new ArrayList<>();
        for (int slot = 0; slot < 4; slot++) {
            for (int pin = 0; pin < 4; pin++) {
                map.addAll(List.of((long) slot << 11, 0L, 0L, pin + 1L, GIC));
                for (int i = 0; i < unitCells; i++) {
                    map.add(0L);
                }
                map.addAll(List.of(0L, 3L + (slot + pin) % 4, 4L));
            }
        }
        return cells("interrupt-map", map.stream().mapToLong(Long::longValue).toArray());
    }

    private static Node host(Property... more) {
        Node n = node("pcie@10000000", strings("compatible", "pci-host-ecam-generic"), strings("device_type", "pci"),
                cells("#address-cells", 3), cells("#size-cells", 2), cells("linux,pci-domain", 0), cells("bus-range", 0, 0xff),
                empty("dma-coherent"), cells("reg", 0x40, 0x10000000, 0, 0x10000000),
                cells("ranges", 0x1000000, 0, 0, 0, 0x3eff0000, 0, 0x10000,
                        0x2000000, 0, 0x10000000, 0, 0x10000000, 0, 0x2eff0000,
                        0x3000000, 0x80, 0, 0x80, 0, 0x80, 0),
                cells("#interrupt-cells", 1), cells("interrupt-map-mask", 0x1800, 0, 0, 7));
        for (Property p : more) {
            n.addProperty(p);
        }
        return n;
    }

    private static Node root(int gicUnitCells, Node... devices) {
        Node its = node("msi-controller@8080000", strings("compatible", "arm,gic-v3-its"), empty("msi-controller"),
                cells("#msi-cells", 1), cells("reg", 0, 0x8080000, 0, 0x20000), cells("phandle", ITS));
        Node gic = gicUnitCells == 2 ? gicV3(cells("#address-cells", 2), cells("#size-cells", 2), empty("ranges"), its) : gicV3();
        Node root = node("", cells("#address-cells", 2), cells("#size-cells", 2), cells("interrupt-parent", GIC), gic);
        for (Node d : devices) {
            root.addChild(d);
        }
        return root;
    }

    private static List<Interrupt> intx() {
        return List.of(3L, 4L, 5L, 6L).stream().map(n -> Interrupt.spi(n.intValue(), Interrupt.Trigger.LEVEL_HIGH)).toList();
    }

    @Test
    void qemusHostReadsWhole() {
        Node smmu = node("smmuv3@9050000", strings("compatible", "arm,smmu-v3"), cells("reg", 0, 0x9050000, 0, 0x20000),
                cells("interrupts", 0, 74, 1, 0, 75, 1, 0, 76, 1, 0, 77, 1),
                strings("interrupt-names", "eventq", "priq", "cmdq-sync", "gerror"), empty("dma-coherent"),
                cells("#iommu-cells", 1), cells("phandle", SMMU));
        PlatformReading r = read(root(2, host(swizzle(2), cells("msi-map", 0, ITS, 0, 0x10000), cells("iommu-map", 0, SMMU, 0, 0x10000)),
                smmu));
        assertEquals(Optional.of(new PcieHost(new Region(0x4010000000L, 0x10000000L), 0, 255, new Region(0x3eff0000L, 0x10000),
                new Region(0x10000000L, 0x2eff0000L), Optional.of(new Region(0x8000000000L, 0x8000000000L)), intx(), 0, true, true)),
                r.platform().pcie());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aVirtioIommuChildTakesEveryRequesterButItsOwn() {
        long iommu = 0x40;
        Node h = host(swizzle(2), cells("msi-map", 0, ITS, 0, 0x10000),
                cells("iommu-map", 0, iommu, 0, 0x10, 0x11, iommu, 0x11, 0xffef));
        h.addChild(node("virtio_iommu@2,0", strings("compatible", "virtio,pci-iommu", "pci1af4,1057"),
                cells("reg", 0x1000, 0, 0, 0, 0), cells("#iommu-cells", 1), cells("phandle", iommu)));
        PlatformReading r = read(root(2, h));
        PcieHost host = r.platform().pcie().orElseThrow();
        assertEquals(Optional.of(new VirtioIommu(0x10)), host.virtioIommu());
        assertEquals(false, host.smmu());
        assertEquals(List.of(), left(r));
    }

    @Test
    void anIommuMapThatDoesNotSkipTheVirtioIommuIsListed() {
        long iommu = 0x40;
        Node h = host(swizzle(2), cells("iommu-map", 0, iommu, 0, 0x10000));
        h.addChild(node("virtio_iommu@2,0", strings("compatible", "virtio,pci-iommu", "pci1af4,1057"),
                cells("reg", 0x1000, 0, 0, 0, 0), cells("#iommu-cells", 1), cells("phandle", iommu)));
        PlatformReading r = read(root(2, h));
        assertEquals(Optional.empty(), r.platform().pcie().orElseThrow().virtioIommu());
        assertEquals(true, left(r).stream().anyMatch(l -> l.contains("iommu-map")), left(r).toString());
        assertEquals(true, left(r).stream().anyMatch(l -> l.contains("virtio_iommu@2,0")), left(r).toString());
    }

    @Test
    void aGicWithoutAddressCellsHasNoUnitAddressInTheMap() {
        PlatformReading r = read(root(0, host(swizzle(0))));
        assertEquals(intx(), r.platform().pcie().orElseThrow().intx());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aMapThatIsNotTheSwizzleIsListedAndTheHostHasNoIntx() {
        Property map = swizzle(2);
        byte[] bytes = map.value().toByteArray();
        bytes[bytes.length - 5] = 9; // slot 3, pin 4 on SPI 9
        Node h = host(new Property("interrupt-map", dev.hwdesc.fdt.PropertyValue.ofBytes(bytes)));
        PlatformReading r = read(root(2, h));
        assertEquals(List.of(), r.platform().pcie().orElseThrow().intx());
        String why = "interrupt-map is not the standard swizzle (slot 3, pin 4)";
        assertEquals(List.of("/pcie@10000000 #interrupt-cells: " + why, "/pcie@10000000 interrupt-map-mask: " + why,
                "/pcie@10000000 interrupt-map: " + why), left(r));
    }

    @Test
    void mapsToSomethingElseThanTheModelsControllersAreListed() {
        Node viommu = node("virtio_iommu@2,0", cells("reg", 0x1000, 0, 0, 0, 0), cells("#iommu-cells", 1), cells("phandle", 0x40));
        Node h = host(swizzle(2), cells("msi-map", 0, ITS, 0, 0x8000), cells("iommu-map", 0, 0x40, 0, 0x10, 0x11, 0x40, 0x11, 0xffef));
        h.addChild(viommu);
        PlatformReading r = read(root(2, h));
        PcieHost host = r.platform().pcie().orElseThrow();
        assertEquals(false, host.msi());
        assertEquals(false, host.smmu());
        assertEquals(List.of(
                "/pcie@10000000 msi-map: not one entry <0 &target 0 0x10000> to the GIC's MSI controller (names /intc@8000000/msi-controller@8080000)",
                "/pcie@10000000 iommu-map: not one entry <0 &target 0 0x10000> to the platform's SMMUv3 (names /pcie@10000000/virtio_iommu@2,0)",
                "/pcie@10000000/virtio_iommu@2,0: not recognised"), left(r));
    }

    @Test
    void windowsTheModelDoesNotHoldAreListed() {
        Node h = host(swizzle(2));
        h.removeProperty(h.property("ranges").orElseThrow());
        h.addProperty(cells("ranges", 0x1000000, 0, 0, 0, 0x3eff0000, 0, 0x10000,
                0x2000000, 0, 0x10000000, 0, 0x10000000, 0, 0x2eff0000,
                0x43000000, 0x80, 0, 0x80, 0, 0x80, 0));
        PlatformReading r = read(root(2, h));
        assertEquals(Optional.empty(), r.platform().pcie().orElseThrow().mmio64());
        assertEquals(List.of("/pcie@10000000 ranges: not kept: 0x43000000 window at PCI 0x8000000000 (prefetchable)"), left(r));
    }

    @Test
    void theNonRelocatableBitIsReadAndListed() {
        Node h = host(swizzle(2));
        h.removeProperty(h.property("ranges").orElseThrow());
        h.addProperty(cells("ranges", 0x81000000L, 0, 0, 0, 0x3eff0000, 0, 0x10000,
                0x82000000L, 0, 0x10000000, 0, 0x10000000, 0, 0x2eff0000));
        PlatformReading r = read(root(2, h));
        assertEquals(new Region(0x10000000L, 0x2eff0000L), r.platform().pcie().orElseThrow().mmio32());
        assertEquals(List.of("/pcie@10000000 ranges: not kept: the non-relocatable (n) bit of the windows kept"), left(r));
    }

    @Test
    void aHostWithoutAnIdentityMapped32BitWindowIsNotRead() {
        Node h = host(swizzle(2));
        h.removeProperty(h.property("ranges").orElseThrow());
        h.addProperty(cells("ranges", 0x1000000, 0, 0, 0, 0x3eff0000, 0, 0x10000, 0x2000000, 0, 0, 0, 0x10000000, 0, 0x2eff0000));
        PlatformReading r = read(root(2, h));
        assertEquals(Optional.empty(), r.platform().pcie());
        assertEquals(List.of("/pcie@10000000: ranges: the model needs an I/O window at PCI address 0 and an identity-mapped "
                + "32-bit memory window"), left(r));
    }

    @Test
    void withoutBusRangeTheBusesAreThoseTheEcamWindowHolds() {
        Node h = host(swizzle(2));
        h.removeProperty(h.property("bus-range").orElseThrow());
        h.removeProperty(h.property("reg").orElseThrow());
        h.addProperty(cells("reg", 0, 0x3f000000, 0, 0x1000000));
        PcieHost host = read(root(2, h)).platform().pcie().orElseThrow();
        assertEquals(0, host.firstBus());
        assertEquals(15, host.lastBus());
    }
}
