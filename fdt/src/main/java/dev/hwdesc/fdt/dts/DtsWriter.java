package dev.hwdesc.fdt.dts;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a tree as DTS source, the same text as dtc 1.6.1's {@code -O dts}: tab indentation, a blank
 * line before each child node, values printed chunk by chunk from their markers, or, without markers,
 * as one chunk of the guessed type ({@link ValueTypeGuess}). Text is Latin-1 so every byte of a name
 * or string round-trips.
 */
public final class DtsWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final Text out = new Text(1 << 16);

    private DtsWriter() {
    }

    /** The DTS text of {@code tree}. */
    public static String write(DeviceTree tree) {
        return new String(writeBytes(tree), StandardCharsets.ISO_8859_1);
    }

    /** The DTS text of {@code tree} as the bytes dtc would write. */
    public static byte[] writeBytes(DeviceTree tree) {
        DtsWriter w = new DtsWriter();
        w.tree(tree);
        return w.out.toByteArray();
    }

    /** A growable buffer of Latin-1 text: one byte per char, so names and strings keep their bytes. */
    private static final class Text {
        private byte[] buf;
        private int size;

        Text(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(size + extra, buf.length * 2));
            }
        }

        Text append(char c) {
            ensure(1);
            buf[size++] = (byte) c;
            return this;
        }

        Text append(byte b) {
            ensure(1);
            buf[size++] = b;
            return this;
        }

        Text append(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[size + i] = (byte) s.charAt(i);
            }
            size += n;
            return this;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }

    private void tree(DeviceTree tree) {
        // dtc 1.6.1 writes no "/plugin/;" line, even for a plugin compiled from DTS (1.8.0 does).
        out.append("/dts-v1/;\n\n");
        for (MemoryReservation r : tree.reservations()) {
            for (var l : r.labels()) {
                if (!l.deleted()) {
                    out.append(l.name()).append(": ");
                }
            }
            out.append("/memreserve/\t");
            hex64Padded(r.address());
            out.append(' ');
            hex64Padded(r.size());
            out.append(";\n");
        }
        node(tree.root(), 0);
    }

    /** An explicit stack: deep trees must not overflow the Java stack. */
    private void node(Node root, int rootLevel) {
        Node[] open = new Node[16];
        int[] next = new int[16];
        int depth = 0;
        openNode(root, rootLevel);
        open[depth] = root;
        next[depth] = 0;
        depth++;
        while (depth > 0) {
            Node top = open[depth - 1];
            int i = next[depth - 1];
            while (i < top.childCount() && top.childAt(i).isDeleted()) {
                i++;
            }
            if (i < top.childCount()) {
                next[depth - 1] = i + 1;
                Node child = top.childAt(i);
                out.append('\n');
                openNode(child, rootLevel + depth);
                if (depth == open.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                    next = java.util.Arrays.copyOf(next, depth * 2);
                }
                open[depth] = child;
                next[depth] = 0;
                depth++;
            } else {
                depth--;
                open[depth] = null;
                indent(rootLevel + depth);
                out.append("};\n");
            }
        }
    }

    private void openNode(Node node, int level) {
        indent(level);
        if (node.hasLabelEntries()) {
            for (String l : node.labels()) {
                out.append(l).append(": ");
            }
        }
        out.append(node.name().isEmpty() ? "/" : node.name()).append(" {\n");
        for (int i = 0, n = node.propertyCount(); i < n; i++) {
            Property p = node.propertyAt(i);
            if (p.isDeleted()) {
                continue;
            }
            indent(level + 1);
            if (p.hasLabelEntries()) {
                for (String l : p.labels()) {
                    out.append(l).append(": ");
                }
            }
            out.append(p.name());
            value(p.value());
        }
    }

    private void indent(int level) {
        for (int i = 0; i < level; i++) {
            out.append('\t');
        }
    }

    /** One marker in dtc's sense: a chunk start (typed), a label, or a reference. */
    private record Mark(int offset, ValueType type, String label) {
        boolean typed() {
            return type != null;
        }
    }

    private void value(PropertyValue v) {
        int len = v.length();
        if (len == 0) {
            out.append(";\n");
            return;
        }
        out.append(" =");
        if (v.markers().isEmpty()) {
            // A value read from a blob: one chunk of the guessed type.
            ValueType t = ValueTypeGuess.guess(v);
            out.append(' ').append(startDelimiter(t));
            chunk(v, t, 0, len);
            out.append(endDelimiter(t)).append(";\n");
            return;
        }
        List<Mark> marks = new ArrayList<>(v.markers().size() + 1);
        if (!v.hasTypeInformation()) {
            marks.add(new Mark(0, ValueTypeGuess.guess(v), null));
        }
        for (Marker m : v.markers()) {
            if (m instanceof Marker.Chunk c) {
                marks.add(new Mark(c.offset(), c.type(), null));
            } else if (m instanceof Marker.ValueLabel l) {
                marks.add(new Mark(l.offset(), null, l.name()));
            } else {
                marks.add(new Mark(m.offset(), null, null));
            }
        }
        ValueType emitType = null;
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            int chunkLength = (i + 1 < marks.size() ? marks.get(i + 1).offset() : len) - m.offset();
            int typedLength = typedLength(marks, i);
            int dataLength = typedLength != 0 ? typedLength : len - m.offset();
            if (m.typed()) {
                emitType = m.type();
                out.append(' ').append(startDelimiter(emitType));
            } else if (m.label() != null) {
                out.append(' ').append(m.label()).append(':');
            } else if (m.offset() != 0) {
                out.append(' ');
            }
            if (emitType == null) {
                continue;
            }
            chunk(v, emitType, m.offset(), chunkLength);
            if (chunkLength == dataLength) {
                out.append(endDelimiter(emitType));
                if (m.offset() + chunkLength != len) {
                    out.append(',');
                }
                emitType = null;
            }
        }
        out.append(";\n");
    }

    private void chunk(PropertyValue v, ValueType type, int from, int length) {
        switch (type) {
            case CELLS16 -> ints(v, from, length, 2);
            case CELLS32 -> ints(v, from, length, 4);
            case CELLS64 -> ints(v, from, length, 8);
            case STRING -> string(v, from, length);
            default -> ints(v, from, length, 1);
        }
    }

    /** dtc's type_marker_length: distance from this marker to the next typed one after it, or 0. */
    private static int typedLength(List<Mark> marks, int i) {
        for (int j = i + 1; j < marks.size(); j++) {
            if (marks.get(j).typed()) {
                return marks.get(j).offset() - marks.get(i).offset();
            }
        }
        return 0;
    }

    private static String startDelimiter(ValueType t) {
        return switch (t) {
            case BYTES, CELLS8 -> "[";
            case CELLS16 -> "/bits/ 16 <";
            case CELLS32 -> "<";
            case CELLS64 -> "/bits/ 64 <";
            case STRING -> "";
        };
    }

    private static String endDelimiter(ValueType t) {
        return switch (t) {
            case BYTES, CELLS8 -> "]";
            case CELLS16, CELLS32, CELLS64 -> ">";
            case STRING -> "";
        };
    }

    /** Elements of {@code width} bytes: {@code %02x} for bytes, {@code 0x%02x} for cells, space-separated. */
    private void ints(PropertyValue v, int from, int length, int width) {
        int end = from + length;
        for (int p = from; p + width <= end; p += width) {
            long x = 0;
            for (int k = 0; k < width; k++) {
                x = (x << 8) | (v.byteAt(p + k) & 0xff);
            }
            if (width == 1) {
                out.append(HEX[(int) (x >> 4)]).append(HEX[(int) (x & 15)]);
            } else {
                out.append("0x");
                hexMin2(x);
            }
            if (p + width < end) {
                out.append(' ');
            }
        }
    }

    /** {@code %02llx}: at least two digits; x is unsigned (a 64-bit cell may have its top bit set). */
    private void hexMin2(long x) {
        if (Long.compareUnsigned(x, 16) < 0) {
            out.append('0').append(HEX[(int) x]);
            return;
        }
        int digits = (64 - Long.numberOfLeadingZeros(x) + 3) / 4;
        for (int d = digits - 1; d >= 0; d--) {
            out.append(HEX[(int) ((x >>> (d * 4)) & 15)]);
        }
    }

    private void hex64Padded(long x) {
        out.append("0x");
        for (int d = 15; d >= 0; d--) {
            out.append(HEX[(int) ((x >>> (d * 4)) & 15)]);
        }
    }

    /** A string chunk: quoted, with dtc's escapes; a chunk must end in NUL, which is not printed. */
    private void string(PropertyValue v, int from, int length) {
        if (length == 0) {
            return;
        }
        int end = from + length - 1;
        out.append('"');
        for (int i = from; i < end; i++) {
            int c = v.byteAt(i) & 0xff;
            switch (c) {
                case 7 -> out.append("\\a");
                case 8 -> out.append("\\b");
                case 9 -> out.append("\\t");
                case 10 -> out.append("\\n");
                case 11 -> out.append("\\v");
                case 12 -> out.append("\\f");
                case 13 -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case 0 -> out.append("\\0");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        out.append((char) c);
                    } else {
                        // dtc prints the signed char with %02x: bytes from 0x80 come out as \xffffff80.
                        out.append("\\x").append(String.format("%02x", (int) (byte) c));
                    }
                }
            }
        }
        out.append('"');
    }
}
