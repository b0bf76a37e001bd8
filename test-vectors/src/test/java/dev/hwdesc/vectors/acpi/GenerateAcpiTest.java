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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwdesc generate} writes QEMU 7.2's static ACPI tables as DIR/acpi/SIG.dat. */
class GenerateAcpiTest {

    @TempDir
    Path tmp;

    @Test
    void qemusDefaultMachineGivesQemusTables() throws IOException {
        Path out = tmp.resolve("out");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--gic", "2", "--cpus", "1",
                "--memory", "128M", "--set", "firmware=true"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().contains("wrote 11 ACPI tables"), r.stdoutText());
        // The DSDT: QEMU's header (but the checksum, which covers the virtio lines hwdesc says are
        // edge-triggered; see QemuVirtDsdtVectorTest) and a checksum that sums the table to 0.
        byte[] dsdt = Files.readAllBytes(out.resolve("acpi/DSDT.dat"));
        byte[] qemuDsdt = Files.readAllBytes(dev.hwdesc.vectors.TestVectors.data().resolve("qemu-acpi/v7.2.0/DSDT"));
        assertArrayEquals(java.util.Arrays.copyOfRange(qemuDsdt, 0, 9), java.util.Arrays.copyOfRange(dsdt, 0, 9), "DSDT header");
        assertArrayEquals(java.util.Arrays.copyOfRange(qemuDsdt, 10, 36), java.util.Arrays.copyOfRange(dsdt, 10, 36), "DSDT header");
        int sum = 0;
        for (byte b : dsdt) {
            sum += b;
        }
        assertEquals(0, sum & 0xff, "DSDT checksum");
        for (String sig : List.of("APIC", "FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT")) {
            assertArrayEquals(QemuAcpiVectors.vector(sig), Files.readAllBytes(out.resolve("acpi").resolve(sig + ".dat")), sig);
        }
        assertEquals(36, Files.size(out.resolve("acpi/RSDP.dat")));
        assertEquals(36 + 8 * 8, Files.size(out.resolve("acpi/XSDT.dat")));
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
        Path out = tmp.resolve("numa");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", config.toString(), "-o", out.toString()));
        assertEquals(0, r.exitCode(), r.stderr() + r.stdoutText());
        Path qemu = QemuFwCfgTablesTest.dir("gicv3-numa2-memhp-smp2");
        for (String sig : List.of("SRAT", "SLIT")) {
            byte[] ours = Files.readAllBytes(out.resolve("acpi").resolve(sig + ".dat"));
            ours[9] = 0;
            assertArrayEquals(Files.readAllBytes(qemu.resolve(sig)), ours, sig);
        }
    }

    @Test
    void anAarch32MachineHasNoAcpi() {
        Path out = tmp.resolve("a32");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--arch", "aarch32", "--gic", "2"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(Files.exists(out.resolve("acpi")));
    }
}
