package dev.hwdesc.acpi.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table or subtable as values: its layout, the values of its fixed fields (Long for numbers,
 * String for ASCII, byte[] otherwise; a field not given is 0 or its layout default), the structures
 * that follow them, and raw tail bytes. Lengths, checksums, counts and offsets that the layout
 * derives are not stored by builders; the encoder computes them. Immutable. The values are kept by
 * the field's position in the layout, so that building and encoding a table does no lookups by name
 * beyond the builder's one per field set.
 */
public final class Structure {

    private final Layout layout;
    /** By field position in {@code layout.fields()}; null: not given. */
    private final Object[] values;
    private final List<Structure> children;
    private final byte[] tail;
    private final boolean verbatim;

    /**
     * @param values by field name; every name must be one of the layout's fields
     * @param verbatim true when the decoder could not follow the body rules: counts and offsets are
     *     then written as read, and everything after the fixed part is in {@code tail}
     */
    public Structure(Layout layout, Map<String, Object> values, List<Structure> children, byte[] tail, boolean verbatim) {
        this(layout, byPosition(layout, values), List.copyOf(children), tail.clone(), verbatim);
    }

    private Structure(Layout layout, Object[] values, List<Structure> children, byte[] tail, boolean verbatim) {
        this.layout = layout;
        this.values = values;
        this.children = children;
        this.tail = tail;
        this.verbatim = verbatim;
    }

    private static Object[] byPosition(Layout layout, Map<String, Object> values) {
        Object[] v = new Object[layout.fields().size()];
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object x = e.getValue();
            v[layout.fieldIndex(e.getKey())] = x instanceof byte[] b ? b.clone() : x;
        }
        return v;
    }

    public static Builder builder(Layout layout) {
        return new Builder(layout);
    }

    public Layout layout() {
        return layout;
    }

    /** The values given, by field name in layout order. */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                m.put(layout.fields().get(i).name(), values[i] instanceof byte[] b ? b.clone() : values[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    public List<Structure> children() {
        return children;
    }

    public byte[] tail() {
        return tail.clone();
    }

    public boolean verbatim() {
        return verbatim;
    }

    /** A number field's value (its default when not set). */
    public long number(String name) {
        int i = layout.fieldIndex(name);
        Object v = values[i];
        if (v == null) {
            return layout.fields().get(i).defaultValue();
        }
        if (!(v instanceof Long l)) {
            throw new IllegalStateException(layout.name() + "." + name + " is not a number");
        }
        return l;
    }

    /** An ASCII field's value ("" when not set). */
    public String text(String name) {
        Object v = values[layout.fieldIndex(name)];
        return v == null ? "" : (String) v;
    }

    /** The value of the field at {@code index} in the layout, null when not given (for the codec). */
    Object value(int index) {
        return values[index];
    }

    /** The tail itself, not a copy (for the codec, which only reads it). */
    byte[] tailBytes() {
        return tail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && layout.equals(s.layout) && children.equals(s.children)
                && Arrays.equals(tail, s.tail) && verbatim == s.verbatim && Arrays.deepEquals(values, s.values);
    }

    @Override
    public int hashCode() {
        return layout.name().hashCode() * 31 + children.size();
    }

    @Override
    public String toString() {
        return "Structure[" + layout.name() + " " + values() + (children.isEmpty() ? "" : " " + children)
                + (tail.length == 0 ? "" : " tail " + tail.length + " bytes") + (verbatim ? " verbatim" : "") + "]";
    }

    /** Gathers values and children. */
    public static final class Builder {
        private final Layout layout;
        private final Object[] values;
        private final List<Structure> children = new ArrayList<>();
        private byte[] tail = new byte[0];

        private Builder(Layout layout) {
            this.layout = layout;
            this.values = new Object[layout.fields().size()];
        }

        public Builder set(String name, long value) {
            int i = layout.fieldIndex(name);
            Field f = layout.fields().get(i);
            if (!f.numeric()) {
                throw new IllegalArgumentException(layout.name() + "." + name + " is not a number");
            }
            if (f.width() < 8 && (value >>> (8 * f.width())) != 0) {
                throw new IllegalArgumentException(layout.name() + "." + name + ": 0x" + Long.toHexString(value)
                        + " does not fit in " + f.width() + " bytes");
            }
            values[i] = value;
            return this;
        }

        public Builder set(String name, String text) {
            int i = layout.fieldIndex(name);
            Field f = layout.fields().get(i);
            if (f.kind() != FieldKind.ASCII || text.length() > f.width()) {
                throw new IllegalArgumentException(layout.name() + "." + name + " holds at most " + f.width() + " ASCII characters");
            }
            values[i] = text;
            return this;
        }

        public Builder set(String name, byte[] bytes) {
            int i = layout.fieldIndex(name);
            Field f = layout.fields().get(i);
            if (f.numeric() || f.kind() == FieldKind.ASCII || bytes.length != f.width()) {
                throw new IllegalArgumentException(layout.name() + "." + name + " holds " + f.width() + " bytes");
            }
            values[i] = bytes.clone();
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
            return new Structure(layout, values.clone(), List.copyOf(children), tail, false);
        }
    }
}
