package dev.hwdesc.dts;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;

/**
 * Builds one property value chunk by chunk, recording dtc's markers: a typed chunk start, labels,
 * and the references to resolve after parsing.
 */
final class ValueBuilder {

    private final PropertyValue.Builder b = PropertyValue.builder();

    void label(String name) {
        b.marker(new Marker.ValueLabel(b.length(), name));
    }

    /** A string: a STRING chunk with the bytes and a NUL. */
    void string(byte[] bytes) {
        b.chunk(ValueType.STRING);
        b.raw(bytes);
        b.element(1, 0);
    }

    /** A string with no escapes in it, read in place: chars {@code from..to} of {@code source}. */
    void string(String source, int from, int to) {
        b.string(source, from, to);
    }

    /** Starts over for the next value. */
    ValueBuilder clear() {
        b.clear();
        return this;
    }

    /** The start of a cell array of {@code bits}-bit elements. */
    void startCells(int bits) {
        b.chunk(switch (bits) {
            case 8 -> ValueType.CELLS8;
            case 16 -> ValueType.CELLS16;
            case 64 -> ValueType.CELLS64;
            default -> ValueType.CELLS32;
        });
    }

    void cell(int bits, long value) {
        b.element(bits / 8, value);
    }

    /** {@code <&x>}: a phandle reference to resolve, with an all-ones placeholder of the element's width. */
    void phandleReference(int bits, String target) {
        if (bits == 32) {
            b.marker(new Marker.PhandleRef(b.length(), target));
        }
        b.element(bits / 8, -1L);
    }

    void startBytes() {
        b.chunk(ValueType.BYTES);
    }

    void oneByte(int value) {
        b.element(1, value);
    }

    /** {@code = &x}: the target's path goes in here after parsing. */
    void pathReference(String target) {
        b.chunk(ValueType.STRING);
        b.marker(new Marker.PathRef(b.length(), target));
    }

    /** {@code /incbin/}: raw bytes after an untyped marker, as dtc's data_copy_file leaves them. */
    void raw(byte[] bytes) {
        b.marker(new Marker.Untyped(b.length()));
        b.raw(bytes);
    }

    PropertyValue build() {
        return b.build();
    }
}
