package dev.hwdesc.platform;

/**
 * A range of guest-physical addresses: base and size, unsigned 64-bit, the end checked not to pass
 * 2^64 when the region is made.
 */
public record Region(long base, long size) {

    public Region {
        if (Long.compareUnsigned(base + size, base) < 0 && base + size != 0) {
            throw new IllegalArgumentException("region at 0x" + Long.toHexString(base) + " of size 0x"
                    + Long.toHexString(size) + " runs past the end of the address space");
        }
    }

    /** The first address after the region (0 when it ends exactly at 2^64). */
    public long end() {
        return base + size;
    }

    /** Whether the two regions share an address. */
    public boolean overlaps(Region other) {
        if (size == 0 || other.size == 0) {
            return false;
        }
        return Long.compareUnsigned(base, other.end() - 1) <= 0 && Long.compareUnsigned(other.base, end() - 1) <= 0;
    }

    @Override
    public String toString() {
        return String.format("0x%x-0x%x", base, end() - 1);
    }
}
