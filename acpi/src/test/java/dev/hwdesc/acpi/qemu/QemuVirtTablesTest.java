package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void itsWithoutItsIsQemusQuirkAndCanBeLeftOut() {
        Platform p = platform(MachineConfig.builder().gicVersion(3).its(false));
        List<Long> types = subtableTypes(QemuVirtTables.of(p).table("APIC"));
        assertTrue(types.contains((long) Madt.ITS_TYPE));
        List<Long> faithful = subtableTypes(QemuVirtTables.of(p, QemuVirtTables.Options.qemu72().withoutPhantomIts()).table("APIC"));
        assertFalse(faithful.contains((long) Madt.ITS_TYPE));
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
}
