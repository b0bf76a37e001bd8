package dev.hwdesc.acpi.table;

/** A table that cannot be read: names the table and the byte offset where reading failed. */
public final class AcpiFormatException extends RuntimeException {

    private final String table;
    private final long offset;
    private final String problem;

    public AcpiFormatException(String table, long offset, String message) {
        super(table + " at offset " + offset + " (0x" + Long.toHexString(offset) + "): " + message);
        this.table = table;
        this.offset = offset;
        this.problem = message;
    }

    public String table() {
        return table;
    }

    public long offset() {
        return offset;
    }

    /** What is wrong, without the table and offset. */
    public String problem() {
        return problem;
    }

    /** {@code offset 0xNN: error: TABLE: PROBLEM}, the form hwdesc prints after a file name. */
    public String describe() {
        return String.format("offset 0x%x: error: %s: %s", offset, table, problem);
    }
}
