package dev.hwdesc.acpi.aml;

/**
 * Word, DWord and QWord Address Space Descriptors (ACPI 6.4 sections 6.4.3.5.1-3): tag, 16-bit
 * length, resource type, general flags, type-specific flags, then granularity, minimum, maximum,
 * translation offset and length, each {@code width} bytes. No resource source.
 *
 * @param type memory, I/O or bus number range
 * @param consumer general flags bit 0 (ASL's ResourceConsumer; false is ResourceProducer)
 * @param subtractiveDecode general flags bit 1
 * @param minFixed general flags bit 2
 * @param maxFixed general flags bit 3
 * @param typeFlags the type-specific flags (see {@link #memoryFlags} and {@link #ioFlags})
 */
public record AddressSpace(Width width, ResourceType type, boolean consumer, boolean subtractiveDecode,
        boolean minFixed, boolean maxFixed, int typeFlags, long granularity, long minimum, long maximum,
        long translation, long length) implements ResourceDescriptor {

    /** The descriptor sizes. */
    public enum Width {
        WORD(0x88, 2), DWORD(0x87, 4), QWORD(0x8A, 8);

        private final int tag;
        private final int bytes;

        Width(int tag, int bytes) {
            this.tag = tag;
            this.bytes = bytes;
        }
    }

    /** The resource types. */
    public enum ResourceType {
        MEMORY(0), IO(1), BUS_NUMBER(2);

        private final int code;

        ResourceType(int code) {
            this.code = code;
        }
    }

    /** Memory's caching (bits 2-1 of its type flags). */
    public enum Cacheable { NON_CACHEABLE, CACHEABLE, WRITE_COMBINING, PREFETCHABLE }

    /** I/O's ISA ranges (bits 1-0 of its type flags). */
    public enum IsaRanges { RESERVED, NON_ISA_ONLY, ISA_ONLY, ENTIRE_RANGE }

    public AddressSpace {
        if (width != Width.QWORD) {
            long limit = 1L << (8 * width.bytes);
            for (long v : new long[] {granularity, minimum, maximum, translation, length}) {
                if (Long.compareUnsigned(v, limit) >= 0) {
                    throw new IllegalArgumentException("0x" + Long.toHexString(v) + " does not fit a " + width
                            + " address space descriptor");
                }
            }
        }
        if (typeFlags < 0 || typeFlags > 0xFF) {
            throw new IllegalArgumentException("type-specific flags are a byte, not " + typeFlags);
        }
    }

    /**
     * Memory's type-specific flags: bit 0 read-write, bits 2-1 caching; address range memory
     * (bits 4-3 zero) and TypeStatic (bit 5 zero).
     */
    public static int memoryFlags(boolean readWrite, Cacheable cacheable) {
        return (readWrite ? 1 : 0) | cacheable.ordinal() << 1;
    }

    /** I/O's type-specific flags: the ISA ranges; TypeStatic and DenseTranslation (bits 4, 5 zero). */
    public static int ioFlags(IsaRanges ranges) {
        return ranges.ordinal();
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(width.tag);
        out.u16(3 + 5 * width.bytes);
        out.u8(type.code);
        out.u8((consumer ? 1 : 0) | (subtractiveDecode ? 2 : 0) | (minFixed ? 4 : 0) | (maxFixed ? 8 : 0));
        out.u8(typeFlags);
        for (long v : new long[] {granularity, minimum, maximum, translation, length}) {
            for (int i = 0; i < width.bytes; i++) {
                out.u8((int) (v >>> (8 * i)));
            }
        }
    }
}
