package dev.hwdesc.acpi.table;

/** A table that cannot be read: names the table and the byte offset where reading failed. */
public final class AcpiFormatException extends RuntimeException {

    private final String table;
    private final long offset;

    public AcpiFormatException(String table, long offset, String message) {
        super(table + " at offset " + offset + " (0x" + Long.toHexString(offset) + "): " + message);
        this.table = table;
        this.offset = offset;
    }

    public String table() {
        return table;
    }

    public long offset() {
        return offset;
    }
}
