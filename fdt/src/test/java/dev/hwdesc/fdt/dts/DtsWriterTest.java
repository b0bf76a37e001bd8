package dev.hwdesc.fdt.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The printer's output for values without markers, as dtc 1.6.1 prints them (corpus quirk q23). */
class DtsWriterTest {

    private static String printed(byte[] value) {
        Node root = new Node("");
        root.addProperty("p", PropertyValue.ofBytes(value));
        String text = DtsWriter.write(new DeviceTree(root, List.of(), 0));
        return text.lines().filter(l -> l.startsWith("\tp")).findFirst().orElseThrow().substring(1);
    }

    private static byte[] hex(String s) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] parts = s.split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    @ParameterizedTest(name = "[{0}] prints as {1}")
    @CsvSource(delimiter = '|', value = {
        "              | p;",
        "61 62 63 00   | p = \"abc\";",
        "00            | p = [00];",
        "61 00 00      | p = [61 00 00];",
        "7f 00         | p = [7f 00];",
        "61 00 62 00   | p = \"a\\0b\";",
        "07 08 09 0a 0b 0c 0d 00 | p = \"\\a\\b\\t\\n\\v\\f\\r\";",
        "5c 22 00      | p = \"\\\\\\\"\";",
        "00 00 00 01   | p = <0x01>;",
        "de ad be ef 00 00 00 10 | p = <0xdeadbeef 0x10>;",
        "01 02 03      | p = [01 02 03];",
        "61 62         | p = [61 62];",
        "00 00 61 00   | p = <0x6100>;",
    })
    void guessesTheTypeAsDtcDoes(String bytes, String expected) {
        assertEquals(expected, printed(hex(bytes == null ? "" : bytes.strip())));
    }

    @Test
    void sixtyFourBitCellsPrintUnsigned() {
        Node root = new Node("");
        root.addProperty("p", PropertyValue.builder().cells(dev.hwdesc.fdt.ValueType.CELLS64, -1L, 5L).build());
        String text = DtsWriter.write(new DeviceTree(root, List.of(), 0));
        assertEquals("\tp = /bits/ 64 <0xffffffffffffffff 0x05>;", text.lines().filter(l -> l.startsWith("\tp")).findFirst().orElseThrow());
    }

    @Test
    void stringListsPrintAsOneStringSoAnOctalDigitJoinsTheEscape() {
        // dtc 1.6.1 prints "a", "7b" as "a\07b", which dtc itself reads back as "a" 0x07 "b".
        assertEquals("p = \"a\\07b\";", printed("a\0007b\0".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void layoutMatchesDtc() {
        Node root = new Node("");
        root.addProperty("model", PropertyValue.ofStrings("m"));
        Node a = root.addChild(new Node("a@1"));
        a.addProperty("empty", PropertyValue.empty());
        a.addChild(new Node("b"));
        root.addChild(new Node("c"));
        DeviceTree t = new DeviceTree(root, List.of(MemoryReservation.of(0x1000, 0x20)), 0);
        assertEquals("""
                /dts-v1/;

                /memreserve/\t0x0000000000001000 0x0000000000000020;
                / {
                \tmodel = "m";

                \ta@1 {
                \t\tempty;

                \t\tb {
                \t\t};
                \t};

                \tc {
                \t};
                };
                """, DtsWriter.write(t));
    }

    /** dtc 1.6.1 prints no "/plugin/;" line: {@code /dts-v1/; /plugin/; / { };} comes out without it. */
    @Test
    void aPluginPrintsNoPluginLine() {
        DeviceTree t = new DeviceTree(new Node(""), List.of(), 0);
        t.setPlugin(true);
        assertEquals("/dts-v1/;\n\n/ {\n};\n", DtsWriter.write(t));
    }

    /** 64-bit cells are unsigned: {@code /bits/ 64 <0xdeadbeef00000000 ...>} as dtc 1.6.1 prints it. */
    @Test
    void sixtyFourBitCellsWithTheTopBitSet() {
        Node root = new Node("");
        root.addProperty("a", PropertyValue.builder().cells(dev.hwdesc.fdt.ValueType.CELLS64,
                0xdeadbeef00000000L, -1L, Long.MIN_VALUE, 5).build());
        assertEquals("/dts-v1/;\n\n/ {\n\ta = /bits/ 64 <0xdeadbeef00000000 0xffffffffffffffff 0x8000000000000000"
                + " 0x05>;\n};\n", DtsWriter.write(new DeviceTree(root, List.of(), 0)));
    }
}
