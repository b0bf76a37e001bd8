package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.table.Sdt;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.vectors.TestVectors;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table in QEMU's vectors, of both versions (data/qemu-acpi/v7.2.0 and master), decodes,
 * re-encodes to the same bytes, and dumps as text; tables with a layout decode to the last byte.
 */
class AcpiVectorRoundTripTest {

    /** Tables with a layout of their own: none of their parts may be left undecoded. */
    private static final Set<String> LAID_OUT = Set.of("APIC", "FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT", "SRAT",
            "SLIT", "VIOT");

    static Stream<Path> vectors() {
        Path qemuAcpi = TestVectors.data().resolve("qemu-acpi");
        return Stream.of("v7.2.0", "master")
                .flatMap(version -> TestVectors.files(qemuAcpi.resolve(version), "").stream())
                .filter(p -> !p.getFileName().toString().endsWith(".dsl"));
    }

    @org.junit.jupiter.api.Test
    void bothVersionsAreThere() {
        Path qemuAcpi = TestVectors.data().resolve("qemu-acpi");
        org.junit.jupiter.api.Assertions.assertEquals(34, TestVectors.files(qemuAcpi.resolve("v7.2.0"), "").stream()
                .filter(p -> !p.getFileName().toString().endsWith(".dsl")).count());
        org.junit.jupiter.api.Assertions.assertEquals(26, TestVectors.files(qemuAcpi.resolve("master"), "").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void roundTrip(Path file) {
        byte[] bytes = TestVectors.bytes(file);
        Structure table = TableLayouts.decode(bytes);
        assertArrayEquals(bytes, TableLayouts.encode(table), file.toString());
        String text = TableDumper.dump(table);
        String signature = new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\"" + signature + "\""), text);
        if (LAID_OUT.contains(signature)) {
            assertFalse(table.layout() == Sdt.GENERIC, signature + " decoded as a generic table");
            assertFullyDecoded(table, text);
        }
    }

    private static void assertFullyDecoded(Structure s, String text) {
        assertFalse(s.verbatim(), s.layout().name() + " was kept verbatim\n" + text);
        assertFalse(s.layout().name().equals("Unknown subtable"), "unknown subtable\n" + text);
        for (Structure c : s.children()) {
            assertFullyDecoded(c, text);
        }
    }
}
