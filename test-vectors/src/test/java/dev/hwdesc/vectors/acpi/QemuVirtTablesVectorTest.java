package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.MachineConfig;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The static tables hwdesc makes from {@code new QemuVirt().platform(config)} are byte for byte
 * QEMU 7.2's own (tests/data/acpi/virt at v7.2.0), FADT pointer fields zeroed on both sides.
 */
class QemuVirtTablesVectorTest {

    static Stream<Arguments> cases() {
        MachineConfig base = QemuAcpiVectors.base();
        MachineConfig hmat = QemuAcpiVectors.acpihmatvirt();
        return Stream.of(
                Stream.of("APIC", "FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT")
                        .map(sig -> Arguments.of(sig, sig, base)),
                // QEMU stores these variants with the base files' bytes: their options (NUMA, memory
                // hotplug, a pxb-pcie) change none of these tables.
                sameAsBase().stream().map(v -> Arguments.of(v, v.substring(0, 4), base)),
                Stream.of(Arguments.of("APIC.acpihmatvirt", "APIC", hmat), Arguments.of("PPTT.acpihmatvirt", "PPTT", hmat)))
                .flatMap(x -> x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameBytesAsQemu(String vector, String signature, MachineConfig config) {
        AcpiTables tables = QemuAcpiVectors.tables(config);
        byte[] expected = QemuAcpiVectors.unlinked(QemuAcpiVectors.vector(vector));
        byte[] actual = QemuAcpiVectors.unlinked(tables.bytes(signature));
        if (!java.util.Arrays.equals(expected, actual)) {
            assertEquals(TableDumper.dump(TableLayouts.decode(expected)) + hex(expected),
                    TableDumper.dump(TableLayouts.decode(actual)) + hex(actual), vector);
        }
    }

    private static String hex(byte[] b) {
        return "\n" + HexFormat.ofDelimiter(" ").formatHex(b) + "\n";
    }

    /** The variants QEMU stores with the same bytes as the base files. */
    static List<String> sameAsBase() {
        return List.of("APIC.memhp", "APIC.numamem", "FACP.memhp", "FACP.numamem", "GTDT.memhp", "GTDT.numamem",
                "MCFG.memhp", "MCFG.numamem", "SPCR.memhp", "SPCR.numamem", "IORT.memhp", "IORT.numamem", "IORT.pxb");
    }
}
