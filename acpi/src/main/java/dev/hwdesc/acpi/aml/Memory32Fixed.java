package dev.hwdesc.acpi.aml;

/**
 * 32-Bit Fixed Memory Range Descriptor (ACPI 6.4 section 6.4.3.4): 0x86, length 9, the
 * read/write bit, base and length (32 bits each).
 */
public record Memory32Fixed(boolean readWrite, long base, long length) implements ResourceDescriptor {

    static final int TAG = 0x86;

    public Memory32Fixed {
        if ((base >>> 32) != 0 || (length >>> 32) != 0) {
            throw new IllegalArgumentException(String.format("Memory32Fixed holds 32-bit values, not base 0x%x length 0x%x",
                    base, length));
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(TAG);
        out.u16(9);
        out.u8(readWrite ? 1 : 0);
        out.u32(base);
        out.u32(length);
    }
}
