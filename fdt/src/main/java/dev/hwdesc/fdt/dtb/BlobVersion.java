package dev.hwdesc.fdt.dtb;

import java.util.Optional;

/**
 * The blob versions dtc reads and writes, with what each one's layout includes (dtc's version_table).
 * Versions below 16 store full paths as node names, add a "name" property to each node and align
 * values of 8 bytes or more to 8; 16 and 17 allow NOP tokens.
 */
public enum BlobVersion {
    V1(1, 1, FdtLayout.V1_HEADER_SIZE),
    V2(2, 1, FdtLayout.V2_HEADER_SIZE),
    V3(3, 1, FdtLayout.V3_HEADER_SIZE),
    V16(16, 16, FdtLayout.V16_HEADER_SIZE),
    V17(17, 16, FdtLayout.V17_HEADER_SIZE);

    private final int number;
    private final int lastCompatibleVersion;
    private final int headerSize;

    BlobVersion(int number, int lastCompatibleVersion, int headerSize) {
        this.number = number;
        this.lastCompatibleVersion = lastCompatibleVersion;
        this.headerSize = headerSize;
    }

    public static Optional<BlobVersion> of(long number) {
        for (BlobVersion v : values()) {
            if (v.number == number) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public int number() {
        return number;
    }

    public int lastCompatibleVersion() {
        return lastCompatibleVersion;
    }

    public int headerSize() {
        return headerSize;
    }

    /** Node names are full paths (versions 1 to 3). */
    public boolean fullPathNames() {
        return number < 16;
    }

    /** Every node carries a "name" property (versions 1 to 3). */
    public boolean nameProperties() {
        return number < 16;
    }

    /** Values of 8 bytes or more are aligned to 8 in the struct block (versions 1 to 3). */
    public boolean variableAlignment() {
        return number < 16;
    }

    /** The header has boot_cpuid_phys. */
    public boolean hasBootCpuId() {
        return number >= 2;
    }

    /** The header has size_dt_strings. */
    public boolean hasStringsSize() {
        return number >= 3;
    }

    /** The header has size_dt_struct. */
    public boolean hasStructSize() {
        return number >= 17;
    }

    /** NOP tokens are part of the format. */
    public boolean allowsNops() {
        return number >= 16;
    }
}
