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

    @Test
    void anAarch32MachineHasNoAcpi() {
        Path out = tmp.resolve("a32");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--arch", "aarch32", "--gic", "2"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(Files.exists(out.resolve("acpi")));
    }
}
