package dev.hwdesc.acpi.aml;

import java.util.Arrays;

/**
 * A growing little-endian byte buffer that AML terms write themselves into. A framed term (one
 * with a PkgLength) writes its body in place after room for the longest PkgLength
 * ({@link #beginFrame}), and {@link #endFrame} writes the length and closes the gap, so nested
 * terms are not copied once per level of nesting into buffers of their own.
 */
public final class AmlOutput {

    private byte[] bytes;
    private int size;

    public AmlOutput() {
        this(64);
    }

    /** With room for {@code capacity} bytes before it grows (a whole DSDT: a few KiB). */
    public AmlOutput(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public void u16(int value) {
        u8(value);
        u8(value >>> 8);
    }

    public void u32(long value) {
        u16((int) value);
        u16((int) (value >>> 16));
    }

    public void u64(long value) {
        u32(value);
        u32(value >>> 32);
    }

    public void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    public void write(Aml term) {
        term.writeTo(this);
    }

    /** Writes a PkgLength covering {@code body} (and itself), then the body. */
    public void framed(byte[] body) {
        bytes(PkgLength.encode(body.length));
        bytes(body);
    }

    /** Reserves room for a PkgLength; returns where, for {@link #endFrame}. Write the body next. */
    public int beginFrame() {
        ensure(MAX_PKG_LENGTH_BYTES);
        int at = size;
        size += MAX_PKG_LENGTH_BYTES;
        return at;
    }

    /** Writes the PkgLength of the body written since {@link #beginFrame} returned {@code at}. */
    public void endFrame(int at) {
        int bodyStart = at + MAX_PKG_LENGTH_BYTES;
        int bodyLength = size - bodyStart;
        byte[] length = PkgLength.encode(bodyLength);
        System.arraycopy(length, 0, bytes, at, length.length);
        System.arraycopy(bytes, bodyStart, bytes, at + length.length, bodyLength);
        size = at + length.length + bodyLength;
    }

    private static final int MAX_PKG_LENGTH_BYTES = 4;

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
