package dev.hwdesc.acpi.qemu;

/**
 * What every table header says about who made it: OEM ID (6 characters), OEM table ID (8), OEM
 * revision, creator ID (4) and creator revision. QEMU's are the defaults ({@link #QEMU}); QEMU itself
 * lets -machine x-oem-id/x-oem-table-id change the first two.
 */
public record AcpiIdentity(String oemId, String oemTableId, long oemRevision, String creatorId, long creatorRevision) {

    /** QEMU's: "BOCHS ", "BXPC    ", 1, "BXPC", 1. */
    public static final AcpiIdentity QEMU = new AcpiIdentity("BOCHS ", "BXPC    ", 1, "BXPC", 1);

    public AcpiIdentity {
        check("OEM ID", oemId, 6);
        check("OEM table ID", oemTableId, 8);
        check("creator ID", creatorId, 4);
        if (oemRevision < 0 || oemRevision > 0xffffffffL || creatorRevision < 0 || creatorRevision > 0xffffffffL) {
            throw new IllegalArgumentException("revisions are 32-bit unsigned");
        }
    }

    private static void check(String what, String value, int max) {
        if (value.length() > max || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(what + " is at most " + max + " printable ASCII characters: \"" + value + "\"");
        }
    }
}
