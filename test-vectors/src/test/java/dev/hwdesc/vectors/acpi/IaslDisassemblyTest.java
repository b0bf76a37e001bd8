package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table hwdesc writes for qemu-virt (but the RSDP, which iasl does not take as a file) goes
 * through {@code iasl -d} (20200925) without a warning or an error, and its disassembly has no
 * "****", "Invalid" or "should be" (iasl exits 0 even on a bad checksum, so the text is what tells).
 */
class IaslDisassemblyTest {

    private static MachineConfig.Builder qemu() {
        return MachineConfig.builder().cpu("cortex-a57").memory(1L << 30).firmware(true);
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("gicv2-1cpu", QemuAcpiVectors.base()),
                Arguments.of("gicv2-4cpu-2sockets", QemuAcpiVectors.acpihmatvirt()),
                Arguments.of("gicv2-8cpu-el2", qemu().cpus(8).gicVersion(2).virtualization(true).build()),
                Arguments.of("gicv3-its-4cpu", qemu().cpus(4).gicVersion(3).build()),
                Arguments.of("gicv3-no-its", qemu().cpus(2).gicVersion(3).its(false).build()),
                Arguments.of("gicv3-smmuv3", qemu().cpus(2).gicVersion(3).iommu(MachineConfig.Iommu.SMMUV3).build()),
                Arguments.of("gicv3-smmuv3-bypass", qemu().cpus(2).gicVersion(3).iommu(MachineConfig.Iommu.SMMUV3)
                        .iommuBypass(true).build()),
                Arguments.of("gicv3-secure", qemu().cpus(2).gicVersion(3).secure(true).build()),
                Arguments.of("gicv4-el2", qemu().cpus(4).gicVersion(4).virtualization(true).cpu("max").build()),
                Arguments.of("gicv3-200cpu", qemu().cpus(200).gicVersion(3).cpu("max").memory(4L << 30).build()),
                Arguments.of("gicv3-topology-threads", qemu().cpus(16).gicVersion(3).topology(new MachineConfig.Topology(
                        Optional.of(2), Optional.of(2), Optional.of(2), Optional.of(2))).build()),
                Arguments.of("gicv3-nopmu", qemu().cpus(2).gicVersion(3).pmu(false).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void disassemblesCleanly(String name, MachineConfig config, @TempDir Path dir) throws IOException {
        String iasl = ReferenceTool.IASL.require();
        AcpiTables tables = QemuAcpiVectors.tables(config);
        List<String> problems = new ArrayList<>();
        for (String signature : tables.tables().keySet()) {
            if (!signature.equals("RSDP")) {
                problems.addAll(problems(iasl, dir, signature, tables.bytes(signature)));
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    /** The check itself: a table with a wrong checksum is reported. */
    @org.junit.jupiter.api.Test
    void reportsBadChecksum(@TempDir Path dir) throws IOException {
        String iasl = ReferenceTool.IASL.require();
        byte[] apic = QemuAcpiVectors.tables(QemuAcpiVectors.base()).bytes("APIC");
        apic[9] ^= 1;
        assertTrue(!problems(iasl, dir, "APIC", apic).isEmpty());
    }

    private static List<String> problems(String iasl, Path dir, String signature, byte[] table) throws IOException {
        List<String> problems = new ArrayList<>();
        Path dat = dir.resolve(signature + ".dat");
        Files.write(dat, table);
        ReferenceTool.Result r = ReferenceTool.run(List.of(iasl, "-d", dat.getFileName().toString()), null, 60, dir);
        assertEquals(0, r.exitCode(), signature + ": " + r.stderr() + r.stdoutText());
        for (String line : (r.stdoutText() + "\n" + r.stderr()).split("\n")) {
            if (line.contains("Warning") || line.contains("Error") || line.contains("error")) {
                problems.add(signature + " (iasl): " + line.strip());
            }
        }
        Path dsl = dir.resolve(signature + ".dsl");
        if (!Files.exists(dsl)) {
            fail(signature + ": iasl wrote no .dsl: " + r.stdoutText() + r.stderr());
        }
        String text = Files.readString(dsl, StandardCharsets.ISO_8859_1);
        // A data table is dumped field by field; AML (the DSDT) becomes ASL.
        String disassembled = signature.equals("DSDT") ? "DefinitionBlock (\"\", \"DSDT\"" : "Signature : \"" + signature + "\"";
        assertTrue(text.contains(disassembled), signature + ": not disassembled as a table\n" + text);
        for (String line : text.split("\n")) {
            if (line.contains("****") || line.contains("Invalid") || line.contains("should be")) {
                problems.add(signature + " (dsl): " + line.strip());
            }
        }
        return problems;
    }
}
