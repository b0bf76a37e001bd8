package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.qemu.QemuVirtDsdt;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.ReferenceTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hwdesc's QEMU virt DSDT for configs the QEMU vectors do not cover, through iasl 20200925: the
 * table (the body in a test-only header with a correct checksum) must disassemble without a
 * warning or error, and the disassembly must compile again with 0 errors and 0 warnings.
 */
class QemuVirtDsdtIaslTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("qemu-base", MachineConfig.builder().cpus(1).gicVersion(2).cpu("cortex-a57")
                        .memory(128L << 20).firmware(true).build()),
                Arguments.of("hwdesc-defaults-firmware", MachineConfig.builder().firmware(true).build()),
                Arguments.of("gicv3-123-cpus", MachineConfig.builder().cpus(123).gicVersion(3).firmware(true).build()),
                Arguments.of("no-firmware-pl061-power-key", MachineConfig.builder().cpus(2).build()),
                Arguments.of("no-pcie-no-virtio", MachineConfig.builder().pcie(false).virtioMmio(0).firmware(true).build()),
                Arguments.of("secure-el3", MachineConfig.builder().secure(true).firmware(true).build()),
                Arguments.of("highmem-off", MachineConfig.builder().highmem(false).memory(1L << 30).firmware(true).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void disassemblesAndRecompilesCleanly(String label, MachineConfig config, @TempDir Path dir) throws Exception {
        String iasl = ReferenceTool.IASL.require();
        Platform platform = new QemuVirt().platform(config);
        Path table = dir.resolve("dsdt.dat");
        Files.write(table, withHeader(QemuVirtDsdt.body(platform)));

        ReferenceTool.Result d = ReferenceTool.run(List.of(iasl, "-d", "dsdt.dat"), null, 60, dir);
        String out = d.stdoutText() + d.stderr();
        assertEquals(0, d.exitCode(), out);
        assertClean(out);
        Path dsl = dir.resolve("dsdt.dsl");
        assertTrue(Files.isRegularFile(dsl), out);

        ReferenceTool.Result c = ReferenceTool.run(List.of(iasl, "-p", "recompiled", "dsdt.dsl"), null, 60, dir);
        String compiled = c.stdoutText() + c.stderr();
        assertEquals(0, c.exitCode(), compiled);
        assertTrue(compiled.contains("0 Errors, 0 Warnings"), compiled);

        String source = Files.readString(dsl, StandardCharsets.ISO_8859_1);
        assertEquals(platform.cpus().size(), count(source, "\"ACPI0007\""), "one processor device per CPU");
        assertEquals(platform.virtioMmio().size(), count(source, "\"LNRO0005\""), "one device per virtio-mmio slot");
        assertEquals(platform.pcie().isPresent(), source.contains("Device (PCI0)"));
        assertEquals(platform.ged().isPresent(), source.contains("Device (\\_SB.GED)"));
        assertEquals(platform.ged().isEmpty() && platform.gpio().isPresent(), source.contains("GpioInt (Edge"));
    }

    private static void assertClean(String iaslOutput) {
        String lower = iaslOutput.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("warning"), iaslOutput);
        assertFalse(lower.contains("error"), iaslOutput);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * A minimal DSDT header for the test (the table layer owns the real one): signature, length,
     * revision 2, checksum, QEMU's OEM and creator IDs, revisions 1.
     */
    static byte[] withHeader(byte[] body) {
        byte[] t = new byte[36 + body.length];
        put(t, 0, "DSDT");
        putU32(t, 4, t.length);
        t[8] = 2;
        put(t, 10, "BOCHS ");
        put(t, 16, "BXPC    ");
        putU32(t, 24, 1);
        put(t, 28, "BXPC");
        putU32(t, 32, 1);
        System.arraycopy(body, 0, t, 36, body.length);
        int sum = 0;
        for (byte b : t) {
            sum += b & 0xFF;
        }
        t[9] = (byte) -sum;
        return t;
    }

    private static void put(byte[] t, int at, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, t, at, b.length);
    }

    private static void putU32(byte[] t, int at, long v) {
        for (int i = 0; i < 4; i++) {
            t[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
