package dev.hwdesc.acpi.aml;

/**
 * CreateBitField, CreateByteField, CreateWordField, CreateDWordField and CreateQWordField (ACPI 6.4
 * section 20.2.5.2): Op SourceBuff Index NameString.
 */
public record CreateBufferField(Size size, Aml source, Aml index, NameString name) implements Aml {

    /** The field's size and its opcode. */
    public enum Size {
        BIT(0x8D), BYTE(0x8C), WORD(0x8B), DWORD(0x8A), QWORD(0x8F);

        private final int opcode;

        Size(int opcode) {
            this.opcode = opcode;
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(size.opcode);
        source.writeTo(out);
        index.writeTo(out);
        name.writeTo(out);
    }
}
