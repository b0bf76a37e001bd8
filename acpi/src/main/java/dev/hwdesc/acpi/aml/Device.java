package dev.hwdesc.acpi.aml;

import java.util.List;

/** DefDevice (ACPI 6.4 section 20.2.5.2): 0x5B 0x82 PkgLength NameString TermList. */
public record Device(NameString name, List<Aml> terms) implements Aml {

    static final int EXT_OP_PREFIX = 0x5B;
    static final int DEVICE_OP = 0x82;

    public Device {
        terms = List.copyOf(terms);
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(EXT_OP_PREFIX);
        out.u8(DEVICE_OP);
        int frame = out.beginFrame();
        name.writeTo(out);
        terms.forEach(out::write);
        out.endFrame(frame);
    }
}
