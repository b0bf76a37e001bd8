package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwdesc generate} writes the ACPI tables as DIR/acpi/SIG.dat, QEMU 7.2's with its defects on request. */
class GenerateAcpiTest {

    @TempDir
    Path tmp;

    /**
     * QEMU's base machine (bios-tables-test: GICv2, 1 CPU, 128M, UEFI) with --acpi-qemu-defects:
     * every table QEMU 7.2's vectors hold, the DSDT included, byte for byte (FADT pointers aside).
     */
    @Test
    void withQemusDefectsQemusDefaultMachineGivesQemusTables() throws IOException {
        Path out = generateBase("--acpi-qemu-defects");
        for (String sig : List.of("DSDT", "APIC", "FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT")) {
            assertArrayEquals(QemuAcpiVectors.unlinked(QemuAcpiVectors.vector(sig)),
                    QemuAcpiVectors.unlinked(Files.readAllBytes(out.resolve("acpi").resolve(sig + ".dat"))), sig);
        }
        assertEquals(36, Files.size(out.resolve("acpi/RSDP.dat")));
        assertEquals(36 + 8 * 8, Files.size(out.resolve("acpi/XSDT.dat")));
    }

    /**
     * The same machine on the defaults: the tables follow the platform, so the DSDT (virtio lines
     * edge-triggered), the APIC (no GICH/GICV without EL2) and the IORT (no ITS group without an ITS)
     * differ from QEMU's as QemuDefectEvidenceTest records, and the others are QEMU's.
     */
    @Test
    void onTheDefaultsQemusDefaultMachineGivesThePlatformsTables() throws IOException {
        Path out = generateBase();
        for (String sig : List.of("DSDT", "APIC", "FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT")) {
            boolean same = Arrays.equals(QemuAcpiVectors.unlinked(QemuAcpiVectors.vector(sig)),
                    QemuAcpiVectors.unlinked(Files.readAllBytes(out.resolve("acpi").resolve(sig + ".dat"))));
            assertEquals(!List.of("DSDT", "APIC", "IORT").contains(sig), same, sig);
        }
        byte[] iort = Files.readAllBytes(out.resolve("acpi/IORT.dat"));
        assertEquals(1, iort[36], "the IORT's one node: the root complex");
    }

    /**
     * QEMU's -machine x-oem-id/x-oem-table-id: every header (and the RSDP) carries them, NUL-padded
     * as QEMU 7.2 pads them (seen in its fw_cfg tables for x-oem-id=HWD,x-oem-table-id=VM).
     */
    @Test
    void oemIdsAreOverridable() throws IOException {
        Path out = generateBase("--acpi-oem-id", "HWD", "--acpi-oem-table-id", "VM");
        for (Path f : dev.hwdesc.vectors.TestVectors.files(out.resolve("acpi"), ".dat")) {
            byte[] t = Files.readAllBytes(f);
            String name = f.getFileName().toString();
            assertEquals(0, dev.hwdesc.acpi.table.TableCodec.sum(t, 0, name.equals("RSDP.dat") ? 20 : t.length), name);
            if (name.equals("RSDP.dat")) {
                assertEquals("HWD\0\0\0", new String(t, 9, 6, java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                assertEquals("HWD\0\0\0VM\0\0\0\0\0\0", new String(t, 10, 14, java.nio.charset.StandardCharsets.US_ASCII), name);
            }
        }
    }

    /**
     * The same against QEMU itself: its fw_cfg tables for -machine gic-version=3,x-oem-id=HWD,
     * x-oem-table-id=VM -smp 2 (data/qemu-acpi/fwcfg-7.2-oem) are hwdesc's with its defects, every
     * table the DSDT included, pointer fields and checksums aside (QEMU leaves both to the firmware).
     */
    @Test
    void oemIdsAsQemuWritesThem() throws IOException {
        Path out = tmp.resolve("oem");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--gic", "3", "--cpus", "2",
                "--memory", "256M", "--set", "firmware=true", "--acpi-qemu-defects", "--acpi-oem-id", "HWD",
                "--acpi-oem-table-id", "VM"));
        assertEquals(0, r.exitCode(), r.stderr());
        Path qemu = QemuAcpiVectors.dir().resolveSibling("fwcfg-7.2-oem").resolve("gicv3-oem-smp2");
        List<String> compared = new java.util.ArrayList<>();
        for (Path f : dev.hwdesc.vectors.TestVectors.files(qemu, "")) {
            String sig = f.getFileName().toString();
            if (sig.length() == 4) {
                assertArrayEquals(unpointed(sig, Files.readAllBytes(f)),
                        unpointed(sig, Files.readAllBytes(out.resolve("acpi").resolve(sig + ".dat"))), sig);
                compared.add(sig);
            }
        }
        assertEquals(11, compared.size(), compared.toString());
    }

    /**
     * --acpi-fw-cfg on the same machine: the three files QEMU hands its firmware, byte for byte
     * QEMU's own (etc/acpi/tables is the capture's tables back to back, in offsets.txt's order).
     */
    @Test
    void fwCfgFilesAsQemuServesThem() throws IOException {
        Path out = tmp.resolve("fwcfg");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--gic", "3", "--cpus", "2",
                "--memory", "256M", "--set", "firmware=true", "--acpi-qemu-defects", "--acpi-oem-id", "HWD",
                "--acpi-oem-table-id", "VM", "--acpi-fw-cfg"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().contains("-machine acpi=off -fw_cfg name=etc/acpi/tables,file="), r.stdoutText());
        Path qemu = QemuAcpiVectors.dir().resolveSibling("fwcfg-7.2-oem").resolve("gicv3-oem-smp2");
        Path ours = out.resolve("acpi").resolve("fw_cfg");
        java.io.ByteArrayOutputStream tables = new java.io.ByteArrayOutputStream();
        for (String line : Files.readAllLines(qemu.resolve("offsets.txt"))) {
            tables.writeBytes(Files.readAllBytes(qemu.resolve(line.split(" ")[0])));
        }
        assertArrayEquals(tables.toByteArray(), Files.readAllBytes(ours.resolve("etc/acpi/tables")), "etc/acpi/tables");
        assertArrayEquals(Files.readAllBytes(qemu.resolve("RSDP")), Files.readAllBytes(ours.resolve("etc/acpi/rsdp")));
        assertArrayEquals(Files.readAllBytes(qemu.resolve("table-loader")), Files.readAllBytes(ours.resolve("etc/table-loader")));
    }

    @Test
    void fwCfgFilesNeedAcpi() {
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", tmp.resolve("x").toString(), "--no-acpi", "--acpi-fw-cfg"));
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().startsWith("hwdesc: error: --acpi-fw-cfg and --no-acpi cannot both be given"), r.stderr());
        ReferenceTool.Result a32 = Hwdesc.run(List.of("generate", "-o", tmp.resolve("y").toString(), "--arch", "aarch32",
                "--gic", "2", "--acpi-fw-cfg"));
        assertEquals(2, a32.exitCode());
        assertTrue(a32.stderr().startsWith("hwdesc: error: --acpi-fw-cfg: this machine has no ACPI tables"), a32.stderr());
        assertFalse(Files.exists(tmp.resolve("y")));
    }

    /** Pointer fields (FADT 36, 40, 132, 140; XSDT entries; RSDP 16, 24) and checksums zeroed. */
    private static byte[] unpointed(String sig, byte[] table) {
        byte[] t = table.clone();
        switch (sig) {
            case "FACP" -> {
                Arrays.fill(t, 36, 44, (byte) 0);
                Arrays.fill(t, 132, 148, (byte) 0);
            }
            case "XSDT" -> Arrays.fill(t, 36, t.length, (byte) 0);
            case "RSDP" -> {
                Arrays.fill(t, 16, 20, (byte) 0);
                Arrays.fill(t, 24, 33, (byte) 0);
                t[8] = 0;
            }
            default -> { }
        }
        if (!sig.equals("RSDP")) {
            t[9] = 0;
        }
        return t;
    }

    @Test
    void aTooLongOemIdIsRefusedAndNothingIsWritten() {
        Path out = tmp.resolve("bad");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--acpi-oem-table-id", "NINECHARS"));
        assertEquals(2, r.exitCode());
        assertEquals("hwdesc: error: --acpi-oem-table-id: OEM table ID is at most 8 printable ASCII characters: \"NINECHARS\"",
                r.stderr().lines().findFirst().orElse(""));
        assertFalse(Files.exists(out));
    }

    private Path generateBase(String... extra) {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("generate", "-o", out.toString(), "--gic", "2", "--cpus", "1",
                "--memory", "128M", "--set", "firmware=true"));
        args.addAll(List.of(extra));
        ReferenceTool.Result r = Hwdesc.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().contains("wrote 11 ACPI tables"), r.stdoutText());
        return out;
    }

    /**
     * A config file with NUMA nodes, distances and memory hotplug: the SRAT (with the hot-pluggable
     * range, which comes from the config and not the platform) and the SLIT equal QEMU 7.2's fw_cfg
     * ones for the same machine (data/qemu-acpi/fwcfg-7.2/gicv3-numa2-memhp-smp2), checksums aside.
     */
    @Test
    void numaAndMemoryHotplugFromAConfigFile() throws IOException {
        Path config = tmp.resolve("numa.yaml");
        Files.writeString(config, """
                cpus: 2
                cpu: cortex-a57
                memory: 256M
                gic: {version: 3}
                firmware: true
                numa: {nodes: [{cpus: "0", memory: 128M}, {cpus: "1", memory: 128M}], distances: [[10, 21], [21, 10]]}
                memory-hotplug: {slots: 2, max: 1G}
                """);
        generatesAsCaptured(config, "gicv3-numa2-memhp-smp2", List.of("SRAT", "SLIT"));
    }

    /** {@code hwdesc generate CONFIG} writes these tables as QEMU's fw_cfg capture holds them, checksums aside. */
    private void generatesAsCaptured(Path config, String capture, List<String> signatures) throws IOException {
        Path out = tmp.resolve(capture);
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", config.toString(), "-o", out.toString()));
        assertEquals(0, r.exitCode(), r.stderr() + r.stdoutText());
        Path qemu = QemuFwCfgTablesTest.dir(capture);
        for (String sig : signatures) {
            byte[] ours = Files.readAllBytes(out.resolve("acpi").resolve(sig + ".dat"));
            ours[9] = 0;
            assertArrayEquals(Files.readAllBytes(qemu.resolve(sig)), ours, sig);
        }
    }

    /**
     * The memory's performance from a config file (numa.hmat, hmat-lb, hmat-cache, a node's
     * initiator): the HMAT equals QEMU 7.2's for the same -machine hmat=on options
     * (data/qemu-acpi/fwcfg-7.2/gicv3-numa3-hmat-smp4), checksum aside.
     */
    @Test
    void hmatFromAConfigFile() throws IOException {
        Path config = tmp.resolve("hmat.yaml");
        Files.writeString(config, """
                cpus: 4
                cpu: cortex-a57
                memory: 512M
                gic: 3
                firmware: true
                numa:
                  nodes:
                    - {cpus: "0-1", memory: 128M}
                    - {cpus: "2-3", memory: 128M}
                    - {memory: 256M, initiator: 0}
                  hmat: true
                  hmat-lb:
                    - {initiator: 0, target: 0, data-type: access-latency, latency: 5}
                    - {initiator: 0, target: 1, data-type: access-latency, latency: 15}
                    - {initiator: 0, target: 2, data-type: access-latency, latency: 250}
                    - {initiator: 1, target: 0, data-type: access-latency, latency: 15}
                    - {initiator: 1, target: 1, data-type: access-latency, latency: 5}
                    - {initiator: 0, target: 0, data-type: access-bandwidth, bandwidth: 20G}
                    - {initiator: 0, target: 1, data-type: access-bandwidth, bandwidth: 10G}
                    - {initiator: 0, target: 2, data-type: access-bandwidth, bandwidth: 2G}
                    - {initiator: 1, target: 1, data-type: access-bandwidth, bandwidth: 20G}
                    - {initiator: 1, target: 0, data-type: read-bandwidth, bandwidth: 12G}
                    - {initiator: 0, target: 2, hierarchy: first-level, data-type: write-latency, latency: 40}
                  hmat-cache:
                    - {node-id: 0, size: 16K, level: 1, associativity: direct, policy: write-back, line: 64}
                    - {node-id: 0, size: 2M, level: 2, associativity: complex, policy: write-through, line: 128}
                    - {node-id: 2, size: 64M, level: 1, associativity: direct, policy: write-back, line: 64}
                """);
        generatesAsCaptured(config, "gicv3-numa3-hmat-smp4", List.of("HMAT", "SRAT"));
    }

    @Test
    void anAarch32MachineHasNoAcpi() {
        Path out = tmp.resolve("a32");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--arch", "aarch32", "--gic", "2"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(Files.exists(out.resolve("acpi")));
    }
}
