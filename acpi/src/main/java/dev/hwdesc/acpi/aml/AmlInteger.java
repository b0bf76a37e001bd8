package dev.hwdesc.acpi.aml;

/**
 * An integer constant (ACPI 6.4 section 20.2.3). The shortest encoding by default: ZeroOp (0x00),
 * OneOp (0x01), OnesOp (0xFF, for all 64 bits set), then ByteConst (0x0A), WordConst (0x0B),
 * DWordConst (0x0C) or QWordConst (0x0E). A fixed width keeps a value's size whatever it is, as
 * EISAID does and as placeholders patched later need.
 */
public record AmlInteger(long value, Width width) implements Aml {

    static final int ZERO_OP = 0x00;
    static final int ONE_OP = 0x01;
    static final int ONES_OP = 0xFF;

    /** How many bytes the constant takes. */
    public enum Width {
        SHORTEST(0, 0), BYTE(0x0A, 1), WORD(0x0B, 2), DWORD(0x0C, 4), QWORD(0x0E, 8);

        private final int prefix;
        private final int bytes;

        Width(int prefix, int bytes) {
            this.prefix = prefix;
            this.bytes = bytes;
        }

        boolean holds(long v) {
            return bytes == 8 || Long.compareUnsigned(v, 1L << (8 * bytes)) < 0;
        }
    }

    public AmlInteger {
        if (!width.holds(value) && width != Width.SHORTEST) {
            throw new IllegalArgumentException("0x" + Long.toHexString(value) + " does not fit a " + width + " constant");
        }
    }

    /** Small values recur (indexes, _UIDs, pins): one instance each. */
    private static final AmlInteger[] SMALL = new AmlInteger[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new AmlInteger(i, Width.SHORTEST);
        }
    }

    /** The shortest encoding of {@code value} (unsigned 64-bit). */
    public static AmlInteger of(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new AmlInteger(value, Width.SHORTEST);
    }

    /** A DWordConst whatever the value. */
    public static AmlInteger dword(long value) {
        return new AmlInteger(value, Width.DWORD);
    }

    @Override
    public void writeTo(AmlOutput out) {
        Width w = width;
        if (w == Width.SHORTEST) {
            if (value == 0) {
                out.u8(ZERO_OP);
                return;
            }
            if (value == 1) {
                out.u8(ONE_OP);
                return;
            }
            if (value == -1L) {
                out.u8(ONES_OP);
                return;
            }
            w = Width.BYTE.holds(value) ? Width.BYTE
                    : Width.WORD.holds(value) ? Width.WORD
                    : Width.DWORD.holds(value) ? Width.DWORD : Width.QWORD;
        }
        out.u8(w.prefix);
        for (int i = 0; i < w.bytes; i++) {
            out.u8((int) (value >>> (8 * i)));
        }
    }
}
