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
import dev.hwdesc.platform.Flash;
import dev.hwdesc.platform.FwCfg;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.PlatformBus;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.Smmuv3;
import dev.hwdesc.platform.VirtioMmio;
import dev.hwdesc.platform.XenHypervisor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** virtio-mmio, fw_cfg, the SMMUv3, flash, QEMU's platform bus and the Xen node. */
class SimpleDevicesTest {

    @Test
    void virtioTransportsInTreeOrder() {
        PlatformReading r = read(vm(
                node("virtio_mmio@a000200", strings("compatible", "virtio,mmio"), cells("reg", 0, 0xa000200, 0, 0x200),
                        cells("interrupts", 0, 17, 1), empty("dma-coherent")),
                node("virtio_mmio@a000000", strings("compatible", "virtio,mmio"), cells("reg", 0, 0xa000000, 0, 0x200),
                        cells("interrupts", 0, 16, 1), empty("dma-coherent"))));
        assertEquals(List.of(new VirtioMmio(new Region(0xa000200L, 0x200), Interrupt.spi(17, Interrupt.Trigger.EDGE_RISING)),
                new VirtioMmio(new Region(0xa000000L, 0x200), Interrupt.spi(16, Interrupt.Trigger.EDGE_RISING))),
                r.platform().virtioMmio());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aFlagWithAValueIsMalformed() {
        PlatformReading r = read(vm(node("fw-cfg@9020000", strings("compatible", "qemu,fw-cfg-mmio"),
                cells("reg", 0, 0x9020000, 0, 0x18), cells("dma-coherent", 1))));
        assertEquals(Optional.empty(), r.platform().fwCfg());
        assertEquals(List.of("/fw-cfg@9020000: dma-coherent: has a value; it is a flag and should be empty"), left(r));
        assertEquals(Optional.of(new FwCfg(new Region(0x9020000L, 0x18))), read(vm(node("fw-cfg@9020000",
                strings("compatible", "qemu,fw-cfg-mmio"), cells("reg", 0, 0x9020000, 0, 0x18)))).platform().fwCfg());
    }

    @Test
    void theSmmusInterruptsArePutInTheModelsOrderByName() {
        PlatformReading r = read(vm(node("smmu@9050000", strings("compatible", "arm,smmu-v3"), cells("reg", 0, 0x9050000, 0, 0x20000),
                spis(1, 2, 3, 4), strings("interrupt-names", "gerror", "eventq", "cmdq-sync", "priq"), cells("#iommu-cells", 1))));
        Interrupt.Trigger level = Interrupt.Trigger.LEVEL_HIGH;
        assertEquals(Optional.of(new Smmuv3(new Region(0x9050000L, 0x20000), List.of(Interrupt.spi(2, level), Interrupt.spi(4, level),
                Interrupt.spi(3, level), Interrupt.spi(1, level)))), r.platform().smmu());
        assertEquals(List.of(), left(r));
    }

    @Test
    void anSmmuWithoutAPriqIsListed() {
        PlatformReading r = read(vm(node("smmu@9050000", strings("compatible", "arm,smmu-v3"), cells("reg", 0, 0x9050000, 0, 0x20000),
                spis(1, 2, 3), strings("interrupt-names", "eventq", "gerror", "cmdq-sync"), cells("#iommu-cells", 1))));
        assertEquals(List.of("/smmu@9050000: interrupt-names \"eventq\", \"gerror\", \"cmdq-sync\": the model holds exactly "
                + "\"eventq\", \"priq\", \"cmdq-sync\", \"gerror\""), left(r));
    }

    @Test
    void oneFlashNodeOfTwoBanks() {
        PlatformReading r = read(vm(node("flash@0", strings("compatible", "cfi-flash"),
                cells("reg", 0, 0, 0, 0x4000000, 0, 0x4000000, 0, 0x4000000), cells("bank-width", 4))));
        assertEquals(Optional.of(new Flash(List.of(new Region(0, 0x4000000), new Region(0x4000000, 0x4000000)), 4, false)),
                r.platform().flash());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aSecureOnlyFirstBank() {
        PlatformReading r = read(vm(
                node("flash@4000000", strings("compatible", "cfi-flash"), cells("reg", 0, 0x4000000, 0, 0x4000000), cells("bank-width", 4)),
                node("secflash@0", strings("compatible", "cfi-flash"), cells("reg", 0, 0, 0, 0x4000000), cells("bank-width", 4),
                        strings("status", "disabled"), strings("secure-status", "okay")),
                node("flash@8000000", strings("compatible", "cfi-flash"), cells("reg", 0, 0x8000000, 0, 0x4000000), cells("bank-width", 4))));
        assertEquals(Optional.of(new Flash(List.of(new Region(0, 0x4000000), new Region(0x4000000, 0x4000000)), 4, true)),
                r.platform().flash());
        assertEquals(List.of("/flash@8000000: a second flash node: the platform holds one of each"), left(r));
    }

    @Test
    void qemusPlatformBus() {
        PlatformReading r = read(vm(node("platform-bus@c000000", strings("compatible", "qemu,platform", "simple-bus"),
                cells("#address-cells", 1), cells("#size-cells", 1), cells("ranges", 0, 0, 0xc000000, 0x2000000),
                cells("interrupt-parent", GIC))));
        assertEquals(Optional.of(new PlatformBus(new Region(0xc000000L, 0x2000000), Optional.empty())), r.platform().platformBus());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aXenGuest() {
        Node xen = node("hypervisor", strings("compatible", "xen,xen-4.17", "xen,xen"), cells("reg", 0, 0x38000000, 0, 0x1000000),
                cells("interrupts", 1, 15, 0xf08), node("uefi", strings("xen,uefi-system-table", "x")));
        PlatformReading r = read(vm(xen));
        assertEquals(Optional.of(new XenHypervisor("4.17", new Region(0x38000000L, 0x1000000),
                new Interrupt(Interrupt.Kind.PPI, 15, Interrupt.Trigger.LEVEL_LOW, 0xf))), r.platform().xen());
        assertEquals(List.of("/hypervisor/uefi: not recognised"), left(r));
    }
}
