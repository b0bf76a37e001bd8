package dev.hwdesc.fdt.dtb;

/**
 * How to lay out a blob, as dtc's options say: {@code -V} version, {@code -R} extra empty reservation
 * slots, {@code -S} minimum total size, {@code -p} padding, {@code -a} alignment of the total size.
 * Padding goes after the strings block and counts in totalsize but in no block size.
 */
public record DtbWriteOptions(BlobVersion version, int reserveSlots, int minSize, int padSize, int alignSize) {

    /** dtc's defaults: version 17, nothing extra. */
    public static final DtbWriteOptions DEFAULT = new DtbWriteOptions(BlobVersion.V17, 0, 0, 0, 0);

    public DtbWriteOptions {
        if (reserveSlots < 0 || minSize < 0 || padSize < 0 || alignSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        if (alignSize > 0 && Integer.bitCount(alignSize) != 1) {
            throw new IllegalArgumentException("alignment " + alignSize + " is not a power of two");
        }
    }

    public DtbWriteOptions withVersion(BlobVersion v) {
        return new DtbWriteOptions(v, reserveSlots, minSize, padSize, alignSize);
    }
}
