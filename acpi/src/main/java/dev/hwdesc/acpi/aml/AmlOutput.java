package dev.hwdesc.acpi.aml;

import java.util.Arrays;

/**
 * A growing little-endian byte buffer that AML terms write themselves into. Framed terms (those
 * with a PkgLength) encode their body into a fresh output first, so each length is known before
 * it is written.
 */
public final class AmlOutput {

    private byte[] bytes = new byte[64];
    private int size;

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
