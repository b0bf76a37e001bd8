package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.acpi.table.Sdt;
import dev.hwdesc.acpi.table.Srat;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.MachineConfig;
import java.util.Arrays;
import java.util.HexFormat;
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
                Arguments.of("HMAT.acpihmatvirt", "HMAT", QemuAcpiVectors.acpihmatvirt()),
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
     * host bridge: 00:01.0, which iommu-slot: 1 says (hwdesc's default is slot 2, after QEMU's
     * default network card).
     */
    @Test
    void viotWithTheIommuInSlotOne() {
        byte[] expected = QemuAcpiVectors.vector("VIOT");
        assertEquals(1 << 3, TableCodec.number(expected, 48 + 6, 2), "the vector's BDF: 00:01.0");
        MachineConfig slotOne = QemuAcpiVectors.viotConfig().virtioIommuSlot(1).build();
        assertSame(expected, QemuAcpiVectors.tables(slotOne, QemuAcpiVectors.platform(slotOne)).bytes("VIOT"), "VIOT");
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
