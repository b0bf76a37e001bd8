package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.table.Sdt;
import dev.hwdesc.acpi.table.Srat;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.VirtioIommu;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SRAT, SLIT and VIOT hwdesc makes for bios-tables-test's configs against QEMU 7.2's own
 * (tests/data/acpi/virt at v7.2.0), byte for byte where the model can say the config, and otherwise
 * with the one difference named.
 */
class QemuVirtNumaViotVectorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SRAT.numamem", "SRAT", QemuAcpiVectors.numamem()),
                Arguments.of("SRAT.acpihmatvirt", "SRAT", QemuAcpiVectors.acpihmatvirt()),
                Arguments.of("SLIT.memhp", "SLIT", QemuAcpiVectors.memhp()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameBytesAsQemu(String vector, String signature, MachineConfig config) {
        byte[] actual = QemuAcpiVectors.tables(config, QemuAcpiVectors.platform(config)).bytes(signature);
        assertSame(QemuAcpiVectors.vector(vector), actual, vector);
    }

    /**
     * bios-tables-test runs with -nodefaults, so its virtio-iommu-pci is the first device after the
     * host bridge: 00:01.0. The model (and a MachineConfig) always puts it at 00:02.0, after QEMU's
     * default network card; the platform is given the vector's BDF here. With the model's own BDF,
     * that one field is the only difference.
     */
    @Test
    void viotWithTheVectorsBdf() {
        byte[] expected = QemuAcpiVectors.vector("VIOT");
        Platform p = QemuAcpiVectors.platform(QemuAcpiVectors.viot());
        byte[] models = QemuAcpiVectors.tables(QemuAcpiVectors.viot(), p).bytes("VIOT");
        assertEquals(2 << 3, TableCodec.number(models, 48 + 6, 2), "the model's BDF: 00:02.0");
        assertEquals(1 << 3, TableCodec.number(expected, 48 + 6, 2), "the vector's BDF: 00:01.0");
        byte[] patched = models.clone();
        patched[48 + 6] = 1 << 3;
        assertArrayEquals(checksumZeroed(expected), checksumZeroed(patched), "only the BDF differs");
        byte[] ours = QemuAcpiVectors.tables(QemuAcpiVectors.viot(), withVirtioIommuAt(p, 1 << 3)).bytes("VIOT");
        assertSame(expected, ours, "VIOT");
    }

    /**
     * QEMU's .memhp config also plugs an nvdimm (128 MiB at 0x88000000 in node 1), which adds a
     * non-volatile memory affinity before the hot-pluggable range; the model has no nvdimm. Without
     * that one entry, QEMU's SRAT is hwdesc's byte for byte.
     */
    @Test
    void sratOfMemhpDiffersOnlyByTheNvdimm() {
        byte[] expected = QemuAcpiVectors.vector("SRAT.memhp");
        byte[] ours = QemuAcpiVectors.tables(QemuAcpiVectors.memhp(), QemuAcpiVectors.platform(QemuAcpiVectors.memhp()))
                .bytes("SRAT");
        int at = nonVolatileEntry(expected);
        assertEquals(0x88000000L, TableCodec.number(expected, at + 8, 8), "the nvdimm's base");
        byte[] without = new byte[expected.length - Srat.MEMORY.size()];
        System.arraycopy(expected, 0, without, 0, at);
        System.arraycopy(expected, at + Srat.MEMORY.size(), without, at, expected.length - at - Srat.MEMORY.size());
        without[4] = (byte) without.length;
        assertArrayEquals(checksumZeroed(without), checksumZeroed(ours));
        assertEquals(expected.length - Srat.MEMORY.size(), ours.length);
    }

    /** The one memory affinity with the non-volatile flag. */
    private static int nonVolatileEntry(byte[] srat) {
        int found = -1;
        for (int at = Srat.LAYOUT.size(); at < srat.length; at += srat[at + 1] & 0xff) {
            if (srat[at] == Srat.MEMORY_TYPE
                    && (TableCodec.number(srat, at + Srat.MEMORY.field("Flags").offset(), 4) & Srat.MEMORY_NON_VOLATILE) != 0) {
                assertEquals(-1, found, "one nvdimm");
                found = at;
            }
        }
        return found;
    }

    private static Platform withVirtioIommuAt(Platform p, int bdf) {
        PcieHost h = p.pcie().orElseThrow();
        PcieHost moved = new PcieHost(h.ecam(), h.firstBus(), h.lastBus(), h.pio(), h.mmio32(), h.mmio64(), h.intx(),
                h.domain(), h.msi(), h.smmu(), Optional.of(new VirtioIommu(bdf)));
        return new Platform(p.model(), p.compatible(), p.architecture(), p.cpus(), p.topology(), p.memory(),
                p.numaDistances(), p.gic(), p.timer(), p.pmu(), p.psci(), p.peripheralClock(), p.uarts(), p.rtc(), p.gpio(),
                p.virtioMmio(), Optional.of(moved), p.smmu(), p.fwCfg(), p.flash(), p.platformBus(), p.ged(), p.secureWorld(),
                p.xen(), p.chosen());
    }

    private static byte[] checksumZeroed(byte[] table) {
        byte[] t = table.clone();
        t[Sdt.HEADER.field(Sdt.CHECKSUM).offset()] = 0;
        return t;
    }

    private static void assertSame(byte[] expected, byte[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            assertEquals(TableDumper.dump(TableLayouts.decode(expected)) + hex(expected),
                    TableDumper.dump(TableLayouts.decode(actual)) + hex(actual), what);
        }
    }

    private static String hex(byte[] b) {
        return "\n" + HexFormat.ofDelimiter(" ").formatHex(b) + "\n";
    }
}
