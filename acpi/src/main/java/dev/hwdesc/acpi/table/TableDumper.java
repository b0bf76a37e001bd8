package dev.hwdesc.acpi.table;

import java.nio.charset.StandardCharsets;

/**
 * Text of a table, one line per field in the manner of iasl's disassembler: {@code [offset width]
 * name : value}, with each field's meaning, subtables separated by blank lines and raw bytes in hex.
 * Offsets are from the start of the table; computed fields show the values the encoder writes.
 */
public final class TableDumper {

    private TableDumper() {
    }

    public static String dump(Structure table) {
        byte[] bytes = TableCodec.encode(table);
        StringBuilder out = new StringBuilder();
        dump(table, bytes, 0, out);
        return out.toString();
    }

    /** Dumps {@code s}, whose encoding starts at {@code base} in {@code bytes}; returns where it ends. */
    private static int dump(Structure s, byte[] bytes, int base, StringBuilder out) {
        Layout layout = s.layout();
        out.append("; ").append(layout.name()).append('\n');
        for (Field f : layout.fields()) {
            int o = base + f.offset();
            out.append(String.format("[%03Xh %04d %2d] %36s : ", o, o, f.width(), label(f)));
            if (f.numeric()) {
                long v = TableCodec.number(bytes, o, f.width());
                out.append(String.format("%0" + (2 * f.width()) + "X", v));
            } else if (f.kind() == FieldKind.ASCII) {
                out.append('"').append(printable(new String(bytes, o, f.width(), StandardCharsets.ISO_8859_1))).append('"');
            } else {
                hex(bytes, o, f.width(), out);
            }
            if (f.kind() != FieldKind.RESERVED) {
                out.append("    ; ").append(f.meaning());
            }
            out.append('\n');
        }
        int pos = base + layout.size();
        for (Structure c : s.children()) {
            out.append('\n');
            pos = dump(c, bytes, pos, out);
        }
        int tail = s.tail().length;
        if (tail > 0) {
            out.append(String.format("[%03Xh %04d %2d] %36s : ", pos, pos, tail, "Raw data"));
            hex(bytes, pos, tail, out);
            out.append('\n');
        }
        return pos + tail;
    }

    private static String label(Field f) {
        return f.kind() == FieldKind.RESERVED ? "Reserved" : f.name();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }

    private static void hex(byte[] b, int from, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02X", b[from + i] & 0xff));
        }
    }
}
