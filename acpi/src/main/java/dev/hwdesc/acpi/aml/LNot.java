package dev.hwdesc.acpi.aml;

/** DefLNot (ACPI 6.4 section 20.2.5.4): 0x92 Operand; ASL's {@code a != b} is LNot(LEqual(a, b)). */
public record LNot(Aml operand) implements Aml {

    static final int LNOT_OP = 0x92;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(LNOT_OP);
        operand.writeTo(out);
    }
}
