package dev.hwdesc.fdt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The value of a property: its bytes, exactly as they go into a DTB, and the markers saying how they
 * were written (none for a value read from a DTB). Immutable.
 */
public final class PropertyValue {

    private static final PropertyValue EMPTY = new PropertyValue(new byte[0], List.of());

    /** Shared markers for a chunk at offset 0 (values are immutable, so millions can share them). */
    private static final Marker.Chunk[] FIRST_CHUNK = new Marker.Chunk[ValueType.values().length];
    private static final List<Marker>[] ONLY_FIRST_CHUNK = newListArray(ValueType.values().length);

    static {
        for (ValueType t : ValueType.values()) {
            FIRST_CHUNK[t.ordinal()] = new Marker.Chunk(0, t);
            ONLY_FIRST_CHUNK[t.ordinal()] = List.of(FIRST_CHUNK[t.ordinal()]);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Marker>[] newListArray(int n) {
        return (List<Marker>[]) new List<?>[n];
    }

    // The value is bytes[offset, offset+length): values read from a blob share one private copy of it.
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final List<Marker> markers;

    private PropertyValue(byte[] bytes, List<Marker> markers) {
        this(bytes, 0, bytes.length, markers);
    }

    private PropertyValue(byte[] bytes, int offset, int length, List<Marker> markers) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.markers = markers;
    }

    /** The empty value ({@code prop;}). */
    public static PropertyValue empty() {
        return EMPTY;
    }

    /** Raw bytes without markers, as read from a DTB. The array is copied. */
    public static PropertyValue ofBytes(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new PropertyValue(bytes.clone(), List.of());
    }

    /** Raw bytes {@code [offset, offset+length)} of {@code source}, copied. */
    public static PropertyValue ofBytes(byte[] source, int offset, int length) {
        return length == 0 ? EMPTY : new PropertyValue(Arrays.copyOfRange(source, offset, offset + length), List.of());
    }

    /**
     * Raw bytes {@code [offset, offset+length)} of an array the caller hands over for good: it is not
     * copied, so the caller must never change it again. This lets every value read from one blob
     * share a single private copy of the blob.
     */
    public static PropertyValue ofOwnedSlice(byte[] owned, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, owned.length);
        return length == 0 ? EMPTY : new PropertyValue(owned, offset, length, List.of());
    }

    /** Bytes and markers; both are copied. Markers must lie within the value and be in offset order. */
    public static PropertyValue of(byte[] bytes, List<Marker> markers) {
        List<Marker> copy = List.copyOf(markers);
        int last = 0;
        for (Marker m : copy) {
            if (m.offset() < last || m.offset() > bytes.length) {
                throw new IllegalArgumentException("marker " + m + " out of order or outside a value of "
                        + bytes.length + " bytes");
            }
            last = m.offset();
        }
        return new PropertyValue(bytes.clone(), copy);
    }

    /** One NUL-terminated string per argument, each marked as a string chunk. */
    public static PropertyValue ofStrings(String... strings) {
        if (strings.length != 1) {
            Builder b = builder();
            for (String s : strings) {
                b.string(s);
            }
            return b.build();
        }
        String s = strings[0];
        byte[] b = new byte[s.length() + 1];
        for (int i = 0; i < s.length(); i++) {
            b[i] = (byte) s.charAt(i);
        }
        return new PropertyValue(b, ONLY_FIRST_CHUNK[ValueType.STRING.ordinal()]);
    }

    /** 32-bit cells, marked as one cell chunk. */
    public static PropertyValue ofCells(long... cells) {
        if (cells.length == 0) {
            return builder().chunk(ValueType.CELLS32).build();
        }
        byte[] b = new byte[cells.length * 4];
        for (int i = 0; i < cells.length; i++) {
            long v = cells[i];
            b[4 * i] = (byte) (v >>> 24);
            b[4 * i + 1] = (byte) (v >>> 16);
            b[4 * i + 2] = (byte) (v >>> 8);
            b[4 * i + 3] = (byte) v;
        }
        return new PropertyValue(b, ONLY_FIRST_CHUNK[ValueType.CELLS32.ordinal()]);
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte byteAt(int index) {
        Objects.checkIndex(index, length);
        return bytes[offset + index];
    }

    /** Unsigned big-endian 32-bit word at a byte offset. */
    public long u32At(int at) {
        Objects.checkFromIndexSize(at, 4, length);
        int o = offset + at;
        return ((bytes[o] & 0xffL) << 24) | ((bytes[o + 1] & 0xffL) << 16)
                | ((bytes[o + 2] & 0xffL) << 8) | (bytes[o + 3] & 0xffL);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** Copies {@code count} bytes from {@code srcOffset} into {@code dst} at {@code dstOffset}. */
    public void copyTo(int srcOffset, byte[] dst, int dstOffset, int count) {
        Objects.checkFromIndexSize(srcOffset, count, length);
        System.arraycopy(bytes, offset + srcOffset, dst, dstOffset, count);
    }

    public List<Marker> markers() {
        return markers;
    }

    /** True when a chunk marker says how the value was written (so no type needs guessing). */
    public boolean hasTypeInformation() {
        if (markers.isEmpty()) {
            return false;
        }
        for (Marker m : markers) {
            if (m instanceof Marker.Chunk) {
                return true;
            }
        }
        return false;
    }

    /** True when the value is exactly one NUL-terminated string with no NUL before its end (dtc's data_is_one_string). */
    public boolean isOneString() {
        if (length == 0 || bytes[offset + length - 1] != 0) {
            return false;
        }
        for (int i = offset; i < offset + length - 1; i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes up to (not including) the first NUL, decoded as Latin-1 so every byte maps to one char. */
    public String firstString() {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    /** The value split at NULs, as a string list (a trailing part without NUL is included as is). */
    public List<String> strings() {
        List<String> out = new ArrayList<>();
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (start < end) {
            out.add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /** This value with the 32-bit cell at {@code offset} replaced (markers kept). */
    public PropertyValue withU32At(int at, long value) {
        Objects.checkFromIndexSize(at, 4, length);
        byte[] copy = toByteArray();
        copy[at] = (byte) (value >>> 24);
        copy[at + 1] = (byte) (value >>> 16);
        copy[at + 2] = (byte) (value >>> 8);
        copy[at + 3] = (byte) value;
        return new PropertyValue(copy, markers);
    }

    /**
     * This value with {@code inserted} spliced in at the offset of the marker at {@code markerIndex}
     * (an index into {@link #markers()}), as dtc's data_insert_at_marker does: the bytes from that
     * offset on move up, and every marker after that one in the list moves up with them, even one at
     * the same offset; the marker itself and those before it stay.
     */
    public PropertyValue withBytesInsertedAtMarker(int markerIndex, byte[] inserted) {
        Objects.checkIndex(markerIndex, markers.size());
        int at = markers.get(markerIndex).offset();
        int n = inserted.length;
        if (n == 0) {
            return this;
        }
        byte[] grown = new byte[length + n];
        System.arraycopy(bytes, offset, grown, 0, at);
        System.arraycopy(inserted, 0, grown, at, n);
        System.arraycopy(bytes, offset + at, grown, at + n, length - at);
        List<Marker> moved = new ArrayList<>(markers.size());
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            moved.add(i <= markerIndex ? m : shifted(m, n));
        }
        return new PropertyValue(grown, List.copyOf(moved));
    }

    private static Marker shifted(Marker m, int by) {
        int at = m.offset() + by;
        if (m instanceof Marker.Chunk c) {
            return new Marker.Chunk(at, c.type());
        } else if (m instanceof Marker.PhandleRef r) {
            return new Marker.PhandleRef(at, r.target());
        } else if (m instanceof Marker.PathRef r) {
            return new Marker.PathRef(at, r.target());
        } else if (m instanceof Marker.Untyped) {
            return new Marker.Untyped(at);
        } else {
            return new Marker.ValueLabel(at, ((Marker.ValueLabel) m).name());
        }
    }

    /** This value with its markers replaced (bytes kept). */
    public PropertyValue withMarkers(List<Marker> newMarkers) {
        return of(toByteArray(), newMarkers);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertyValue other && sameBytes(other) && markers.equals(other.markers);
    }

    /** True when the bytes are equal, whatever the markers. */
    public boolean sameBytes(PropertyValue other) {
        return Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h * 31 + markers.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", bytes[offset + i] & 0xff));
        }
        sb.append(']');
        if (!markers.isEmpty()) {
            sb.append(markers.stream().map(Object::toString).collect(Collectors.joining(", ", " {", "}")));
        }
        return sb.toString();
    }

    /** Builds a value chunk by chunk, recording a marker for each, as the DTS compiler does. */
    public static final class Builder {
        private byte[] buf = new byte[16];
        private int size;
        private final List<Marker> markers = new ArrayList<>(2);

        private Builder() {
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size + extra, buf.length * 2));
            }
        }

        /** Current length: the offset the next byte goes to. */
        public int length() {
            return size;
        }

        public Builder chunk(ValueType type) {
            markers.add(size == 0 ? FIRST_CHUNK[type.ordinal()] : new Marker.Chunk(size, type));
            return this;
        }

        public Builder string(String s) {
            chunk(ValueType.STRING);
            int n = s.length();
            ensure(n + 1);
            for (int i = 0; i < n; i++) {
                buf[size + i] = (byte) s.charAt(i);
            }
            size += n;
            buf[size++] = 0;
            return this;
        }

        /** A string chunk: the chars {@code from..to} of {@code s} (each below 256) as bytes, then a NUL. */
        public Builder string(String s, int from, int to) {
            chunk(ValueType.STRING);
            ensure(to - from + 1);
            for (int i = from; i < to; i++) {
                buf[size++] = (byte) s.charAt(i);
            }
            buf[size++] = 0;
            return this;
        }

        /** Empties the builder for the next value ({@link #build} copies, so one builder serves many). */
        public Builder clear() {
            size = 0;
            markers.clear();
            return this;
        }

        /** A chunk of cells of {@code type}'s width, each value truncated to that width. */
        public Builder cells(ValueType type, long... values) {
            chunk(type);
            for (long v : values) {
                element(type.elementSize(), v);
            }
            return this;
        }

        /** A byte string chunk. */
        public Builder bytes(byte... data) {
            chunk(ValueType.BYTES);
            return raw(data);
        }

        /** Appends one big-endian element of {@code width} bytes (1, 2, 4 or 8) without a new marker. */
        public Builder element(int width, long value) {
            ensure(width);
            for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (value >>> shift);
            }
            return this;
        }

        /** Appends raw bytes without a marker. */
        public Builder raw(byte[] data) {
            ensure(data.length);
            System.arraycopy(data, 0, buf, size, data.length);
            size += data.length;
            return this;
        }

        public Builder marker(Marker m) {
            markers.add(m);
            return this;
        }

        public PropertyValue build() {
            if (size == 0 && markers.isEmpty()) {
                return EMPTY;
            }
            List<Marker> kept;
            if (markers.size() == 1 && markers.get(0) instanceof Marker.Chunk c && c.offset() == 0) {
                kept = ONLY_FIRST_CHUNK[c.type().ordinal()]; // by far the most common: one chunk, nothing else
            } else {
                kept = List.copyOf(markers);
            }
            return new PropertyValue(Arrays.copyOf(buf, size), kept);
        }
    }
}
