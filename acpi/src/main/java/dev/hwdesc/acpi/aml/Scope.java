package dev.hwdesc.acpi.aml;

import java.util.List;

/** DefScope (ACPI 6.4 section 20.2.5.1): 0x10 PkgLength NameString TermList. */
public record Scope(NameString name, List<Aml> terms) implements Aml {

    static final int SCOPE_OP = 0x10;

    public Scope {
        terms = List.copyOf(terms);
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(SCOPE_OP);
        int frame = out.beginFrame();
        name.writeTo(out);
        terms.forEach(out::write);
        out.endFrame(frame);
    }
}
