package dev.hwdesc.acpi.aml;

import java.util.List;

/** DefElse (ACPI 6.4 section 20.2.5.3): 0xA1 PkgLength TermList, right after its If. */
public record Else(List<Aml> terms) implements Aml {

    static final int ELSE_OP = 0xA1;

    public Else {
        terms = List.copyOf(terms);
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(ELSE_OP);
        int frame = out.beginFrame();
        terms.forEach(out::write);
        out.endFrame(frame);
    }
}
