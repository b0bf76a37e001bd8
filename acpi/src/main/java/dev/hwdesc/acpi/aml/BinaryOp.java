package dev.hwdesc.acpi.aml;

/**
 * The integer operators of the form Op Operand Operand Target (ACPI 6.4 section 20.2.5.4); a
 * target of {@link NameString#of NullName} (the empty name) keeps only the result.
 */
public record BinaryOp(Operator operator, Aml left, Aml right, Aml target) implements Aml {

    /** The operators and their opcodes. */
    public enum Operator {
        ADD(0x72), SUBTRACT(0x74), MULTIPLY(0x77), SHIFT_LEFT(0x79), SHIFT_RIGHT(0x7A), AND(0x7B), NAND(0x7C),
        OR(0x7D), NOR(0x7E), XOR(0x7F);

        private final int opcode;

        Operator(int opcode) {
            this.opcode = opcode;
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(operator.opcode);
        left.writeTo(out);
        right.writeTo(out);
        target.writeTo(out);
    }
}
