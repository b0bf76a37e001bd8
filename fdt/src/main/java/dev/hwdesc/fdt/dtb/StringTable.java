package dev.hwdesc.fdt.dtb;

import java.util.HashMap;
import java.util.Map;

/**
 * The strings block as dtc builds it: names in first-use order, and a name equal to a tail of an
 * earlier string reuses that tail ("patible" lands inside "compatible"). dtc finds the first byte
 * offset {@code i} where {@code strcmp(name, table + i) == 0} by scanning; that offset is the tail
 * of the earliest string ending in {@code name}, so remembering every tail of every string added
 * gives the same offsets in time linear in the total length.
 */
final class StringTable {

    private final ByteSink table = new ByteSink(256);
    private final Map<String, Integer> offsetOfTail = new HashMap<>();

    /** The offset of {@code name} in the table, adding it if no string ends with it. */
    int offsetOf(String name) {
        Integer known = offsetOfTail.get(name);
        if (known != null) {
            return known;
        }
        int start = table.size();
        table.latin1(name);
        table.zeros(1);
        for (int k = 0; k <= name.length(); k++) {
            offsetOfTail.putIfAbsent(name.substring(k), start + k);
        }
        return start;
    }

    int size() {
        return table.size();
    }

    void appendTo(ByteSink out) {
        out.bytes(table.array(), 0, table.size());
    }
}
