package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * DefIfElse's If part (ACPI 6.4 section 20.2.5.3): 0xA0 PkgLength Predicate TermList. An Else is
 * the sibling term that follows it.
 */
public record If(Aml predicate, List<Aml> terms) implements Aml {

    static final int IF_OP = 0xA0;

    public If {
        terms = List.copyOf(terms);
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(IF_OP);
        int frame = out.beginFrame();
        predicate.writeTo(out);
        terms.forEach(out::write);
        out.endFrame(frame);
    }
}
