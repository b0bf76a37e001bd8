package dev.hwdesc.acpi.aml;

/** The two-operand logical operators (ACPI 6.4 section 20.2.5.4): Op Operand Operand. */
public record LogicalOp(Operator operator, Aml left, Aml right) implements Aml {

    /** The operators and their opcodes. */
    public enum Operator {
        LAND(0x90), LOR(0x91), LEQUAL(0x93), LGREATER(0x94), LLESS(0x95);

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
    }
}
