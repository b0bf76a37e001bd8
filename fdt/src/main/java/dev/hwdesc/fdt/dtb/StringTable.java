package dev.hwdesc.fdt.dtb;

import java.util.Arrays;

/**
 * The strings block as dtc builds it: names in first-use order, and a name equal to a tail of an
 * earlier string reuses that tail ("patible" lands inside "compatible"). dtc finds the first byte
 * offset {@code i} where {@code strcmp(name, table + i) == 0} by scanning the whole table; that
 * offset is the tail of the earliest string ending in {@code name}. Here every tail of every string
 * added is remembered in an open-addressing hash set of table offsets (a tail runs from its offset
 * to the next NUL), earliest first, so lookups cost the name's length and nothing is allocated per
 * name but table bytes.
 */
final class StringTable {

    private final ByteSink table = new ByteSink(256);
    /** Slots hold a tail's table offset + 1 (0 = empty). */
    private int[] slots = new int[256];
    private int used;

    /** The offset of {@code name} in the table, adding it if no string ends with it. */
    int offsetOf(String name) {
        int found = find(name);
        if (found >= 0) {
            return found;
        }
        int start = table.size();
        table.latin1(name);
        table.zeros(1);
        for (int k = 0; k <= name.length(); k++) {
            addTail(start + k, name, k);
        }
        return start;
    }

    int size() {
        return table.size();
    }

    void appendTo(ByteSink out) {
        out.bytes(table.array(), 0, table.size());
    }

    private int find(String name) {
        int mask = slots.length - 1;
        for (int i = hash(name, 0) & mask;; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (tailEquals(s - 1, name, 0)) {
                return s - 1;
            }
        }
    }

    /** Remembers the tail at {@code offset} (equal to {@code name} from {@code from}) unless an earlier equal one exists. */
    private void addTail(int offset, String name, int from) {
        if ((used + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = hash(name, from) & mask;; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                slots[i] = offset + 1;
                used++;
                return;
            }
            if (tailEquals(s - 1, name, from)) {
                return; // an earlier string already ends this way
            }
        }
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        int mask = slots.length - 1;
        byte[] t = table.array();
        for (int s : old) {
            if (s != 0) {
                int h = hashBytes(t, s - 1);
                int i = h & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    private boolean tailEquals(int offset, String name, int from) {
        byte[] t = table.array();
        int n = name.length() - from;
        if (offset + n >= table.size() || t[offset + n] != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((t[offset + i] & 0xff) != name.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String s, int from) {
        int h = 0x811c9dc5;
        for (int i = from; i < s.length(); i++) {
            h = (h ^ (s.charAt(i) & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static int hashBytes(byte[] t, int offset) {
        int h = 0x811c9dc5;
        for (int i = offset; t[i] != 0; i++) {
            h = (h ^ (t[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return new String(Arrays.copyOf(table.array(), table.size()), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
