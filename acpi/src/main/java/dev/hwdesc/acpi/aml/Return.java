package dev.hwdesc.acpi.aml;

/** DefReturn (ACPI 6.4 section 20.2.5.3): 0xA4 ArgObject. */
public record Return(Aml value) implements Aml {

    static final int RETURN_OP = 0xA4;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(RETURN_OP);
        value.writeTo(out);
    }
}
