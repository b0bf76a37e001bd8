package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * DefVarPackage (ACPI 6.4 section 20.2.5.4): 0x13 PkgLength NumElements(TermArg) elements. QEMU
 * writes its _PRT this way, the count as the shortest integer.
 */
public record VarPackage(Aml count, List<Aml> elements) implements Aml {

    static final int VAR_PACKAGE_OP = 0x13;

    public VarPackage {
        elements = List.copyOf(elements);
    }

    /** A VarPackage whose count is its number of elements. */
    public VarPackage(List<Aml> elements) {
        this(AmlInteger.of(elements.size()), elements);
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(VAR_PACKAGE_OP);
        int frame = out.beginFrame();
        count.writeTo(out);
        elements.forEach(out::write);
        out.endFrame(frame);
    }
}
