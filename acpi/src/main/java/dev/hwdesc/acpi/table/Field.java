package dev.hwdesc.acpi.table;

/**
 * One row of a layout: a named field at a byte offset from the start of its structure, its width
 * and kind, what it means (for the dumper), and for a fixed field (a subtable's type) the value the
 * encoder writes when none is given.
 *
 * @param checksumSpan for a CHECKSUM, how many bytes from the structure's start it covers (0: all)
 */
public record Field(String name, FieldKind kind, int offset, int width, String meaning, long defaultValue,
        int checksumSpan) {

    public Field {
        if (offset < 0 || width < 1) {
            throw new IllegalArgumentException("field " + name + ": offset " + offset + ", width " + width);
        }
        if (kind.numeric(width) && width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("field " + name + ": a number is 1, 2, 4 or 8 bytes, not " + width);
        }
    }

    /** The first byte after the field. */
    public int end() {
        return offset + width;
    }

    public boolean numeric() {
        return kind.numeric(width);
    }
}
