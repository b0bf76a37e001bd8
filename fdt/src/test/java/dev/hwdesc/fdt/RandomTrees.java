package dev.hwdesc.fdt;

import dev.hwdesc.fdt.dts.DtsWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random device trees for property tests. A tree is drawn from a seed (QuickTheories draws and
 * reports the seed), so a failure names the seed that reproduces it. Two flavours:
 * {@link #anyTree} exercises the codec with any bytes a blob can hold; {@link #dtcCleanTree} stays
 * inside what dtc accepts without changing the tree (no check errors, no "name" or phandle
 * properties, boot CPU 0), so that dtc can compile its DTS back to the same blob.
 */
public final class RandomTrees {

    private static final String NODE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-";
    private static final String PROP_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-#?*";

    /** A tree with the seed it came from; prints as its seed and DTS so a failure is readable. */
    public record Sample(long seed, DeviceTree tree) {
        @Override
        public String toString() {
            return "seed " + seed + ":\n" + DtsWriter.write(tree);
        }
    }

    private RandomTrees() {
    }

    public static Gen<Sample> anyTree() {
        return SourceDSL.longs().all().map(seed -> new Sample(seed, build(new Random(seed), false)));
    }

    public static Gen<Sample> dtcCleanTree() {
        return SourceDSL.longs().all().map(seed -> new Sample(seed, build(new Random(seed), true)));
    }

    /** Builds a tree from a random source; {@code clean} keeps it inside what dtc accepts unchanged. */
    public static DeviceTree build(Random r, boolean clean) {
        Node root = new Node("");
        int budget = 1 + r.nextInt(r.nextInt(8) == 0 ? 400 : 40);
        int[] left = {budget};
        int maxDepth = r.nextInt(6) == 0 ? 64 : 1 + r.nextInt(6);
        fill(r, root, 0, maxDepth, left, clean);
        List<MemoryReservation> reservations = new ArrayList<>();
        int n = r.nextInt(4) == 0 ? r.nextInt(6) : 0;
        for (int i = 0; i < n; i++) {
            long size = r.nextLong();
            reservations.add(MemoryReservation.of(r.nextLong(), size == 0 ? 1 : size));
        }
        long boot = clean ? 0 : (r.nextBoolean() ? 0 : r.nextInt() & 0xffffffffL);
        return new DeviceTree(root, reservations, boot);
    }

    private static void fill(Random r, Node node, int depth, int maxDepth, int[] left, boolean clean) {
        int props = r.nextInt(6);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < props; i++) {
            String name = propertyName(r, clean);
            if (used.add(name)) {
                node.addProperty(name, value(r, clean));
            }
        }
        if (depth >= maxDepth) {
            return;
        }
        // A deep chain now and then, otherwise a bushy tree.
        int kids = maxDepth > 8 ? 1 : r.nextInt(4);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < kids && left[0] > 0; i++) {
            String name = nodeName(r, clean);
            if (!names.add(name) || (depth == 0 && name.equals("cpus"))) {
                continue;
            }
            left[0]--;
            Node child = new Node(name);
            node.addChild(child);
            fill(r, child, depth + 1, maxDepth, left, clean);
        }
    }

    private static String nodeName(Random r, boolean clean) {
        String base = word(r, NODE_CHARS.replace("@", ""), 1 + r.nextInt(10));
        if (!clean && r.nextInt(10) == 0) {
            base = anyName(r);
        }
        if (r.nextInt(3) == 0) {
            base = base + "@" + Long.toHexString(r.nextInt(1 << 20));
        }
        return base;
    }

    private static String propertyName(Random r, boolean clean) {
        if (!clean && r.nextInt(10) == 0) {
            return anyName(r);
        }
        String[] common = {"compatible", "reg", "status", "#address-cells", "#size-cells", "interrupts",
            "model", "device_type", "ranges", "clock-frequency", "patible", "ible"};
        String name = r.nextInt(3) == 0 ? common[r.nextInt(common.length)] : word(r, PROP_CHARS, 1 + r.nextInt(12));
        if (clean && (name.equals("name") || name.equals("phandle") || name.equals("linux,phandle"))) {
            return "x" + name;
        }
        return name;
    }

    /** Any non-empty name without NUL or '/', bytes 1..255. */
    private static String anyName(Random r) {
        StringBuilder sb = new StringBuilder();
        int len = 1 + r.nextInt(12);
        while (sb.length() < len) {
            char c = (char) (1 + r.nextInt(255));
            if (c != '/') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String word(Random r, String alphabet, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A value of some kind: empty, string(s), cells of each width, bytes, or raw noise. */
    private static PropertyValue value(Random r, boolean clean) {
        switch (r.nextInt(8)) {
            case 0:
                return PropertyValue.empty();
            case 1: {
                int n = 1 + r.nextInt(3);
                String[] s = new String[n];
                for (int i = 0; i < n; i++) {
                    s[i] = printable(r, r.nextInt(20));
                    if (clean && i > 0 && !s[i].isEmpty() && s[i].charAt(0) >= '0' && s[i].charAt(0) <= '7') {
                        // dtc 1.6.1 prints a string list as one string joined by \0, so an element
                        // starting with an octal digit reads back as part of an octal escape
                        // ("K\0276" is "K", 0x17, "6"): dtc cannot read back its own output there.
                        s[i] = "x" + s[i];
                    }
                }
                return PropertyValue.ofStrings(s);
            }
            case 2: {
                long[] cells = new long[1 + r.nextInt(8)];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = r.nextInt(4) == 0 ? r.nextInt(16) : r.nextInt() & 0xffffffffL;
                }
                return PropertyValue.ofCells(cells);
            }
            case 3: {
                ValueType t = List.of(ValueType.CELLS8, ValueType.CELLS16, ValueType.CELLS64).get(r.nextInt(3));
                long[] v = new long[1 + r.nextInt(5)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.nextLong();
                }
                return PropertyValue.builder().cells(t, v).build();
            }
            case 4: {
                byte[] b = new byte[1 + r.nextInt(24)];
                r.nextBytes(b);
                return PropertyValue.builder().bytes(b).build();
            }
            case 5: {
                // string-like bytes with escapes and embedded NULs: exercises the printer's guessing
                String alphabet = "ab\0\t\n\r\u0007\u0008\u000b\u000c\\\"x ";
                StringBuilder sb = new StringBuilder();
                int len = r.nextInt(12);
                for (int i = 0; i < len; i++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                sb.append('\0');
                return PropertyValue.ofBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
            case 6: {
                byte[] b = new byte[r.nextInt(r.nextInt(10) == 0 ? 300 : 12)];
                r.nextBytes(b);
                return PropertyValue.ofBytes(b);
            }
            default:
                return PropertyValue.ofStrings(printable(r, 1 + r.nextInt(30)));
        }
    }

    private static String printable(Random r, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append((char) (0x20 + r.nextInt(0x5f)));
        }
        return sb.toString();
    }
}
