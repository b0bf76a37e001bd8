package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.VirtioIommu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generic ECAM PCIe host (pci/host-generic-pci.yaml): the ECAM window (reg), the buses, the
 * windows of ranges by PCI address space (an I/O window at PCI address 0, identity-mapped 32-bit and
 * 64-bit memory), the INTx swizzle of interrupt-map, and whether msi-map (or msi-parent) and
 * iommu-map send every requester ID to the GIC's MSI controller and the SMMUv3 one to one, or a
 * virtio-iommu child takes every requester ID but its own.
 */
final class PcieHostNode {

    /**
     * ranges' phys.hi (pci/pci.txt, the IEEE 1275 PCI binding): space code in bits 25:24 (1 I/O,
     * 2 32-bit memory, 3 64-bit memory), prefetchable bit 30, non-relocatable bit 31.
     */
    private static final long SPACE_IO = 1;
    private static final long SPACE_MEM32 = 2;
    private static final long SPACE_MEM64 = 3;
    private static final long PREFETCHABLE = 0x40000000L;
    private static final long NON_RELOCATABLE = 0x80000000L;
    /** Requester IDs 0-0xffff: every device of every bus, as QEMU maps them. */
    private static final long ALL_REQUESTERS = 0x10000;

    private PcieHostNode() {
    }

    static Optional<PcieHost> read(ReadContext ctx, Optional<Node> msiController, Optional<Node> smmu) {
        return ctx.single(NodeRole.PCIE_ECAM, "PCIe host").flatMap(n -> ctx.read(n, c -> host(ctx, c, msiController, smmu)));
    }

    private static PcieHost host(ReadContext ctx, Claim c, Optional<Node> msiController, Optional<Node> smmu) throws Malformed {
        Node n = c.node();
        c.compatible("pci-host-ecam-generic");
        if (!c.string("device_type").equals("pci")) {
            throw new Malformed("device_type is not \"pci\"");
        }
        if (Addresses.addressCells(n) != 3 || Addresses.sizeCells(n) != 2) {
            throw new Malformed("#address-cells and #size-cells should be 3 and 2, as on every PCI bus");
        }
        c.flag("dma-coherent");
        Region ecam = DeviceParts.firstRegion(ctx, c);
        if (Long.compareUnsigned(ecam.size(), 1L << 20) < 0) {
            throw new Malformed("reg: an ECAM window smaller than one bus (1 MiB)");
        }
        int firstBus = 0;
        int lastBus = (int) Math.min(255, (ecam.size() >>> 20) - 1);
        if (n.hasProperty("bus-range")) {
            Cells range = c.cells("bus-range");
            if (range.size() != 2 || range.u32(0) > 255 || range.u32(1) > 255) {
                throw new Malformed("bus-range is not two bus numbers (0-255)");
            }
            firstBus = (int) range.u32(0);
            lastBus = (int) range.u32(1);
        }
        Windows w = windows(ctx, c);
        int domain = 0;
        Optional<Long> d = c.optionalU32("linux,pci-domain");
        if (d.isPresent()) {
            domain = DeviceParts.toInt(d.get(), "linux,pci-domain");
        }
        PciInterruptMap.Result map = n.hasProperty("interrupt-map") ? PciInterruptMap.read(ctx, n)
                : PciInterruptMap.Result.not("no interrupt-map");
        List<Interrupt> intx = map.intx();
        for (String name : List.of("interrupt-map", "interrupt-map-mask", "#interrupt-cells")) {
            if (map.notStandard().isPresent()) {
                c.leave(name, map.notStandard().get());
            } else {
                c.take(name);
            }
        }
        boolean msi = msi(ctx, c, msiController);
        Optional<Node> virtioIommuNode = virtioIommuNode(n);
        if (virtioIommuNode.isPresent()) {
            Optional<VirtioIommu> iommu = virtioIommu(ctx, c, virtioIommuNode.get());
            return new PcieHost(ecam, firstBus, lastBus, w.pio, w.mmio32, w.mmio64, intx, domain, msi, false, iommu);
        }
        boolean iommu = oneToOne(ctx, c, "iommu-map", smmu, "the platform's SMMUv3");
        return new PcieHost(ecam, firstBus, lastBus, w.pio, w.mmio32, w.mmio64, intx, domain, msi, iommu);
    }

    private record Windows(Region pio, Region mmio32, Optional<Region> mmio64) {
    }

    private static final List<String> VIRTIO_IOMMU_COMPATIBLE = List.of("virtio,pci-iommu", "pci1af4,1057");

    /** The host's child that is a virtio-iommu (virtio/iommu.yaml), if any. */
    private static Optional<Node> virtioIommuNode(Node host) {
        for (Node child : host.children()) {
            Optional<dev.hwdesc.fdt.PropertyValue> compatible = child.value("compatible");
            if (compatible.isPresent() && compatible.get().strings().contains("virtio,pci-iommu")) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /**
     * The virtio-iommu node (reg: its requester ID in phys.hi bits 23:8, the rest 0; #iommu-cells 1)
     * and the host's iommu-map sending every other requester ID to it one to one. Either not being
     * so leaves them listed, and the host without a virtio-iommu.
     */
    private static Optional<VirtioIommu> virtioIommu(ReadContext ctx, Claim c, Node node) throws Malformed {
        Optional<Long> phandle = node.value("phandle").filter(v -> v.length() == 4).map(v -> v.u32At(0));
        Optional<dev.hwdesc.fdt.PropertyValue> reg = node.value("reg");
        Optional<dev.hwdesc.fdt.PropertyValue> cells = node.value("#iommu-cells");
        boolean wellFormed = phandle.isPresent() && reg.isPresent() && reg.get().length() == 20
                && (reg.get().u32At(0) & ~0xffff00L) == 0 && reg.get().u32At(4) == 0 && reg.get().u32At(8) == 0
                && reg.get().u32At(12) == 0 && reg.get().u32At(16) == 0
                && cells.isPresent() && cells.get().length() == 4 && cells.get().u32At(0) == 1
                && node.childCount() == 0;
        if (!wellFormed) {
            c.leave("iommu-map", "names a virtio-iommu node that is not one the model can hold");
            return Optional.empty();
        }
        int bdf = (int) (reg.get().u32At(0) >> 8);
        long ph = phandle.get();
        Cells map = c.node().hasProperty("iommu-map") ? Cells.of(c.node().property("iommu-map").orElseThrow()) : null;
        List<Long> expected = List.of(0L, ph, 0L, (long) bdf, bdf + 1L, ph, bdf + 1L, 0xffffL - bdf);
        boolean mapOk = map != null && map.size() == expected.size();
        for (int i = 0; mapOk && i < expected.size(); i++) {
            mapOk = map.u32(i) == expected.get(i);
        }
        if (!mapOk) {
            c.leave("iommu-map", "not <0 &iommu 0 bdf  bdf+1 &iommu bdf+1 0xffff-bdf> around the virtio-iommu at 0x"
                    + Integer.toHexString(bdf));
            return Optional.empty();
        }
        c.take("iommu-map");
        c.interpretOther(node);
        for (dev.hwdesc.fdt.Property p : node.properties()) {
            if (p.name().equals("compatible") && !p.value().strings().equals(VIRTIO_IOMMU_COMPATIBLE)) {
                continue; // listed: the model implies QEMU's two strings
            }
            if (List.of("compatible", "reg", "#iommu-cells", "phandle").contains(p.name())) {
                c.takeOther(node, p);
            }
        }
        return Optional.of(new VirtioIommu(bdf));
    }

    private static Windows windows(ReadContext ctx, Claim c) throws Malformed {
        Node parent = c.node().parent().orElseThrow();
        int pac = Addresses.addressCells(parent);
        if (pac < 1 || pac > 2) {
            throw new Malformed("ranges: the host's parent has #address-cells " + pac);
        }
        Cells ranges = c.cells("ranges");
        int width = 3 + pac + 2;
        int n = ranges.groups(width, "ranges entries");
        Optional<Region> pio = Optional.empty();
        Optional<Region> mmio32 = Optional.empty();
        Optional<Region> mmio64 = Optional.empty();
        List<String> notKept = new ArrayList<>();
        boolean nonRelocatable = false;
        for (int i = 0; i < n; i++) {
            int at = i * width;
            long hi = ranges.u32(at);
            long pci = ranges.number(at + 1, 2);
            long size = ranges.number(at + 3 + pac, 2);
            Region cpu = ctx.addresses.translate(parent, ranges.number(at + 3, pac), size);
            long space = (hi >> 24) & 3;
            // Not prefetchable, not aliased, not a device's BAR; the non-relocatable bit means nothing here.
            boolean plain = (hi & ~(0x03000000L | NON_RELOCATABLE)) == 0;
            nonRelocatable |= plain && (hi & NON_RELOCATABLE) != 0;
            if (plain && space == SPACE_IO && pci == 0 && pio.isEmpty()) {
                pio = Optional.of(cpu);
            } else if (plain && space == SPACE_MEM32 && pci == cpu.base() && mmio32.isEmpty()) {
                mmio32 = Optional.of(cpu);
            } else if (plain && space == SPACE_MEM64 && pci == cpu.base() && mmio64.isEmpty()) {
                mmio64 = Optional.of(cpu);
            } else {
                notKept.add(String.format("0x%08x window at PCI 0x%x%s", hi, pci, (hi & PREFETCHABLE) != 0 ? " (prefetchable)" : ""));
            }
        }
        if (pio.isEmpty() || mmio32.isEmpty()) {
            throw new Malformed("ranges: the model needs an I/O window at PCI address 0 and an identity-mapped 32-bit memory window");
        }
        if (nonRelocatable) {
            notKept.add("the non-relocatable (n) bit of the windows kept");
        }
        if (!notKept.isEmpty()) {
            c.leave("ranges", "not kept: " + String.join(", ", notKept));
        }
        return new Windows(pio.get(), mmio32.get(), mmio64);
    }

    /** msi-map, else msi-parent, naming the GIC's MSI controller for every requester. */
    private static boolean msi(ReadContext ctx, Claim c, Optional<Node> controller) throws Malformed {
        if (c.node().hasProperty("msi-map")) {
            boolean msi = oneToOne(ctx, c, "msi-map", controller, "the GIC's MSI controller");
            if (c.node().hasProperty("msi-parent")) {
                c.leave("msi-parent", "msi-map takes precedence");
            }
            return msi;
        }
        if (!c.node().hasProperty("msi-parent")) {
            return false;
        }
        Cells parent = Cells.of(c.node().property("msi-parent").orElseThrow());
        if (parent.size() == 1 && controller.isPresent() && ctx.phandles.node(parent, 0) == controller.get()) {
            c.take("msi-parent");
            return true;
        }
        c.leave("msi-parent", "does not name the GIC's MSI controller alone");
        return false;
    }

    /** A map of one entry, <0 target 0 0x10000>, to {@code target}: taken and true; otherwise left. */
    private static boolean oneToOne(ReadContext ctx, Claim c, String name, Optional<Node> target, String what) throws Malformed {
        if (!c.node().hasProperty(name)) {
            return false;
        }
        Cells map = Cells.of(c.node().property(name).orElseThrow());
        if (map.size() == 4 && map.u32(0) == 0 && map.u32(2) == 0 && map.u32(3) == ALL_REQUESTERS
                && ctx.phandles.node(map.u32(1)).isPresent() && ctx.phandles.node(map.u32(1)).equals(target)) {
            c.take(name);
            return true;
        }
        String names = ctx.phandles.node(map.size() > 1 ? map.u32(1) : 0).map(Node::fullPath).orElse("no node");
        c.leave(name, "not one entry <0 &target 0 0x10000> to " + what + " (names " + names + ")");
        return false;
    }
}
