package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.FwCfg;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.PlatformBus;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.Smmuv3;
import dev.hwdesc.platform.VirtioMmio;
import dev.hwdesc.platform.XenHypervisor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The devices that are a region, maybe interrupts, and a flag or two: virtio-mmio transports
 * (virtio/mmio.yaml), QEMU's fw_cfg, the SMMUv3 (iommu/arm,smmu-v3.yaml), QEMU's platform bus and
 * the Xen hypervisor node (arm/xen.txt). The model takes DMA as coherent, as QEMU's are, so
 * dma-coherent is taken where the model has such a device.
 */
final class SimpleDevices {

    private SimpleDevices() {
    }

    static List<VirtioMmio> virtioMmio(ReadContext ctx) {
        List<VirtioMmio> out = new ArrayList<>();
        for (Node n : ctx.all(NodeRole.VIRTIO_MMIO)) {
            ctx.read(n, c -> {
                c.compatible("virtio,mmio");
                c.flag("dma-coherent");
                return new VirtioMmio(DeviceParts.firstRegion(ctx, c), DeviceParts.firstInterrupt(ctx, c));
            }).ifPresent(out::add);
        }
        return out;
    }

    static Optional<FwCfg> fwCfg(ReadContext ctx) {
        return ctx.single(NodeRole.FW_CFG, "fw_cfg").flatMap(n -> ctx.read(n, c -> {
            c.compatible("qemu,fw-cfg-mmio");
            c.flag("dma-coherent");
            return new FwCfg(DeviceParts.firstRegion(ctx, c));
        }));
    }

    /** The SMMUv3 and its node (what a PCIe host's iommu-map must name). */
    record Smmu(Smmuv3 smmu, Node node) {
    }

    /** The SMMUv3 with its four interrupts, put in the model's order by interrupt-names. */
    static Optional<Smmu> smmu(ReadContext ctx) {
        return ctx.single(NodeRole.SMMU_V3, "SMMUv3").flatMap(n -> ctx.read(n, c -> {
            c.compatible("arm,smmu-v3");
            c.flag("dma-coherent");
            if (c.u32("#iommu-cells") != 1) {
                throw new Malformed("#iommu-cells should be 1 (a stream ID)");
            }
            Region mmio = DeviceParts.firstRegion(ctx, c);
            List<Interrupt> irqs = ctx.interrupts.of(c);
            List<String> names = c.strings("interrupt-names");
            if (names.size() != irqs.size() || !names.containsAll(Smmuv3.INTERRUPT_NAMES) || names.size() != 4) {
                throw new Malformed("interrupt-names " + Claim.quoted(names) + ": the model holds exactly "
                        + Claim.quoted(Smmuv3.INTERRUPT_NAMES));
            }
            List<Interrupt> ordered = new ArrayList<>();
            for (String name : Smmuv3.INTERRUPT_NAMES) {
                ordered.add(irqs.get(names.indexOf(name)));
            }
            return new Smmu(new Smmuv3(mmio, ordered), n);
        }));
    }

    /**
     * QEMU's platform bus: a simple-bus whose ranges map one window from bus address 0, where
     * devices plugged at run time appear. The tree does not say its SPIs.
     */
    static Optional<PlatformBus> platformBus(ReadContext ctx) {
        return ctx.single(NodeRole.PLATFORM_BUS, "platform bus").flatMap(n -> ctx.read(n, c -> {
            c.compatible("qemu,platform", "simple-bus");
            Cells ranges = c.cells("ranges");
            Node parent = n.parent().orElseThrow();
            int ac = Addresses.addressCells(n);
            int pac = Addresses.addressCells(parent);
            int sc = Addresses.sizeCells(n);
            if (ac > 2 || pac > 2 || sc > 2 || ranges.size() != ac + pac + sc) {
                throw new Malformed("ranges: the platform bus is one window of at most 2-cell addresses and sizes");
            }
            if (ranges.number(0, ac) != 0) {
                throw new Malformed("ranges: the window starts at bus address 0x" + Long.toHexString(ranges.number(0, ac))
                        + "; the model's starts at 0");
            }
            Region window = ctx.addresses.translate(parent, ranges.number(ac, pac), ranges.number(ac + pac, sc));
            return new PlatformBus(window, Optional.empty());
        }));
    }

    /** The Xen hypervisor node: compatible "xen,xen-VERSION", "xen,xen"; the grant table; the event-channel PPI. */
    static Optional<XenHypervisor> xen(ReadContext ctx) {
        return ctx.single(NodeRole.XEN, "Xen hypervisor node").flatMap(n -> ctx.read(n, c -> {
            List<String> compatible = c.strings("compatible");
            if (compatible.size() != 2 || !compatible.get(0).startsWith("xen,xen-") || !compatible.get(1).equals("xen,xen")) {
                throw new Malformed("compatible " + Claim.quoted(compatible) + " is not \"xen,xen-VERSION\", \"xen,xen\"");
            }
            return new XenHypervisor(compatible.get(0).substring("xen,xen-".length()), DeviceParts.firstRegion(ctx, c),
                    DeviceParts.firstInterrupt(ctx, c));
        }));
    }
}
