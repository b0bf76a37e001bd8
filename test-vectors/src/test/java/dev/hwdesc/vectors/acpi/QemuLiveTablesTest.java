package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.vectors.TestVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hwdesc's tables against the ones QEMU 7.2 (Debian 7.2.22) handed to AAVMF in a live boot
 * (data/qemu-acpi/live-7.2, made by scripts/dump-qemu-acpi-live.py). The firmware links the tables
 * and writes its own RSDP and XSDT, so those two are not compared, and the FADT is compared with its
 * pointer fields zeroed on both sides. hwdesc's tables here are made with QEMU's defects
 * (QemuAcpiVectors.tables); QemuDefectEvidenceTest compares its defaults with the same captures.
 */
class QemuLiveTablesTest {

    private static final Map<String, MachineConfig> CONFIGS = QemuAcpiCaptures.LIVE;

    static Path dir() {
        return QemuAcpiVectors.dir().resolveSibling("live-7.2");
    }

    static Stream<Arguments> dumps() {
        List<Arguments> out = new ArrayList<>();
        for (String name : CONFIGS.keySet().stream().sorted().toList()) {
            Path d = dir().resolve(name);
            for (Path f : TestVectors.files(d, "")) {
                String sig = f.getFileName().toString();
                if (sig.length() == 4 && !sig.equals("RSDP") && !sig.equals("XSDT")) {
                    out.add(Arguments.of(name + "/" + sig, name, sig));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void sameBytesAsLiveQemu(String what, String config, String signature) {
        AcpiTables tables = QemuAcpiVectors.tables(CONFIGS.get(config));
        assertTrue(tables.tables().containsKey(signature), "hwdesc makes no " + signature + " for " + config);
        byte[] expected = QemuAcpiVectors.unlinked(TestVectors.bytes(dir().resolve(config).resolve(signature)));
        byte[] actual = QemuAcpiVectors.unlinked(tables.bytes(signature));
        if (!java.util.Arrays.equals(expected, actual)) {
            assertEquals(TableDumper.dump(TableLayouts.decode(expected)), TableDumper.dump(TableLayouts.decode(actual)), what);
        }
    }

    /** hwdesc writes a table for every one QEMU listed (the DSDT, kept in two folders only, aside). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configNames")
    void sameSetOfTables(String config) {
        Path d = dir().resolve(config);
        List<String> live = new ArrayList<>();
        for (Path f : TestVectors.files(d, "")) {
            String sig = f.getFileName().toString();
            if (sig.length() == 4 && !sig.equals("DSDT")) {
                live.add(sig);
            }
        }
        List<String> ours = new ArrayList<>(QemuAcpiVectors.tables(CONFIGS.get(config)).tables().keySet());
        ours.remove("DSDT"); // kept from two captures only; compared with them by sameBytesAsLiveQemu
        assertEquals(live.stream().sorted().toList(), ours.stream().sorted().toList());
    }

    static Stream<String> configNames() {
        return CONFIGS.keySet().stream().sorted();
    }
}
