package dev.hwdesc.acpi.aml;

/**
 * I/O Port Descriptor (ACPI 6.4 section 6.4.2.5), ASL's IO(): 0x47, decode (1 for 16-bit),
 * minimum and maximum base (16 bits), alignment and length (8 bits).
 */
public record IoPort(boolean decode16, int minimum, int maximum, int alignment, int length)
        implements ResourceDescriptor {

    static final int TAG = 0x47;

    public IoPort {
        if (minimum < 0 || minimum > 0xFFFF || maximum < 0 || maximum > 0xFFFF || alignment < 0 || alignment > 0xFF
                || length < 0 || length > 0xFF) {
            throw new IllegalArgumentException("IO holds 16-bit bases and 8-bit alignment and length");
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(TAG);
        out.u8(decode16 ? 1 : 0);
        out.u16(minimum);
        out.u16(maximum);
        out.u8(alignment);
        out.u8(length);
    }
}
