package dev.hwdesc.fdt.dtb;

/**
 * A blob that is not a well-formed flattened device tree. Carries the byte offset of the problem,
 * which the command line prints as {@code FILE: offset 0xNN: error: MESSAGE}.
 */
public final class FdtFormatException extends Exception {

    private final long offset;

    public FdtFormatException(long offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset in the blob where the problem is. */
    public long offset() {
        return offset;
    }

    /** {@code offset 0xNN: error: MESSAGE}, the part after the file name. */
    public String describe() {
        return String.format("offset 0x%x: error: %s", offset, getMessage());
    }
}
