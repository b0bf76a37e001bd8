package dev.hwdesc.fdt.dtb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strings table gives the offsets of dtc's scan: the first i where strcmp(name, table + i) == 0. */
class StringTablePropertyTest {

    /** dtc's stringtable_insert, as written: scan every byte offset of the table built so far. */
    private static int scanInsert(ByteArrayOutputStream table, String name) {
        byte[] t = table.toByteArray();
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < t.length; i++) {
            int j = 0;
            while (j < n.length && i + j < t.length && t[i + j] == n[j]) {
                j++;
            }
            if (j == n.length && i + j < t.length && t[i + j] == 0) {
                return i;
            }
        }
        table.writeBytes(n);
        table.write(0);
        return t.length;
    }

    @Test
    void offsetsMatchDtcsScan() {
        qt().withFixedSeed(0x57_0001L).withExamples(2000)
                .forAll(lists().of(strings().betweenCodePoints('a', 'e').ofLengthBetween(0, 6)).ofSizeBetween(1, 40))
                .checkAssert(names -> check(names));
    }

    @Test
    void manyNamesGrowTheTable() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            names.add("p" + Integer.toString(i * 7919 % 10007, 36));
            names.add(Integer.toString(i % 97, 36));
        }
        check(names);
    }

    private static void check(List<String> names) {
        StringTable table = new StringTable();
        ByteArrayOutputStream naive = new ByteArrayOutputStream();
        for (String name : names) {
            assertEquals(scanInsert(naive, name), table.offsetOf(name), () -> "offset of \"" + name + "\" after " + names);
        }
        assertEquals(naive.size(), table.size());
    }
}
