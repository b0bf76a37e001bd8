package dev.hwdesc.acpi.table;

import java.nio.charset.StandardCharsets;

/**
 * Text of a table, one line per field in the manner of iasl's disassembler: {@code [offset width]
 * name : value}, with each field's meaning, subtables separated by blank lines and raw bytes in hex.
 * Offsets are from the start of the table; computed fields show the values the encoder writes.
 * {@link #walk} visits the same fields in the same order for any other form (JSON).
 */
public final class TableDumper {

    /** What to do with a structure's raw tail bytes (a DSDT's AML). */
    public enum Tail {
        /** Every byte in hex. */
        HEX,
        /** Only its offset and size. */
        SIZE
    }

    /** Receives a table's structures, fields and raw bytes in layout order. */
    public interface Visitor {
        /** A structure (the table, or a subtable) starts at {@code offset}. */
        void begin(Structure s, int offset);

        /** A fixed field; {@code bytes} is the whole table, the field at {@code offset}. */
        void field(Field f, byte[] bytes, int offset);

        /** Raw bytes after the structure's children. */
        void tail(byte[] bytes, int offset, int length);

        /** The structure begun last ends. */
        void end(Structure s);
    }

    private TableDumper() {
    }

    public static String dump(Structure table) {
        return dump(table, Tail.HEX);
    }

    public static String dump(Structure table, Tail tailMode) {
        StringBuilder out = new StringBuilder();
        walk(table, new Text(out, tailMode));
        return out.toString();
    }

    /** Visits {@code table} (encoded once) field by field, subtables in order. */
    public static void walk(Structure table, Visitor v) {
        walk(table, TableCodec.encode(table), 0, v);
    }

    /**
     * Visits a decoded table with the bytes it was read from, so that a checksum shows as read
     * rather than as the encoder would compute it.
     *
     * @throws IllegalArgumentException if {@code asRead} is not as long as the table's encoding
     */
    public static void walk(Structure table, byte[] asRead, Visitor v) {
        int length = TableCodec.size(table);
        if (asRead.length != length) {
            throw new IllegalArgumentException("the table encodes to " + length + " bytes, not " + asRead.length);
        }
        walk(table, asRead, 0, v);
    }

    /** Text of a decoded table with the bytes it was read from (see {@link #walk(Structure, byte[], Visitor)}). */
    public static String dump(Structure table, byte[] asRead, Tail tailMode) {
        StringBuilder out = new StringBuilder();
        walk(table, asRead, new Text(out, tailMode));
        return out.toString();
    }

    /** Visits {@code s}, whose encoding starts at {@code base} in {@code bytes}; returns where it ends. */
    private static int walk(Structure s, byte[] bytes, int base, Visitor v) {
        Layout layout = s.layout();
        v.begin(s, base);
        for (Field f : layout.fields()) {
            v.field(f, bytes, base + f.offset());
        }
        int pos = base + layout.size();
        for (Structure c : s.children()) {
            pos = walk(c, bytes, pos, v);
        }
        int tail = s.tail().length;
        if (tail > 0) {
            v.tail(bytes, pos, tail);
        }
        v.end(s);
        return pos + tail;
    }

    /** A field's value as text: a number in hex, ASCII quoted, bytes in hex. */
    public static String value(Field f, byte[] bytes, int o) {
        if (f.numeric()) {
            long v = TableCodec.number(bytes, o, f.width());
            return String.format("%0" + (2 * f.width()) + "X", v);
        }
        if (f.kind() == FieldKind.ASCII) {
            return '"' + printable(new String(bytes, o, f.width(), StandardCharsets.ISO_8859_1)) + '"';
        }
        return hex(bytes, o, f.width(), " ");
    }

    /** What the dumper calls a field: its name, or "Reserved". */
    public static String label(Field f) {
        return f.kind() == FieldKind.RESERVED ? "Reserved" : f.name();
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }

    /** {@code n} bytes from {@code from} in hex, two digits each, joined by {@code separator}. */
    public static String hex(byte[] b, int from, int n, String separator) {
        StringBuilder out = new StringBuilder(n * (2 + separator.length()));
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : separator).append(Character.toUpperCase(Character.forDigit((b[from + i] >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b[from + i] & 0xf, 16)));
        }
        return out.toString();
    }

    /** The text form. */
    private static final class Text implements Visitor {
        private final StringBuilder out;
        private final Tail tailMode;
        private boolean first = true;

        Text(StringBuilder out, Tail tailMode) {
            this.out = out;
            this.tailMode = tailMode;
        }

        @Override
        public void begin(Structure s, int offset) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            out.append("; ").append(s.layout().name()).append('\n');
        }

        @Override
        public void field(Field f, byte[] bytes, int o) {
            out.append(String.format("[%03Xh %04d %2d] %36s : ", o, o, f.width(), label(f)));
            out.append(value(f, bytes, o));
            if (f.kind() != FieldKind.RESERVED) {
                out.append("    ; ").append(f.meaning());
            }
            out.append('\n');
        }

        @Override
        public void tail(byte[] bytes, int pos, int length) {
            if (tailMode == Tail.SIZE) {
                out.append(String.format("[%03Xh %04d %4d] %34s : %d bytes, not decoded%n", pos, pos, length, "Raw data", length));
            } else {
                out.append(String.format("[%03Xh %04d %2d] %36s : ", pos, pos, length, "Raw data"));
                out.append(hex(bytes, pos, length, " ")).append('\n');
            }
        }

        @Override
        public void end(Structure s) {
        }
    }
}
