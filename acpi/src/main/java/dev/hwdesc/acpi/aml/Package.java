package dev.hwdesc.acpi.aml;

import java.util.List;

/** DefPackage (ACPI 6.4 section 20.2.5.4): 0x12 PkgLength NumElements(byte) elements. */
public record Package(List<Aml> elements) implements Aml {

    static final int PACKAGE_OP = 0x12;

    public Package {
        elements = List.copyOf(elements);
        if (elements.size() > 255) {
            throw new IllegalArgumentException("a Package holds at most 255 elements, not " + elements.size()
                    + " (use VarPackage)");
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(PACKAGE_OP);
        int frame = out.beginFrame();
        out.u8(elements.size());
        elements.forEach(out::write);
        out.endFrame(frame);
    }
}
