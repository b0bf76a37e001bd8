package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * DefMethod (ACPI 6.4 section 20.2.5.2): 0x14 PkgLength NameString MethodFlags TermList; the flags
 * hold the argument count (bits 2-0, at most 7), Serialized (bit 3) and the sync level (bits 7-4).
 */
public record Method(NameString name, int argCount, boolean serialized, int syncLevel, List<Aml> terms)
        implements Aml {

    static final int METHOD_OP = 0x14;

    public Method {
        terms = List.copyOf(terms);
        if (argCount < 0 || argCount > 7) {
            throw new IllegalArgumentException("a method takes 0-7 arguments, not " + argCount);
        }
        if (syncLevel < 0 || syncLevel > 15) {
            throw new IllegalArgumentException("a sync level is 0-15, not " + syncLevel);
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(METHOD_OP);
        int frame = out.beginFrame();
        name.writeTo(out);
        out.u8(argCount | (serialized ? 0x08 : 0) | syncLevel << 4);
        terms.forEach(out::write);
        out.endFrame(frame);
    }
}
