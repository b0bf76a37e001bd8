package dev.hwdesc.acpi.aml;

/** A String object (ACPI 6.4 section 20.2.3): 0x0D, ASCII characters 0x01-0x7F, a NUL. */
public record AmlString(String value) implements Aml {

    static final int STRING_PREFIX = 0x0D;

    public AmlString {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x01 || c > 0x7F) {
                throw new IllegalArgumentException("an AML string holds ASCII 0x01-0x7F only, not U+"
                        + String.format("%04X", (int) c) + " in \"" + value + "\"");
            }
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(STRING_PREFIX);
        for (int i = 0; i < value.length(); i++) {
            out.u8(value.charAt(i));
        }
        out.u8(0);
    }
}
