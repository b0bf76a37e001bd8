package dev.hwdesc.acpi.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table or subtable as values: its layout, the values of its fixed fields (Long for numbers,
 * String for ASCII, byte[] otherwise; a field not given is 0 or its layout default), the structures
 * that follow them, and raw tail bytes. Lengths, checksums, counts and offsets that the layout
 * derives are not stored by builders; the encoder computes them.
 *
 * @param verbatim true when the decoder could not follow the body rules: counts and offsets are
 *     then written as read, and everything after the fixed part is in {@code tail}
 */
public record Structure(Layout layout, Map<String, Object> values, List<Structure> children, byte[] tail,
        boolean verbatim) {

    public Structure {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        children = List.copyOf(children);
        tail = tail.clone();
        for (String name : values.keySet()) {
            layout.field(name);
        }
    }

    public static Builder builder(Layout layout) {
        return new Builder(layout);
    }

    /** A number field's value (its default when not set). */
    public long number(String name) {
        Field f = layout.field(name);
        Object v = values.get(name);
        if (v == null) {
            return f.defaultValue();
        }
        if (!(v instanceof Long l)) {
            throw new IllegalStateException(layout.name() + "." + name + " is not a number");
        }
        return l;
    }

    /** An ASCII field's value ("" when not set). */
    public String text(String name) {
        layout.field(name);
        Object v = values.get(name);
        return v == null ? "" : (String) v;
    }

    @Override
    public byte[] tail() {
        return tail.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && layout.equals(s.layout) && children.equals(s.children)
                && Arrays.equals(tail, s.tail) && verbatim == s.verbatim && sameValues(s);
    }

    private boolean sameValues(Structure s) {
        if (!values.keySet().equals(s.values.keySet())) {
            return false;
        }
        for (var e : values.entrySet()) {
            Object a = e.getValue();
            Object b = s.values.get(e.getKey());
            if (a instanceof byte[] x ? !(b instanceof byte[] y && Arrays.equals(x, y)) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return layout.name().hashCode() * 31 + children.size();
    }

    /** Gathers values and children. */
    public static final class Builder {
        private final Layout layout;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Structure> children = new ArrayList<>();
        private byte[] tail = new byte[0];

        private Builder(Layout layout) {
            this.layout = layout;
        }

        public Builder set(String name, long value) {
            Field f = layout.field(name);
            if (!f.numeric()) {
                throw new IllegalArgumentException(layout.name() + "." + name + " is not a number");
            }
            if (f.width() < 8 && (value >>> (8 * f.width())) != 0) {
                throw new IllegalArgumentException(layout.name() + "." + name + ": 0x" + Long.toHexString(value)
                        + " does not fit in " + f.width() + " bytes");
            }
            values.put(name, value);
            return this;
        }

        public Builder set(String name, String text) {
            Field f = layout.field(name);
            if (f.kind() != FieldKind.ASCII || text.length() > f.width()) {
                throw new IllegalArgumentException(layout.name() + "." + name + " holds at most " + f.width() + " ASCII characters");
            }
            values.put(name, text);
            return this;
        }

        public Builder set(String name, byte[] bytes) {
            Field f = layout.field(name);
            if (f.numeric() || f.kind() == FieldKind.ASCII || bytes.length != f.width()) {
                throw new IllegalArgumentException(layout.name() + "." + name + " holds " + f.width() + " bytes");
            }
            values.put(name, bytes.clone());
            return this;
        }

        /** Sets the five fields of a Generic Address Structure. */
        public Builder gas(String prefix, int spaceId, int bitWidth, int bitOffset, int accessSize, long address) {
            return set(prefix + ".Space ID", spaceId).set(prefix + ".Bit Width", bitWidth)
                    .set(prefix + ".Bit Offset", bitOffset).set(prefix + ".Access Size", accessSize)
                    .set(prefix + ".Address", address);
        }

        public Builder child(Structure s) {
            children.add(s);
            return this;
        }

        public Builder tail(byte[] bytes) {
            tail = bytes.clone();
            return this;
        }

        public Structure build() {
            return new Structure(layout, values, children, tail, false);
        }
    }
}
