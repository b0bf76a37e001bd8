package dev.hwdesc.acpi.aml;

/**
 * ACPI 6.4 section 20.2.4, PkgLength: one to four bytes; the lead byte's bits 7-6 count the bytes
 * that follow. One byte holds up to 63 in bits 5-0; with more, the lead byte's bits 3-0 hold the
 * low nibble and each following byte the next 8 bits. Always the shortest form, as QEMU and iasl
 * write it.
 */
public final class PkgLength {

    /** The largest length four bytes can hold. */
    public static final int MAX = (1 << 28) - 1;

    private PkgLength() {
    }

    /**
     * The PkgLength of a package whose body (after the PkgLength) is {@code bodyLength} bytes: the
     * encoded length counts its own bytes, as it does for Scope, Device, Method, If, Buffer, Package
     * and Field.
     */
    public static byte[] encode(int bodyLength) {
        for (int width = 1; width <= 4; width++) {
            long total = (long) bodyLength + width;
            if (total <= limit(width)) {
                return encode((int) total, width);
            }
        }
        throw new IllegalArgumentException("a package body of " + bodyLength
                + " bytes does not fit a PkgLength (at most " + MAX + ", ACPI 6.4 section 20.2.4)");
    }

    /**
     * The PkgLength of a field unit, which counts bits and not itself (ACPI 6.4 section 20.2.5.2,
     * NamedField and ReservedField).
     */
    public static byte[] encodeBits(int bits) {
        if (bits < 0) {
            throw new IllegalArgumentException("a field unit of " + bits + " bits");
        }
        for (int width = 1; width <= 4; width++) {
            if (bits <= limit(width)) {
                return encode(bits, width);
            }
        }
        throw new IllegalArgumentException("a field unit of " + bits + " bits does not fit a PkgLength");
    }

    private static long limit(int width) {
        return width == 1 ? 0x3F : (1L << (4 + 8 * (width - 1))) - 1;
    }

    private static byte[] encode(int value, int width) {
        byte[] out = new byte[width];
        if (width == 1) {
            out[0] = (byte) value;
            return out;
        }
        out[0] = (byte) ((width - 1) << 6 | (value & 0x0F));
        for (int i = 1; i < width; i++) {
            out[i] = (byte) (value >>> (4 + 8 * (i - 1)));
        }
        return out;
    }
}
