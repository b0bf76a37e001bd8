package dev.hwdesc.acpi.aml;

/** Local0-Local7 (ACPI 6.4 section 20.2.6.2): 0x60 + n. */
public record LocalVar(int index) implements Aml {

    public LocalVar {
        if (index < 0 || index > 7) {
            throw new IllegalArgumentException("Local" + index + " does not exist (Local0-Local7)");
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(0x60 + index);
    }
}
