package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.table.Iort;
import dev.hwdesc.acpi.table.Madt;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QemuVirtTablesTest {

    private static Platform platform(MachineConfig.Builder b) {
        try {
            return new QemuVirt().platform(b.cpu("cortex-a57").firmware(true).build());
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long u(byte[] b, int at, int width) {
        return TableCodec.number(b, at, width);
    }

    @Test
    void bootArchFollowsThePsciConduit() {
        assertEquals(3, u(QemuVirtTables.of(platform(MachineConfig.builder())).bytes("FACP"), 129, 2));
        assertEquals(1, u(QemuVirtTables.of(platform(MachineConfig.builder().virtualization(true))).bytes("FACP"), 129, 2));
        assertEquals(0, u(QemuVirtTables.of(platform(MachineConfig.builder().secure(true))).bytes("FACP"), 129, 2));
    }

    @Test
    void withItsOffTheMadtHasNoItsUnlessQemusDefectIsAskedFor() {
        Platform p = platform(MachineConfig.builder().gicVersion(3).its(false));
        assertFalse(subtableTypes(QemuVirtTables.of(p).table("APIC")).contains((long) Madt.ITS_TYPE));
        List<Long> qemu = subtableTypes(QemuVirtTables.of(p, only(QemuDefect.ITS_IN_MADT_WITHOUT_ITS)).table("APIC"));
        assertEquals(1, qemu.stream().filter(t -> t == Madt.ITS_TYPE).count());
    }

    @Test
    void gicv2WithoutEl2NamesNoVirtualFramesUnlessQemusDefectIsAskedFor() {
        Platform p = platform(MachineConfig.builder().gicVersion(2));
        byte[] gicc = firstGicc(QemuVirtTables.of(p).bytes("APIC"));
        assertEquals(List.of(0L, 0L), List.of(u(gicc, 40, 8), u(gicc, 48, 8)), "GICV, GICH");
        byte[] qemu = firstGicc(QemuVirtTables.of(p, only(QemuDefect.GICV2_VIRTUAL_FRAMES_WITHOUT_EL2)).bytes("APIC"));
        assertEquals(List.of(0x08040000L, 0x08030000L), List.of(u(qemu, 40, 8), u(qemu, 48, 8)));
        Platform el2 = platform(MachineConfig.builder().gicVersion(2).virtualization(true));
        byte[] real = firstGicc(QemuVirtTables.of(el2).bytes("APIC"));
        assertEquals(List.of(0x08040000L, 0x08030000L), List.of(u(real, 40, 8), u(real, 48, 8)), "the platform's frames");
    }

    @Test
    void withoutAnItsTheIortHasNoItsGroupUnlessQemusDefectIsAskedFor() {
        for (MachineConfig.Builder b : List.of(MachineConfig.builder().gicVersion(2),
                MachineConfig.builder().gicVersion(3).its(false))) {
            Platform p = platform(b);
            byte[] iort = QemuVirtTables.of(p).bytes("IORT");
            assertEquals(1, u(iort, 36, 4), "one node: the root complex");
            assertEquals(Iort.ROOT_COMPLEX_TYPE, u(iort, 48, 1));
            assertEquals(0, u(iort, 48 + 8, 4), "with no ID mappings");
            byte[] qemu = QemuVirtTables.of(p, only(QemuDefect.ITS_GROUP_WITHOUT_ITS)).bytes("IORT");
            assertEquals(2, u(qemu, 36, 4));
            assertEquals(Iort.ITS_GROUP_TYPE, u(qemu, 48, 1));
        }
        Platform its = platform(MachineConfig.builder().gicVersion(3));
        assertArrayEquals(QemuVirtTables.of(its, QemuVirtTables.Options.qemu72()).bytes("IORT"),
                QemuVirtTables.of(its).bytes("IORT"), "with an ITS, QEMU's IORT is right");
    }

    private static QemuVirtTables.Options only(QemuDefect d) {
        return QemuVirtTables.Options.defaults().withDefects(java.util.Set.of(d));
    }

    private static byte[] firstGicc(byte[] madt) {
        int at = 44;
        while (madt[at] != Madt.GICC_TYPE) {
            at += madt[at + 1] & 0xFF;
        }
        return java.util.Arrays.copyOfRange(madt, at, at + 80);
    }

    private static List<Long> subtableTypes(Structure madt) {
        return madt.children().stream().map(c -> c.number("Type")).toList();
    }

    @Test
    void addressesFillThePointerFields() {
        Platform p = platform(MachineConfig.builder());
        Map<String, Long> at = Map.of("DSDT", 0x4000_1000L, "FACP", 0x4000_2000L, "APIC", 0x4000_3000L, "XSDT", 0x4000_9000L);
        AcpiTables t = QemuVirtTables.of(p, QemuVirtTables.Options.qemu72().withAddresses(at));
        byte[] fadt = t.bytes("FACP");
        assertEquals(0x4000_1000L, u(fadt, 140, 8));
        assertEquals(0, u(fadt, 40, 4));
        byte[] xsdt = t.bytes("XSDT");
        List<String> listed = t.tables().keySet().stream().filter(s -> !List.of("XSDT", "RSDP", "DSDT").contains(s)).toList();
        assertEquals(36 + 8 * listed.size(), xsdt.length);
        assertEquals(0x4000_2000L, u(xsdt, 36, 8));
        assertEquals(0x4000_3000L, u(xsdt, 44, 8));
        assertEquals(0, u(xsdt, 52, 8), "a table without an address is 0");
        assertEquals(0x4000_9000L, u(t.bytes("RSDP"), 24, 8));
        assertEquals(0, u(QemuVirtTables.of(p).bytes("RSDP"), 24, 8));
    }

    @Test
    void identityAndGtdtRevisionAreOptions() {
        Platform p = platform(MachineConfig.builder());
        AcpiTables t = QemuVirtTables.of(p, QemuVirtTables.Options.qemu72()
                .withIdentity(new AcpiIdentity("HWDESC", "VIRT0001", 2, "HWDS", 3)).withGtdtRevision(3));
        byte[] gtdt = t.bytes("GTDT");
        assertEquals(104, gtdt.length);
        assertEquals(3, gtdt[8]);
        assertEquals("HWDESCVIRT0001", new String(gtdt, 10, 14, java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> new AcpiIdentity("TOOLONG", "X", 1, "Y", 1));
    }

    @Test
    void gicv3RedistributorRegionsAndMpidrs() {
        Platform p = platform(MachineConfig.builder().gicVersion(3).cpus(200).cpu("max").memory(4L << 30));
        Structure madt = QemuVirtTables.of(p).table("APIC");
        List<Structure> gicr = madt.children().stream().filter(c -> c.layout() == Madt.GICR).toList();
        assertEquals(p.gic().map(g -> ((dev.hwdesc.platform.GicV3) g).redistributorRegions().size()).orElse(0), gicr.size());
        assertEquals(2, gicr.size());
        List<Structure> gicc = madt.children().stream().filter(c -> c.layout() == Madt.GICC).toList();
        assertEquals(200, gicc.size());
        assertEquals(p.cpus().get(17).mpidr(), gicc.get(17).number("MPIDR"));
    }

    private static MachineConfig.Builder twoNodes() {
        return MachineConfig.builder().cpus(3).memory(256L << 20).numaNodes(List.of(
                new MachineConfig.NumaNode(List.of(0, 1), 64L << 20),
                new MachineConfig.NumaNode(List.of(2), 0),
                new MachineConfig.NumaNode(List.of(), 192L << 20)));
    }

    @Test
    void numaTablesComeAfterDbg2AndTheViotAfterTheIort() {
        assertFalse(QemuVirtTables.of(platform(MachineConfig.builder())).tables().containsKey("SRAT"));
        assertEquals(List.of("DSDT", "FACP", "APIC", "PPTT", "GTDT", "MCFG", "SPCR", "DBG2", "SRAT", "IORT", "XSDT", "RSDP"),
                List.copyOf(QemuVirtTables.of(platform(twoNodes())).tables().keySet()));
        AcpiTables all = QemuVirtTables.of(platform(twoNodes().numaDistances(List.of(
                List.of(10, 15, 20), List.of(15, 10, 25), List.of(20, 25, 10))).iommu(MachineConfig.Iommu.VIRTIO)));
        assertEquals(List.of("DSDT", "FACP", "APIC", "PPTT", "GTDT", "MCFG", "SPCR", "DBG2", "SRAT", "SLIT", "IORT", "VIOT",
                "XSDT", "RSDP"), List.copyOf(all.tables().keySet()));
        assertEquals(11, all.table("XSDT").children().size(), "every table but the DSDT, the XSDT and the RSDP");
        byte[] slit = all.bytes("SLIT");
        assertEquals(44 + 9, slit.length);
        assertEquals(3, u(slit, 36, 8));
        assertEquals(25, slit[44 + 5]);
        byte[] viot = all.bytes("VIOT");
        assertEquals(2 << 3, u(viot, 48 + 6, 2), "the virtio-iommu's BDF");
        assertEquals(48, u(viot, 64 + 16, 2), "the PCI range's output node");
    }

    @Test
    void sratGivesEachCpuAndEachNodesRamItsNodeAndSkipsANodeWithoutRam() {
        Structure srat = QemuVirtTables.of(platform(twoNodes())).table("SRAT");
        List<Structure> gicc = srat.children().stream().filter(c -> c.layout() == dev.hwdesc.acpi.table.Srat.GICC).toList();
        assertEquals(List.of(0L, 0L, 1L), gicc.stream().map(c -> c.number("Proximity Domain")).toList());
        assertEquals(List.of(0L, 1L, 2L), gicc.stream().map(c -> c.number("ACPI Processor UID")).toList());
        List<Structure> mem = srat.children().stream().filter(c -> c.layout() == dev.hwdesc.acpi.table.Srat.MEMORY).toList();
        assertEquals(2, mem.size());
        assertEquals(List.of(0L, 2L), mem.stream().map(c -> c.number("Proximity Domain")).toList());
        assertEquals(0x44000000L, mem.get(1).number("Base Address"));
        assertEquals(192L << 20, mem.get(1).number("Range Length"));
    }

    @Test
    void hotpluggableMemoryGoesToTheLastNode() throws ConfigException {
        MachineConfig c = twoNodes().cpu("cortex-a57").firmware(true)
                .memoryHotplug(new MachineConfig.MemoryHotplug(3, 1L << 30)).build();
        Platform p = new QemuVirt().platform(c);
        Structure srat = QemuVirtTables.of(p, QemuVirtTables.Options.qemu72()
                .withHotpluggableMemory(QemuVirt.deviceMemory(c, p))).table("SRAT");
        Structure last = srat.children().get(srat.children().size() - 1);
        assertEquals(2, last.number("Proximity Domain"));
        assertEquals(0x80000000L, last.number("Base Address"));
        assertEquals((768L << 20) + (3L << 30), last.number("Range Length"));
        assertEquals(3, last.number("Flags"), "enabled, hot-pluggable");
    }
}
