package dev.hwdesc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.dtb.DtbWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corrupted blobs: each must give exit 2, no output file, and one error line naming the exact byte
 * offset and a phrase specific to the problem.
 *
 * <p>The base blob (version 17, 147 bytes) is laid out as:
 * <pre>
 * 0x00 header (40 bytes)         0x28 reservation (0x1000, 0x100)   0x38 terminating entry
 * 0x48 BEGIN_NODE ""             0x50 PROP len=2 nameoff=0 "a"      0x60 BEGIN_NODE "n@1"
 * 0x68 PROP len=4 nameoff=11 <1> 0x78 END_NODE  0x7c END_NODE       0x80 END
 * 0x84 strings "compatible\0reg\0" (15 bytes) -> totalsize 0x93
 * </pre>
 */
class MalformedDtbTest {

    static byte[] base() {
        DtbWriter w = new DtbWriter(dev.hwdesc.fdt.dtb.DtbWriteOptions.DEFAULT, List.of(MemoryReservation.of(0x1000, 0x100)));
        var root = w.beginNode("");
        w.property("compatible", PropertyValue.ofStrings("a"));
        var n = w.beginNode("n@1");
        w.property("reg", PropertyValue.ofCells(1));
        w.endNode(n);
        w.endNode(root);
        return w.finish(0);
    }

    /** A blob nested {@code depth} levels below the root, each node named "a". */
    static byte[] deep(int depth) {
        DtbWriter w = new DtbWriter();
        var handles = new java.util.ArrayList<DtbWriter.NodeHandle>();
        handles.add(w.beginNode(""));
        for (int i = 0; i < depth; i++) {
            handles.add(w.beginNode("a"));
        }
        for (int i = handles.size() - 1; i >= 0; i--) {
            w.endNode(handles.get(i));
        }
        return w.finish(0);
    }

    static UnaryOperator<byte[]> truncate(int length) {
        return b -> Arrays.copyOf(b, length);
    }

    static UnaryOperator<byte[]> u32(int offset, long value) {
        return b -> {
            byte[] c = b.clone();
            c[offset] = (byte) (value >>> 24);
            c[offset + 1] = (byte) (value >>> 16);
            c[offset + 2] = (byte) (value >>> 8);
            c[offset + 3] = (byte) value;
            return c;
        };
    }

    static UnaryOperator<byte[]> both(UnaryOperator<byte[]> a, UnaryOperator<byte[]> b) {
        return x -> b.apply(a.apply(x));
    }

    static Arguments row(String name, UnaryOperator<byte[]> corruption, int offset, String phrase) {
        return Arguments.of(name, corruption, offset, phrase);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("zero-length file", truncate(0), 0x0, "empty file"),
                row("truncated in magic", truncate(3), 0x0, "inside the magic"),
                row("bad magic", u32(0, 0x12345678), 0x0, "bad magic 0x12345678"),
                row("little-endian magic", u32(0, 0xedfe0dd0L), 0x0, "byte-swapped magic"),
                row("truncated in totalsize", truncate(6), 0x4, "inside the header field totalsize"),
                row("truncated in off_dt_struct", truncate(10), 0x8, "inside the header field off_dt_struct"),
                row("truncated in off_dt_strings", truncate(13), 0xc, "inside the header field off_dt_strings"),
                row("truncated in off_mem_rsvmap", truncate(17), 0x10, "inside the header field off_mem_rsvmap"),
                row("truncated in version", truncate(22), 0x14, "inside the header field version"),
                row("truncated in last_comp_version", truncate(27), 0x18, "inside the header field last_comp_version"),
                row("truncated in boot_cpuid_phys", truncate(30), 0x1c, "inside the header field boot_cpuid_phys"),
                row("truncated in size_dt_strings", truncate(33), 0x20, "inside the header field size_dt_strings"),
                row("truncated in size_dt_struct", truncate(38), 0x24, "inside the header field size_dt_struct"),
                row("truncated after the header", truncate(100), 0x4, "exceeds the blob's real length of 100 bytes"),
                row("unknown version 5", u32(0x14, 5), 0x14, "unsupported blob version 5"),
                row("future version not readable as 17", both(u32(0x14, 20), u32(0x18, 18)), 0x14,
                        "last_comp_version 18 is above 17"),
                row("huge totalsize", u32(0x4, 0xffffffffL), 0x4, "totalsize 4294967295 (0xffffffff) exceeds"),
                row("totalsize below the header", u32(0x4, 20), 0x4, "smaller than the version 17 header"),
                row("reservation map past the end", u32(0x10, 0x200), 0x10, "memory reservation block at 0x200 starts outside"),
                row("reservation map misaligned", u32(0x10, 0x2c), 0x10, "memory reservation block at 0x2c is not 8-byte aligned"),
                row("reservation map in the header", u32(0x10, 0x8), 0x10, "memory reservation block at 0x8 overlaps the 40-byte header"),
                row("struct block past the end", u32(0x8, 0x1000), 0x8, "struct block at 0x1000 starts outside"),
                row("struct block misaligned", u32(0x8, 0x4a), 0x8, "struct block at 0x4a is not 4-byte aligned"),
                row("strings block past the end", u32(0xc, 0x94), 0xc, "strings block at 0x94 starts outside"),
                row("size_dt_strings too large", u32(0x20, 0x20), 0x20, "runs past totalsize"),
                row("size_dt_struct too large", u32(0x24, 0x100), 0x24, "struct block 0x48 + size_dt_struct 0x100 runs past totalsize"),
                row("size_dt_struct not a multiple of 4", u32(0x24, 0x3a), 0x24, "not a multiple of 4"),
                row("reservation map without terminator", u32(0x44, 1), 0x48, "no terminating entry before 0x48"),
                row("reservation map inside the struct block", both(u32(0x10, 0x30), u32(0x8, 0x28)), 0x30,
                        "memory reservation block (0x30-0x40) overlaps the struct block (0x28-0x64)"),
                row("strings block overlaps struct block", u32(0xc, 0x7c), 0x7c,
                        "strings block (0x7c-0x8b) overlaps the struct block (0x48-0x84)"),
                row("struct does not begin with BEGIN_NODE", u32(0x48, 3), 0x48, "must begin with FDT_BEGIN_NODE, found token 0x00000003"),
                row("unknown token", u32(0x50, 7), 0x50, "unknown token 0x00000007"),
                row("premature FDT_END", u32(0x78, 9), 0x78, "premature FDT_END inside node /n@1"),
                row("FDT_END missing", u32(0x24, 0x38), 0x80, "ends at 0x80 without FDT_END"),
                row("nesting underflow: END_NODE after the root", u32(0x80, 2), 0x80,
                        "expected FDT_END after the root node, found token 0x00000002"),
                row("END_NODE and END missing", u32(0x24, 0x30), 0x78, "FDT_END_NODE and FDT_END are missing"),
                row("unterminated node name", both(u32(0x24, 0x1c), u32(0x64, 0x6e403141)), 0x64, "not NUL-terminated"),
                row("string offset past the strings block", u32(0x70, 100), 0x70, "property name offset 0x64 is outside the strings block (15 bytes)"),
                row("property name not NUL-terminated in the strings block", u32(0x20, 3), 0x84,
                        "property name at strings offset 0x0 is not NUL-terminated"),
                row("property value past the struct block", u32(0x54, 1000), 0x54, "value of 1000 bytes at 0x5c runs past the end of the struct block"),
                row("property header truncated", u32(0x24, 0x10), 0x54, "property header at 0x54 runs past the end of the struct block"),
                row("root node with a name", u32(0x4c, 0x78000000), 0x4c, "the root node's name must be empty, found \"x\""),
                row("nesting deeper than the limit", b -> deep(5000), 0x38 + 4096 * 8, "nest deeper than 4096 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void corruptedBlobIsRejectedAtTheRightOffset(String name, UnaryOperator<byte[]> corruption, int offset, String phrase,
            @TempDir Path dir) throws IOException {
        byte[] base = base();
        assertEquals(0x93, base.length, "the layout in the class comment");
        Path in = dir.resolve("bad.dtb");
        Files.write(in, corruption.apply(base));
        Path out = dir.resolve("out.dtb");
        CliRunner.Run r = CliRunner.run("dtc", "-I", "dtb", "-O", "dtb", "-o", out.toString(), in.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        String expectedStart = "hwdesc: " + in + ": offset 0x" + Integer.toHexString(offset) + ": error: ";
        String line = r.stderr().lines().findFirst().orElse("");
        assertTrue(line.startsWith(expectedStart), "expected '" + expectedStart + "...' but got: " + r.stderr());
        assertTrue(line.contains(phrase), "expected the phrase '" + phrase + "' in: " + line);
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertFalse(Files.exists(out), "no output file after a failure");
    }
}
