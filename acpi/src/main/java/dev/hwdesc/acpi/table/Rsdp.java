package dev.hwdesc.acpi.table;

/** The Root System Description Pointer, revision 2 (ACPI 6.4, 5.2.5.3): two checksums, 36 bytes. */
public final class Rsdp {

    public static final String SIGNATURE_TEXT = "RSD PTR ";

    public static final Layout LAYOUT = Layout.builder("RSDP")
            .ascii("Signature", 8, "\"RSD PTR \"")
            .checksum("Checksum", 20)
            .ascii("OEM ID", 6, "OEM ID")
            .u8("Revision", "2 for ACPI 2.0 and later")
            .u32("RSDT Address", "32-bit RSDT address (0: none)")
            .length("Length", 4)
            .u64("XSDT Address", "XSDT address")
            .checksum("Extended Checksum", 0)
            .reserved(3)
            .build(36);

    private Rsdp() {
    }
}
