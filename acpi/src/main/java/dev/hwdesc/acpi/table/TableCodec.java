package dev.hwdesc.acpi.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one encoder and the one decoder of every layout. Encoding computes lengths, checksums, the
 * counts and offsets of repeated elements and tail lengths; decoding reads exactly what the layout
 * says, checks every read against the bounds of its structure, and keeps what it cannot follow as
 * raw bytes, so that decoding and re-encoding a well-formed table gives the same bytes.
 */
public final class TableCodec {

    private TableCodec() {
    }

    // ---------------------------------------------------------------- encoding

    /** The bytes of a structure and everything in it. */
    public static byte[] encode(Structure s) {
        byte[] out = new byte[size(s)];
        write(s, out, 0);
        return out;
    }

    /** How many bytes {@link #encode} gives for a structure: its fixed part, its children and its tail. */
    public static int size(Structure s) {
        int n = s.layout().size();
        for (Structure c : s.children()) {
            n = Math.addExact(n, size(c));
        }
        return Math.addExact(n, s.tailBytes().length);
    }

    /** Writes a structure at {@code start} of {@code out}, which has room for it; returns where it ends. */
    private static int write(Structure s, byte[] out, int start) {
        Layout layout = s.layout();
        List<Structure> children = s.children();
        int[] at = new int[children.size()];
        int pos = start + layout.size();
        for (int i = 0; i < at.length; i++) {
            at[i] = pos - start;
            pos = write(children.get(i), out, pos);
        }
        byte[] tail = s.tailBytes();
        int tailAt = pos - start;
        System.arraycopy(tail, 0, out, pos, tail.length);
        pos += tail.length;
        int total = pos - start;
        Long[] computed = s.verbatim() ? null : computed(s, at, tailAt, tail.length);
        List<Field> fields = layout.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            switch (f.kind()) {
                case LENGTH -> {
                    if (f.width() < 8 && ((long) total >>> (8 * f.width())) != 0) {
                        throw new IllegalArgumentException(layout.name() + " is " + total + " bytes, too long for its "
                                + f.width() + "-byte length");
                    }
                    putNumber(out, start + f.offset(), f.width(), total);
                }
                case CHECKSUM -> out[start + f.offset()] = 0;
                default -> {
                    Long c = computed == null ? null : computed[i];
                    if (c != null) {
                        putNumber(out, start + f.offset(), f.width(), c);
                    } else {
                        putValue(out, start, f, s.value(i));
                    }
                }
            }
        }
        for (Field f : fields) {
            if (f.kind() == FieldKind.CHECKSUM) {
                int span = f.checksumSpan() == 0 ? total : Math.min(f.checksumSpan(), total);
                out[start + f.offset()] = (byte) -sum(out, start, start + span);
            }
        }
        return pos;
    }

    /**
     * The values the encoder derives, by field position (null: none): the counts and offsets of
     * repeated elements and subtables, and the tail's length and offset. Null when the layout derives
     * nothing.
     */
    private static Long[] computed(Structure s, int[] at, int tailAt, int tailLength) {
        Layout layout = s.layout();
        if (layout.body().isEmpty() && layout.tailLength().isEmpty() && layout.tailOffset().isEmpty()) {
            return null;
        }
        Long[] computed = new Long[layout.fields().size()];
        List<Structure> children = s.children();
        for (Layout.Body rule : layout.body()) {
            if (rule instanceof Layout.Repeat r) {
                long count = 0;
                long first = 0;
                for (int i = 0; i < children.size(); i++) {
                    if (children.get(i).layout() == r.element() && count++ == 0) {
                        first = at[i];
                    }
                }
                int countAt = layout.fieldIndex(r.countField());
                Long earlier = computed[countAt];
                if (earlier != null && earlier != count) {
                    throw new IllegalArgumentException(layout.name() + ": " + r.countField() + " counts " + earlier
                            + " and " + count + " elements");
                }
                computed[countAt] = count;
                if (r.offsetField().isPresent()) {
                    int offsetAt = layout.fieldIndex(r.offsetField().get());
                    // An empty repeat keeps a decoded non-zero offset (see offsetFits); otherwise 0.
                    if (first != 0 || s.value(offsetAt) == null) {
                        computed[offsetAt] = first;
                    }
                }
            } else if (rule instanceof Layout.Subtables st && st.countField().isPresent()) {
                // A counted run of subtables is the structure's only body rule.
                computed[layout.fieldIndex(st.countField().get())] = (long) children.size();
                computed[layout.fieldIndex(st.offsetField().get())] = children.isEmpty() ? 0L : (long) at[0];
            }
        }
        layout.tailLength().ifPresent(f -> computed[layout.fieldIndex(f)] = (long) tailLength);
        layout.tailOffset().ifPresent(f -> computed[layout.fieldIndex(f)] = tailLength == 0 ? 0L : (long) tailAt);
        return computed;
    }

    /** The byte sum of {@code b[from..to)}, mod 256. */
    public static int sum(byte[] b, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += b[i];
        }
        return s & 0xff;
    }

    /** A field's value (or default) into the structure that starts at {@code start}. */
    private static void putValue(byte[] out, int start, Field f, Object v) {
        int at = start + f.offset();
        if (v == null) {
            if (f.numeric()) {
                putNumber(out, at, f.width(), f.defaultValue());
            } else if (f.kind() == FieldKind.ASCII) {
                putText(out, at, f.width(), "");
            }
            return;
        }
        if (v instanceof Long l) {
            putNumber(out, at, f.width(), l);
        } else if (v instanceof String t) {
            putText(out, at, f.width(), t);
        } else {
            byte[] b = (byte[]) v;
            System.arraycopy(b, 0, out, at, f.width());
        }
    }

    /**
     * ASCII, padded with NULs to the field's width, as QEMU pads a short -machine x-oem-id (its own
     * "BOCHS " carries its space in the string).
     */
    private static void putText(byte[] out, int at, int width, String t) {
        for (int i = 0; i < width; i++) {
            char c = i < t.length() ? t.charAt(i) : '\0';
            out[at + i] = (byte) (c <= 0xFF ? c : '?');
        }
    }

    private static void putNumber(byte[] out, int offset, int width, long v) {
        for (int i = 0; i < width; i++) {
            out[offset + i] = (byte) (v >>> (8 * i));
        }
    }

    // ---------------------------------------------------------------- decoding

    /** A decoded structure and where it ended. */
    private record Decoded(Structure structure, int end) {
    }

    /** Decodes one table (or any structure) that fills {@code bytes}, by {@code layout}. */
    public static Structure decode(Layout layout, byte[] bytes, String table) {
        Decoded d = decode(layout, bytes, 0, bytes.length, table);
        if (d.end() != bytes.length) {
            throw new AcpiFormatException(table, d.end(), (bytes.length - d.end()) + " bytes after the table's length");
        }
        return d.structure();
    }

    private static final class Failed extends Exception {
        Failed() {
            super(null, null, false, false);
        }
    }

    private static Decoded decode(Layout layout, byte[] b, int start, int limit, String table) {
        if (limit - start < layout.size()) {
            throw new AcpiFormatException(table, start, layout.name() + " needs " + layout.size() + " bytes, "
                    + (limit - start) + " remain");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int end;
        Optional<Field> len = layout.lengthField();
        if (len.isPresent()) {
            long n = number(b, start + len.get().offset(), len.get().width());
            if (n < layout.size() || n > limit - start) {
                throw new AcpiFormatException(table, start + len.get().offset(), layout.name() + " length " + n
                        + " is not within " + layout.size() + "-" + (limit - start));
            }
            end = start + (int) n;
        } else {
            end = layout.body().isEmpty() ? start + layout.size() : limit;
        }
        for (Field f : layout.fields()) {
            if (f.kind() == FieldKind.LENGTH || f.kind() == FieldKind.CHECKSUM) {
                continue;
            }
            int o = start + f.offset();
            if (f.numeric()) {
                long v = number(b, o, f.width());
                if (v != 0 || f.defaultValue() != 0 || f.kind() != FieldKind.RESERVED) {
                    values.put(f.name(), v);
                }
            } else if (f.kind() == FieldKind.ASCII) {
                values.put(f.name(), new String(b, o, f.width(), StandardCharsets.ISO_8859_1));
            } else {
                byte[] v = java.util.Arrays.copyOfRange(b, o, o + f.width());
                if (f.kind() != FieldKind.RESERVED || !allZero(v)) {
                    values.put(f.name(), v);
                }
            }
        }
        List<Structure> children = new ArrayList<>();
        int pos = start + layout.size();
        boolean verbatim = false;
        try {
            pos = decodeBody(layout, b, start, pos, end, values, children, table);
            int tailLength = end - pos;
            if (layout.tailLength().isPresent() && number(values, layout.tailLength().get()) != tailLength) {
                throw new Failed();
            }
            if (layout.tailOffset().isPresent()
                    && number(values, layout.tailOffset().get()) != (tailLength == 0 ? 0 : pos - start)) {
                throw new Failed();
            }
        } catch (Failed | AcpiFormatException e) {
            verbatim = true;
            children.clear();
            pos = start + layout.size();
        }
        if (!verbatim) {
            // Read every count before any is dropped: two repeats may share one (a DBG2 device's).
            Map<String, Long> counts = new HashMap<>();
            for (Layout.Body rule : layout.body()) {
                if (rule instanceof Layout.Repeat r) {
                    counts.put(r.countField(), number(values, r.countField()));
                }
            }
            for (Layout.Body rule : layout.body()) {
                if (rule instanceof Layout.Repeat r) {
                    boolean emptyButPlaced = counts.get(r.countField()) == 0
                            && r.offsetField().isPresent() && number(values, r.offsetField().get()) != 0;
                    values.remove(r.countField());
                    if (!emptyButPlaced) {
                        r.offsetField().ifPresent(values::remove);
                    }
                } else if (rule instanceof Layout.Subtables st && st.countField().isPresent()) {
                    values.remove(st.countField().get());
                    values.remove(st.offsetField().get());
                }
            }
            layout.tailLength().ifPresent(values::remove);
            layout.tailOffset().ifPresent(values::remove);
        }
        byte[] tail = java.util.Arrays.copyOfRange(b, pos, end);
        return new Decoded(new Structure(layout, values, children, tail, verbatim), end);
    }

    /**
     * Whether a repeat's offset field agrees with where its elements start: that place when there
     * are elements; 0 or that same place when there are none (QEMU 7.2 writes 0 for an IORT node
     * without ID mappings, QEMU 10.2 the node's end).
     */
    private static boolean offsetFits(long offset, long count, int elementsAt) {
        return offset == elementsAt || (count == 0 && offset == 0);
    }

    private static int decodeBody(Layout layout, byte[] b, int start, int pos, int end, Map<String, Object> values,
            List<Structure> children, String table) throws Failed {
        for (Layout.Body rule : layout.body()) {
            if (rule instanceof Layout.Repeat r) {
                long count = number(values, r.countField());
                if (r.offsetField().isPresent() && !offsetFits(number(values, r.offsetField().get()), count, pos - start)) {
                    throw new Failed();
                }
                if (count > (end - pos)) {
                    throw new Failed();
                }
                for (long i = 0; i < count; i++) {
                    Decoded d = decode(r.element(), b, pos, end, table);
                    children.add(d.structure());
                    pos = d.end();
                }
            } else if (rule instanceof Layout.Array a) {
                while (end - pos >= a.element().size()) {
                    Decoded d = decode(a.element(), b, pos, pos + a.element().size(), table);
                    children.add(d.structure());
                    pos = d.end();
                }
            } else if (rule instanceof Layout.Subtables st) {
                long remaining = Long.MAX_VALUE;
                if (st.countField().isPresent()) {
                    remaining = number(values, st.countField().get());
                    long off = number(values, st.offsetField().get());
                    if (off != (remaining == 0 ? 0 : pos - start)) {
                        throw new Failed();
                    }
                }
                long wanted = remaining;
                int before = children.size();
                while (pos < end && remaining-- > 0) {
                    if (end - pos < st.lengthOffset() + st.lengthWidth()) {
                        throw new Failed();
                    }
                    long type = b[pos] & 0xff;
                    long n = number(b, pos + st.lengthOffset(), st.lengthWidth());
                    if (n < st.lengthOffset() + st.lengthWidth() || n > end - pos) {
                        throw new Failed();
                    }
                    Layout sub = st.byType().get(type);
                    if (sub == null || sub.size() > n) {
                        sub = unknownSubtable(st);
                    }
                    Decoded d = decode(sub, b, pos, pos + (int) n, table);
                    children.add(d.structure());
                    pos = d.end();
                }
                if (st.countField().isPresent() && children.size() - before != wanted) {
                    throw new Failed();
                }
            }
        }
        return pos;
    }

    private static final Map<String, Layout> UNKNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /** A subtable of a type the layout does not know: its type, its length, and raw bytes. */
    static Layout unknownSubtable(Layout.Subtables st) {
        return UNKNOWN.computeIfAbsent(st.lengthOffset() + "/" + st.lengthWidth(), k -> {
            Layout.Builder u = Layout.builder("Unknown subtable").u8("Type", "subtable type");
            if (st.lengthOffset() > 1) {
                u.bytes("Header", st.lengthOffset() - 1, "subtable header bytes");
            }
            return u.length("Length", st.lengthWidth()).build(st.lengthOffset() + st.lengthWidth());
        });
    }

    private static boolean allZero(byte[] v) {
        for (byte x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static long number(Map<String, Object> values, String name) {
        Object v = values.get(name);
        return v == null ? 0 : (Long) v;
    }

    /** The little-endian unsigned number of {@code width} bytes at {@code offset}. */
    public static long number(byte[] b, int offset, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = v << 8 | (b[offset + i] & 0xff);
        }
        return v;
    }
}
