package dev.hwdesc.acpi.table;

/**
 * What a field of a table layout holds, and so how the one encoder, decoder and dumper treat it.
 * Widths live in {@link Field}; a kind only says what the bytes mean.
 */
public enum FieldKind {
    /** An unsigned little-endian integer of 1, 2, 4 or 8 bytes. */
    UINT,
    /** Fixed-width ASCII (signature, OEM ID), padded by the writer with NULs unless given in full. */
    ASCII,
    /** Opaque bytes (a UUID, a reserved run wider than 8 bytes). */
    BYTES,
    /** Reserved: written as zeros unless a decoded value is carried through. */
    RESERVED,
    /** The structure's own length in bytes: computed by the encoder, never set by hand. */
    LENGTH,
    /** A byte that makes a span of the table sum to 0 mod 256: computed by the encoder. */
    CHECKSUM;

    /** Whether values of this kind are numbers (as opposed to text or bytes). */
    public boolean numeric(int width) {
        return switch (this) {
            case UINT, LENGTH, CHECKSUM -> true;
            case RESERVED -> width == 1 || width == 2 || width == 4 || width == 8;
            case ASCII, BYTES -> false;
        };
    }
}
