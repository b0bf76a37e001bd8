package dev.hwdesc.acpi.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's or subtable's layout as data: its fixed fields (name, offset, width, kind, meaning) and
 * the rules for what follows them ({@link Body}). {@link TableCodec} encodes, decodes and dumps every
 * structure from this alone, so a layout is defined once and its readers cannot disagree.
 *
 * @param name what the dumper calls the structure
 * @param fields the fixed part, in offset order, contiguous from 0
 * @param size the fixed part's size in bytes
 * @param body what follows the fixed part, in order; whatever remains after it is raw tail bytes
 * @param tailLength a field the encoder sets to the tail's length, if the layout has one
 * @param tailOffset a field the encoder sets to the tail's offset (0 when the tail is empty), if any
 */
public record Layout(String name, List<Field> fields, int size, List<Body> body, Optional<String> tailLength,
        Optional<String> tailOffset) {

    /** What follows a layout's fixed fields. */
    public sealed interface Body permits Repeat, Array, Subtables {
    }

    /**
     * {@code count} elements of {@code element}, the count in field {@code countField}, and the
     * offset of the first from the structure's start in {@code offsetField} (0 when there are none),
     * if the layout has one. An element with a LENGTH field may be longer than its fixed part.
     */
    public record Repeat(Layout element, String countField, Optional<String> offsetField) implements Body {
    }

    /** Fixed-size elements up to the end of the structure. */
    public record Array(Layout element) implements Body {
    }

    /**
     * Subtables up to the end of the structure, each starting with a type and its own length (MADT,
     * PPTT, IORT), the layout chosen by type; unknown types are kept as type, length and raw bytes.
     * With a count field (IORT's node count and offset), exactly that many, from that offset.
     */
    public record Subtables(int lengthOffset, int lengthWidth, Map<Long, Layout> byType, Optional<String> countField,
            Optional<String> offsetField) implements Body {
        public Subtables {
            byType = Map.copyOf(byType);
        }
    }

    public Layout {
        fields = FieldList.of(fields);
        body = List.copyOf(body);
        int at = 0;
        for (Field f : fields) {
            if (f.offset() != at) {
                throw new IllegalArgumentException(name + "." + f.name() + " is at " + f.offset() + ", expected " + at);
            }
            at = f.end();
        }
        if (at != size) {
            throw new IllegalArgumentException(name + " fields end at " + at + ", but its size is " + size);
        }
    }

    /** The field called {@code name}. */
    public Field field(String fieldName) {
        Field f = ((FieldList) fields).byName(fieldName);
        if (f == null) {
            throw new IllegalArgumentException(name + " has no field \"" + fieldName + "\"");
        }
        return f;
    }

    /** The position of the field called {@code name} among {@link #fields()}. */
    public int fieldIndex(String fieldName) {
        int i = ((FieldList) fields).indexOf(fieldName);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no field \"" + fieldName + "\"");
        }
        return i;
    }

    public boolean hasField(String fieldName) {
        return ((FieldList) fields).byName(fieldName) != null;
    }

    /** The LENGTH field, if the structure carries its own length. */
    public Optional<Field> lengthField() {
        return fields.stream().filter(f -> f.kind() == FieldKind.LENGTH).findFirst();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a layout field after field, each at the offset where the previous one ended. */
    public static final class Builder {
        private final String name;
        private final List<Field> fields = new ArrayList<>();
        private final List<Body> body = new ArrayList<>();
        private final Map<String, Field> byName = new LinkedHashMap<>();
        private Optional<String> tailLength = Optional.empty();
        private Optional<String> tailOffset = Optional.empty();
        private int at;

        private Builder(String name) {
            this.name = name;
        }

        private Builder add(String fieldName, FieldKind kind, int width, String meaning, long def, int span) {
            Field f = new Field(fieldName, kind, at, width, meaning, def, span);
            if (byName.put(fieldName, f) != null) {
                throw new IllegalArgumentException(name + " has two fields called " + fieldName);
            }
            fields.add(f);
            at += width;
            return this;
        }

        /** Starts with another layout's fields (the SDT header). */
        public Builder include(Layout other) {
            for (Field f : other.fields()) {
                add(f.name(), f.kind(), f.width(), f.meaning(), f.defaultValue(), f.checksumSpan());
            }
            return this;
        }

        public Builder u8(String n, String meaning) { return add(n, FieldKind.UINT, 1, meaning, 0, 0); }
        public Builder u16(String n, String meaning) { return add(n, FieldKind.UINT, 2, meaning, 0, 0); }
        public Builder u32(String n, String meaning) { return add(n, FieldKind.UINT, 4, meaning, 0, 0); }
        public Builder u64(String n, String meaning) { return add(n, FieldKind.UINT, 8, meaning, 0, 0); }

        /** A number with a value the encoder writes unless told otherwise (a subtable's type). */
        public Builder fixed(String n, int width, long value, String meaning) {
            return add(n, FieldKind.UINT, width, meaning, value, 0);
        }

        public Builder ascii(String n, int width, String meaning) { return add(n, FieldKind.ASCII, width, meaning, 0, 0); }
        public Builder bytes(String n, int width, String meaning) { return add(n, FieldKind.BYTES, width, meaning, 0, 0); }
        public Builder reserved(int width) { return add("Reserved@" + at, FieldKind.RESERVED, width, "reserved", 0, 0); }
        public Builder length(String n, int width) { return add(n, FieldKind.LENGTH, width, "length in bytes, computed", 0, 0); }

        /** A checksum over the first {@code span} bytes of the structure (0: all of it). */
        public Builder checksum(String n, int span) { return add(n, FieldKind.CHECKSUM, 1, "sums to 0 mod 256, computed", 0, span); }

        /** A Generic Address Structure (12 bytes) as five fields named "prefix.Space ID" and so on. */
        public Builder gas(String prefix) {
            u8(prefix + ".Space ID", "0 memory, 1 I/O");
            u8(prefix + ".Bit Width", "register width in bits");
            u8(prefix + ".Bit Offset", "bit offset of the register");
            u8(prefix + ".Access Size", "0 undefined, 1 byte, 2 word, 3 dword, 4 qword");
            return u64(prefix + ".Address", "address");
        }

        public Builder repeat(Layout element, String countField, String offsetField) {
            body.add(new Repeat(element, countField, Optional.ofNullable(offsetField)));
            return this;
        }

        public Builder array(Layout element) {
            body.add(new Array(element));
            return this;
        }

        public Builder subtables(int lengthOffset, int lengthWidth, Map<Long, Layout> byType) {
            body.add(new Subtables(lengthOffset, lengthWidth, byType, Optional.empty(), Optional.empty()));
            return this;
        }

        public Builder subtables(int lengthOffset, int lengthWidth, Map<Long, Layout> byType, String countField,
                String offsetField) {
            body.add(new Subtables(lengthOffset, lengthWidth, byType, Optional.of(countField), Optional.of(offsetField)));
            return this;
        }

        public Builder tail(String lengthField, String offsetField) {
            tailLength = Optional.of(lengthField);
            tailOffset = Optional.ofNullable(offsetField);
            return this;
        }

        public Layout build(int expectedSize) {
            if (at != expectedSize) {
                throw new IllegalStateException(name + " is " + at + " bytes, expected " + expectedSize);
            }
            return new Layout(name, fields, at, body, tailLength, tailOffset);
        }
    }
}
