package dev.hwdesc.fdt;

/** The syntax a chunk of a property value was written in. */
public enum ValueType {
    /** {@code [01 02]}: a byte string. */
    BYTES(1),
    /** {@code /bits/ 8 <1 2>}: cells of 8 bits. */
    CELLS8(1),
    /** {@code /bits/ 16 <1 2>}. */
    CELLS16(2),
    /** {@code <1 2>}: 32-bit cells, the default. */
    CELLS32(4),
    /** {@code /bits/ 64 <1 2>}. */
    CELLS64(8),
    /** {@code "text"}: a NUL-terminated string. */
    STRING(0);

    private final int elementSize;

    ValueType(int elementSize) {
        this.elementSize = elementSize;
    }

    /** Bytes per element (0 for strings, whose elements vary in length). */
    public int elementSize() {
        return elementSize;
    }
}
