package dev.hwdesc.acpi.aml;

/** DefName (ACPI 6.4 section 20.2.5.1): 0x08 NameString DataRefObject. */
public record Name(NameString name, Aml value) implements Aml {

    static final int NAME_OP = 0x08;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(NAME_OP);
        name.writeTo(out);
        value.writeTo(out);
    }
}
