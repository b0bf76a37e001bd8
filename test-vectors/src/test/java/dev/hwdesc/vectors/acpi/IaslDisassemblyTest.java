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
 * Every table hwdesc writes for qemu-virt (but the RSDP, which iasl does not take as a file), on its
 * defaults and with QEMU's defects, goes through {@code iasl -d} (20200925) without a warning or an error, and its disassembly has no
 * "****", "Invalid" or "should be" (iasl exits 0 even on a bad checksum, so the text is what tells).
 */
class IaslDisassemblyTest {

    /**
     * Tables iasl 20200925 does not know (the VIOT came with ACPICA 20210604): it dumps their header,
     * checks their checksum and length, says "Unknown ACPI table signature" and dumps the body raw.
     * For them only the header and checksum are checked.
     */
    private static final java.util.Set<String> UNKNOWN_TO_IASL = java.util.Set.of("VIOT");

    private static MachineConfig.Builder qemu() {
        return MachineConfig.builder().cpu("cortex-a57").memory(1L << 30).firmware(true);
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("gicv2-1cpu", QemuAcpiVectors.base()),
                Arguments.of("gicv2-4cpu-2sockets-hmat", QemuAcpiVectors.acpihmatvirt()),
                Arguments.of("numa-3nodes-hmat-caches", QemuAcpiCaptures.FW_CFG.get("gicv3-numa3-hmat-smp4")),
                Arguments.of("numa-1node", QemuAcpiVectors.numamem()),
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
                Arguments.of("gicv3-nopmu", qemu().cpus(2).gicVersion(3).pmu(false).build()),
                Arguments.of("gicv2-no-pcie", qemu().cpus(2).gicVersion(2).pcie(false).build()),
                Arguments.of("numa-2nodes-distances", qemu().cpus(4).gicVersion(3).numaNodes(List.of(
                        new MachineConfig.NumaNode(List.of(0, 1), 512L << 20), new MachineConfig.NumaNode(List.of(2, 3), 512L << 20)))
                        .numaDistances(List.of(List.of(10, 21), List.of(21, 10))).build()),
                Arguments.of("numa-memhp", QemuAcpiVectors.memhp()),
                Arguments.of("virtio-iommu", qemu().cpus(2).gicVersion(3).iommu(MachineConfig.Iommu.VIRTIO).build()),
                Arguments.of("numa-3nodes-memless-virtio-iommu", qemu().cpus(4).gicVersion(2).numaNodes(List.of(
                        new MachineConfig.NumaNode(List.of(0, 1), 256L << 20), new MachineConfig.NumaNode(List.of(2, 3), 0),
                        new MachineConfig.NumaNode(List.of(), 768L << 20)))
                        .numaDistances(List.of(List.of(10, 15, 20), List.of(15, 10, 25), List.of(20, 25, 10)))
                        .iommu(MachineConfig.Iommu.VIRTIO).build()));
    }

    /**
     * The configs between them make every set of tables hwdesc writes for qemu-virt: without PCIe
     * (no MCFG, IORT), the plain one, with NUMA (SRAT), with distances (SLIT), with the memory's
     * performance (HMAT), with a virtio-iommu (VIOT), and with both.
     */
    @org.junit.jupiter.api.Test
    void configsCoverEveryTableSet() {
        java.util.Set<List<String>> sets = new java.util.LinkedHashSet<>();
        configs().forEach(a -> sets.add(List.copyOf(QemuAcpiVectors.tables((MachineConfig) a.get()[1]).tables().keySet())));
        String base = "DSDT FACP APIC PPTT GTDT MCFG SPCR DBG2 ";
        assertEquals(java.util.Set.of(
                "DSDT FACP APIC PPTT GTDT SPCR DBG2 XSDT RSDP",
                base + "IORT XSDT RSDP",
                base + "SRAT IORT XSDT RSDP",
                base + "SRAT SLIT IORT XSDT RSDP",
                base + "IORT VIOT XSDT RSDP",
                base + "SRAT SLIT IORT VIOT XSDT RSDP",
                base + "SRAT HMAT IORT XSDT RSDP"),
                sets.stream().map(l -> String.join(" ", l)).collect(java.util.stream.Collectors.toSet()));
    }

    /** No two configs give the same tables: each adds a table set of its own to the check. */
    @org.junit.jupiter.api.Test
    void everyConfigGivesTablesOfItsOwn() {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        configs().forEach(a -> {
            AcpiTables t = QemuAcpiVectors.defaultTables((MachineConfig) a.get()[1]);
            StringBuilder all = new StringBuilder();
            t.tables().keySet().forEach(sig -> all.append(java.util.HexFormat.of().formatHex(t.bytes(sig))).append('/'));
            distinct.add(all.toString());
        });
        assertEquals(configs().count(), distinct.size());
        assertTrue(distinct.size() >= 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void disassemblesCleanly(String name, MachineConfig config, @TempDir Path dir) throws IOException {
        String iasl = ReferenceTool.IASL.require();
        List<String> problems = new ArrayList<>();
        // hwdesc's defaults (the platform as the truth) and QEMU's bytes (its defects reproduced).
        for (AcpiTables tables : List.of(QemuAcpiVectors.defaultTables(config), QemuAcpiVectors.tables(config))) {
            for (String signature : tables.tables().keySet()) {
                if (!signature.equals("RSDP")) {
                    problems.addAll(problems(iasl, dir, signature, tables.bytes(signature)));
                }
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
        byte[] viot = QemuAcpiVectors.tables(QemuAcpiVectors.viot()).bytes("VIOT");
        assertTrue(problems(iasl, dir, "VIOT", viot).isEmpty());
        viot[9] ^= 1;
        assertTrue(!problems(iasl, dir, "VIOT", viot).isEmpty(), "a table iasl does not know still has its checksum checked");
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
            if (UNKNOWN_TO_IASL.contains(signature)
                    && line.strip().equals("**** Unknown ACPI table signature [" + signature + "]")) {
                continue;
            }
            if (line.contains("****") || line.contains("Invalid") || line.contains("should be")) {
                problems.add(signature + " (dsl): " + line.strip());
            }
        }
        return problems;
    }
}
