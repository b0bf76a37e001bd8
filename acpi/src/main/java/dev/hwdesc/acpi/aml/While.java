package dev.hwdesc.acpi.aml;

import java.util.List;

/** DefWhile (ACPI 6.4 section 20.2.5.3): 0xA2 PkgLength Predicate TermList. */
public record While(Aml predicate, List<Aml> terms) implements Aml {

    static final int WHILE_OP = 0xA2;

    public While {
        terms = List.copyOf(terms);
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(WHILE_OP);
        int frame = out.beginFrame();
        predicate.writeTo(out);
        terms.forEach(out::write);
        out.endFrame(frame);
    }
}
