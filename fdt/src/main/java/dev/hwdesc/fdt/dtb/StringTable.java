package dev.hwdesc.fdt.dtb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The strings block as dtc builds it: names in first-use order, and a name equal to a tail of an
 * earlier string reuses that tail ("patible" lands inside "compatible"). dtc finds the first byte
 * offset {@code i} where {@code strcmp(name, table + i) == 0} by scanning the whole table; that
 * offset is the tail of the earliest string ending in {@code name}.
 *
 * <p>Here every tail of every string added is remembered, earliest first, in an open-addressing set
 * of table offsets (a tail runs from its offset to the next NUL). A tail's hash is a polynomial hash
 * of its bytes read backwards, so all tails of a name are hashed in one pass from its end, and a
 * lookup costs the name's length. Names asked for again are answered from a map.
 */
final class StringTable {

    private static final int MULTIPLIER = 0x01000193;

    private final ByteSink table = new ByteSink(256);
    /** Names already asked for: a name repeats on every node that has it. */
    private final Map<String, Integer> asked = new HashMap<>();
    /** A direct-mapped cache in front of {@code asked}: no boxing, usually one comparison by identity. */
    private final String[] recentNames = new String[256];
    private final int[] recentOffsets = new int[256];
    /** Slots hold a tail's table offset + 1 (0 = empty); {@code hashes} holds that tail's hash. */
    private int[] slots = new int[1024];
    private int[] hashes = new int[1024];
    private int used;

    /** The offset of {@code name} in the table, adding it if no string ends with it. */
    int offsetOf(String name) {
        int slot = name.hashCode() & (recentNames.length - 1);
        String recent = recentNames[slot];
        if (recent == name || name.equals(recent)) {
            return recentOffsets[slot];
        }
        Integer known = asked.get(name);
        int offset;
        if (known != null) {
            offset = known;
        } else {
            offset = place(name);
            asked.put(name, offset);
        }
        recentNames[slot] = name;
        recentOffsets[slot] = offset;
        return offset;
    }

    int size() {
        return table.size();
    }

    void appendTo(ByteSink out) {
        out.bytes(table.array(), 0, table.size());
    }

    private int place(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("property name contains NUL");
        }
        int found = find(name, tailHash(name));
        if (found >= 0) {
            return found;
        }
        int start = table.size();
        table.latin1(name);
        table.zeros(1);
        // Hash the tails from the shortest (the empty one) to the whole name.
        int h = 0;
        addTail(start + name.length(), name.length(), h, name);
        for (int k = name.length() - 1; k >= 0; k--) {
            h = h * MULTIPLIER + (name.charAt(k) & 0xff) + 1;
            addTail(start + k, k, h, name);
        }
        return start;
    }

    /** The hash of {@code s} as a tail: its bytes from last to first. */
    private static int tailHash(String s) {
        int h = 0;
        for (int k = s.length() - 1; k >= 0; k--) {
            h = h * MULTIPLIER + (s.charAt(k) & 0xff) + 1;
        }
        return h;
    }

    private static int slotOf(int hash, int mask) {
        return (hash ^ (hash >>> 15)) & mask;
    }

    private int find(String name, int hash) {
        int mask = slots.length - 1;
        for (int i = slotOf(hash, mask);; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (hashes[i] == hash && tailEquals(s - 1, name, 0)) {
                return s - 1;
            }
        }
    }

    /** Remembers the tail at {@code offset} (equal to {@code name} from {@code from}) unless an earlier equal one exists. */
    private void addTail(int offset, int from, int hash, String name) {
        if ((used + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = slotOf(hash, mask);; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                slots[i] = offset + 1;
                hashes[i] = hash;
                used++;
                return;
            }
            if (hashes[i] == hash && tailEquals(s - 1, name, from)) {
                return; // an earlier string already ends this way
            }
        }
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = slotOf(oldHashes[j], mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
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
            if ((t[offset + i] & 0xff) != (name.charAt(from + i) & 0xff)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(Arrays.copyOf(table.array(), table.size()), StandardCharsets.ISO_8859_1);
    }
}
