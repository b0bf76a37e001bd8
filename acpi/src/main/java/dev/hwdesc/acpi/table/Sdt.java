package dev.hwdesc.acpi.table;

/**
 * The 36-byte System Description Table header every table but the RSDP starts with (ACPI 6.4,
 * 5.2.6), and the layout of a table hwdesc does not know: that header and raw bytes.
 */
public final class Sdt {

    public static final String SIGNATURE = "Signature";
    public static final String LENGTH = "Length";
    public static final String REVISION = "Revision";
    public static final String CHECKSUM = "Checksum";
    public static final String OEM_ID = "OEM ID";
    public static final String OEM_TABLE_ID = "OEM Table ID";
    public static final String OEM_REVISION = "OEM Revision";
    public static final String CREATOR_ID = "Creator ID";
    public static final String CREATOR_REVISION = "Creator Revision";

    /** The header size in bytes. */
    public static final int SIZE = 36;

    public static final Layout HEADER = Layout.builder("SDT header")
            .ascii(SIGNATURE, 4, "table signature")
            .length(LENGTH, 4)
            .u8(REVISION, "table revision")
            .checksum(CHECKSUM, 0)
            .ascii(OEM_ID, 6, "OEM ID")
            .ascii(OEM_TABLE_ID, 8, "OEM table ID")
            .u32(OEM_REVISION, "OEM revision")
            .ascii(CREATOR_ID, 4, "creator (ASL compiler) ID")
            .u32(CREATOR_REVISION, "creator revision")
            .build(SIZE);

    /** Any table as header and raw body. */
    public static final Layout GENERIC = Layout.builder("ACPI table").include(HEADER).build(SIZE);

    private Sdt() {
    }

    /** Starts a layout with the header. */
    static Layout.Builder table(String name) {
        return Layout.builder(name).include(HEADER);
    }
}
