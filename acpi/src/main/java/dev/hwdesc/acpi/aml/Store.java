package dev.hwdesc.acpi.aml;

/** DefStore (ACPI 6.4 section 20.2.5.4): 0x70 TermArg SuperName. */
public record Store(Aml source, Aml destination) implements Aml {

    static final int STORE_OP = 0x70;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(STORE_OP);
        source.writeTo(out);
        destination.writeTo(out);
    }
}
