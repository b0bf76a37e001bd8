package dev.hwdesc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.dtb.DtbWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are complete or untouched, never over the input, with the usual permissions. */
class OutputFileTest {

    @TempDir
    Path dir;

    private static byte[] smallBlob() {
        DtbWriter w = new DtbWriter();
        var root = w.beginNode("");
        w.property("model", PropertyValue.ofStrings("m"));
        w.endNode(root);
        return w.finish(0);
    }

    @Test
    void aFailedRunLeavesTheOldOutputAsItWas() throws IOException {
        Path bad = Files.write(dir.resolve("bad.dtb"), new byte[] {(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 0, 0});
        Path out = Files.writeString(dir.resolve("out.dts"), "precious");
        CliRunner.Run r = CliRunner.run("dtc", "-I", "dtb", "-O", "dts", "-o", out.toString(), bad.toString());
        assertEquals(2, r.exitCode());
        assertEquals("precious", Files.readString(out));
        assertEquals(List.of("bad.dtb", "out.dts"), listing());
    }

    @Test
    void writingOverTheInputIsRefused() throws IOException {
        Path in = Files.write(dir.resolve("in.dtb"), smallBlob());
        byte[] before = Files.readAllBytes(in);
        CliRunner.Run r = CliRunner.run("dtc", "-I", "dtb", "-O", "dts", "-o", in.toString(), in.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("refusing to write the output over the input file"), r.stderr());
        assertArrayEquals(before, Files.readAllBytes(in));
        Path link = Files.createSymbolicLink(dir.resolve("link.dtb"), in);
        assertEquals(2, CliRunner.run("decompile", "-o", link.toString(), in.toString()).exitCode());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void aNewFileGetsTheModeOpenWouldGiveIt() throws IOException {
        Path in = Files.write(dir.resolve("in.dtb"), smallBlob());
        Path reference = Files.write(dir.resolve("reference"), new byte[0]);
        Path out = dir.resolve("out.dtb");
        assertEquals(0, CliRunner.run("dtc", "-I", "dtb", "-O", "dtb", "-o", out.toString(), in.toString()).exitCode());
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void replacingAFileKeepsItsModeAndWritesThroughSymlinks() throws IOException {
        Path in = Files.write(dir.resolve("in.dtb"), smallBlob());
        Path out = Files.writeString(dir.resolve("out.dts"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.dts"), out);
        assertEquals(0, CliRunner.run("decompile", "-o", link.toString(), in.toString()).exitCode());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(out).startsWith("/dts-v1/;"));
        assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(out));
        assertEquals(List.of("in.dtb", "link.dts", "out.dts"), listing(), "no temporary file left behind");
    }

    @Test
    void devNullIsWrittenToNotReplaced() throws IOException {
        Path in = Files.write(dir.resolve("in.dtb"), smallBlob());
        assertEquals(0, CliRunner.run("dtc", "-I", "dtb", "-O", "dts", "-o", "/dev/null", in.toString()).exitCode());
        assertTrue(!Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still the device");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("reference")).sorted().toList();
        }
    }
}
