package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * ASL's ResourceTemplate: a Buffer holding the descriptors and an End Tag (ACPI 6.4 section
 * 6.4.2.9, 0x79 and a checksum byte). The checksum byte is 0, "treated as a valid checksum", as
 * both iasl and QEMU write it.
 */
public record ResourceTemplate(List<ResourceDescriptor> descriptors) implements Aml {

    static final int END_TAG = 0x79;

    public ResourceTemplate {
        descriptors = List.copyOf(descriptors);
    }

    /** The descriptor bytes with the End Tag: the Buffer's contents. */
    public byte[] contents() {
        AmlOutput out = new AmlOutput();
        for (ResourceDescriptor d : descriptors) {
            d.writeTo(out);
        }
        out.u8(END_TAG);
        out.u8(0);
        return out.toByteArray();
    }

    @Override
    public void writeTo(AmlOutput out) {
        new Buffer(contents()).writeTo(out);
    }
}
