package dev.hwdesc.fdt.dtb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtbWriterTest {

    private static byte[] words(long... w) {
        byte[] b = new byte[w.length * 4];
        for (int i = 0; i < w.length; i++) {
            b[4 * i] = (byte) (w[i] >>> 24);
            b[4 * i + 1] = (byte) (w[i] >>> 16);
            b[4 * i + 2] = (byte) (w[i] >>> 8);
            b[4 * i + 3] = (byte) w[i];
        }
        return b;
    }

    /** The expected words are dtc 1.6.1's output for the same tree (dtc -b 7 on the equivalent source). */
    @Test
    void smallTreeLaysOutExactlyAsDtc() {
        DtbWriter w = new DtbWriter(DtbWriteOptions.DEFAULT, List.of(MemoryReservation.of(0x1000, 0x100)));
        var root = w.beginNode("");
        w.property("compatible", PropertyValue.ofStrings("a"));
        var child = w.beginNode("n@1");
        w.property("reg", PropertyValue.ofCells(1));
        w.property("patible", PropertyValue.empty());
        w.endNode(child);
        w.endNode(root);
        byte[] blob = w.finish(7);
        byte[] expected = words(
                // 0000: header
                0xd00dfeedL, // 0000: magic
                0x0000009fL, // 0004: totalsize (159)
                0x00000048L, // 0008: off_dt_struct (72)
                0x00000090L, // 000c: off_dt_strings (144)
                0x00000028L, // 0010: off_mem_rsvmap (40)
                0x00000011L, // 0014: version 17
                0x00000010L, // 0018: last_comp_version 16
                0x00000007L, // 001c: boot_cpuid_phys
                0x0000000fL, // 0020: size_dt_strings (15)
                0x00000048L, // 0024: size_dt_struct (72)
                0x00000000L, 0x00001000L, // 0028: reserve address
                0x00000000L, 0x00000100L, // 0030: reserve size
                0L, 0L, 0L, 0L, // 0038: terminating entry
                // 0048: struct block
                0x00000001L, // 0048: FDT_BEGIN_NODE
                0x00000000L, // 004c: "" (root) + padding
                0x00000003L, // 0050: FDT_PROP
                0x00000002L, // 0054: len 2
                0x00000000L, // 0058: nameoff 0 ("compatible")
                0x61000000L, // 005c: "a\0" + padding
                0x00000001L, // 0060: FDT_BEGIN_NODE
                0x6e403100L, // 0064: "n@1\0"
                0x00000003L, // 0068: FDT_PROP
                0x00000004L, // 006c: len 4
                0x0000000bL, // 0070: nameoff 11 ("reg")
                0x00000001L, // 0074: <1>
                0x00000003L, // 0078: FDT_PROP
                0x00000000L, // 007c: len 0
                0x00000003L, // 0080: nameoff 3: "patible" shares the tail of "compatible"
                0x00000002L, // 0084: FDT_END_NODE
                0x00000002L, // 0088: FDT_END_NODE
                0x00000009L); // 008c: FDT_END
        // 0090: strings block
        byte[] strings = "compatible\0reg\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[expected.length + strings.length];
        System.arraycopy(expected, 0, all, 0, expected.length);
        System.arraycopy(strings, 0, all, expected.length, strings.length);
        assertEquals(all.length, blob.length);
        assertArrayEquals(all, blob);
    }

    @Test
    void aShorterNameNeverFoldsIntoALaterLongerOne() {
        StringTable t = new StringTable();
        assertEquals(0, t.offsetOf("reg"));
        assertEquals(4, t.offsetOf("compatible")); // "reg" came first: no sharing backwards
        assertEquals(7, t.offsetOf("patible"));
        assertEquals(2, t.offsetOf("g"));
        assertEquals(3, t.offsetOf("")); // the first NUL, as strcmp would find it
        assertEquals(15, t.offsetOf("regs"));
    }

    @Test
    void misuseIsRejectedOnTheCall() {
        DtbWriter w = new DtbWriter();
        assertThrows(IllegalStateException.class, () -> w.property("x", PropertyValue.empty()));
        var root = w.beginNode("");
        var child = w.beginNode("c");
        assertThrows(IllegalStateException.class, () -> w.endNode(root));
        w.endNode(child);
        assertThrows(IllegalStateException.class, () -> w.property("late", PropertyValue.empty()));
        assertThrows(IllegalStateException.class, () -> w.finish(0));
        w.endNode(root);
        assertThrows(IllegalStateException.class, () -> w.beginNode("second-root"));
        w.finish(0);
        assertThrows(IllegalStateException.class, () -> w.finish(0));
        assertThrows(IllegalStateException.class, () -> w.beginNode("x"));
    }

    @Test
    void sizeOptionsFollowDtc() {
        List<String> warnings = new ArrayList<>();
        DtbWriter w = new DtbWriter(new DtbWriteOptions(BlobVersion.V17, 2, 10, 0, 0), List.of());
        w.endNode(w.beginNode(""));
        byte[] b = w.finish(0, warnings::add);
        assertEquals(40 + 48 + 16, b.length); // header, 2 extra slots + terminator, BEGIN "" END_NODE END
        assertEquals(List.of("Warning: blob size 104 >= minimum size 10"), warnings);

        DtbWriter a = new DtbWriter(new DtbWriteOptions(BlobVersion.V17, 0, 0, 5, 64), List.of());
        a.endNode(a.beginNode(""));
        byte[] padded = a.finish(0);
        assertEquals(128, padded.length); // 72 used + 5 pad, rounded up to 64
        assertEquals(0x80, ((padded[4] & 0xff) << 24 | (padded[5] & 0xff) << 16 | (padded[6] & 0xff) << 8 | (padded[7] & 0xff)));
    }
}
