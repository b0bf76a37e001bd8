package dev.hwdesc.acpi.aml;

/**
 * DefToInteger (ACPI 6.4 section 20.2.5.4): 0x99 Operand Target; as an expression its target is
 * NullName, so only the result is kept (QEMU's aml_to_integer).
 */
public record ToInteger(Aml operand) implements Aml {

    static final int TO_INTEGER_OP = 0x99;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(TO_INTEGER_OP);
        operand.writeTo(out);
        out.u8(NameString.NULL_NAME);
    }
}
