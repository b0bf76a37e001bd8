package dev.hwdesc.acpi.aml;

/** Arg0-Arg6 (ACPI 6.4 section 20.2.6.1): 0x68 + n. */
public record ArgVar(int index) implements Aml {

    public ArgVar {
        if (index < 0 || index > 6) {
            throw new IllegalArgumentException("Arg" + index + " does not exist (Arg0-Arg6)");
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(0x68 + index);
    }
}
