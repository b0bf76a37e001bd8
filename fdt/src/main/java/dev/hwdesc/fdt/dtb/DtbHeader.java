package dev.hwdesc.fdt.dtb;

import static dev.hwdesc.fdt.dtb.FdtLayout.*;

/**
 * The header of a blob, parsed and checked against the blob's real length: the magic, a version dtc
 * knows, and every block offset and size inside {@code totalsize}, which itself must fit the file.
 * Sizes a version does not have are derived as dtc derives them (to {@code totalsize}).
 */
public record DtbHeader(
        long totalSize,
        long structOffset,
        long stringsOffset,
        long reserveMapOffset,
        long version,
        long lastCompatibleVersion,
        long bootCpuId,
        long stringsSize,
        long structSize,
        BlobVersion layout) {

    /** True when the header gave size_dt_strings (version 3 and later). */
    public boolean hasStringsSize() {
        return layout.hasStringsSize();
    }

    /** True when the header gave size_dt_struct (version 17 and later). */
    public boolean hasStructSize() {
        return layout.hasStructSize();
    }

    /** Parses and checks the header of {@code blob}, of which {@code length} bytes are real. */
    public static DtbHeader parse(byte[] blob, int length) throws FdtFormatException {
        BlobBytes b = new BlobBytes(blob, length);
        if (length == 0) {
            throw new FdtFormatException(0, "empty file: no FDT magic");
        }
        long magic = b.u32(OFF_MAGIC, length, "file ends inside the magic number (" + length + " bytes)");
        if (magic != (MAGIC & 0xffffffffL)) {
            if (magic == 0xedfe0dd0L) {
                throw new FdtFormatException(OFF_MAGIC, "byte-swapped magic 0xedfe0dd0: the blob is little-endian, not a flattened device tree");
            }
            throw new FdtFormatException(OFF_MAGIC, String.format("bad magic 0x%08x (a DTB starts with 0xd00dfeed)", magic));
        }
        long totalSize = field(b, OFF_TOTALSIZE, "totalsize");
        long structOffset = field(b, OFF_DT_STRUCT, "off_dt_struct");
        long stringsOffset = field(b, OFF_DT_STRINGS, "off_dt_strings");
        long reserveOffset = field(b, OFF_MEM_RSVMAP, "off_mem_rsvmap");
        long version = field(b, OFF_VERSION, "version");
        long lastComp = field(b, OFF_LAST_COMP_VERSION, "last_comp_version");
        BlobVersion layout = layoutOf(version, lastComp);

        long bootCpuId = layout.hasBootCpuId() ? field(b, OFF_BOOT_CPUID_PHYS, "boot_cpuid_phys") : 0;
        long stringsSize = layout.hasStringsSize() ? field(b, OFF_SIZE_DT_STRINGS, "size_dt_strings") : -1;
        long structSize = layout.hasStructSize() ? field(b, OFF_SIZE_DT_STRUCT, "size_dt_struct") : -1;
        int headerSize = layout.headerSize();

        if (totalSize < headerSize) {
            throw new FdtFormatException(OFF_TOTALSIZE, "totalsize " + totalSize + " is smaller than the version "
                    + version + " header (" + headerSize + " bytes)");
        }
        if (totalSize > length) {
            throw new FdtFormatException(OFF_TOTALSIZE, "totalsize " + totalSize + " (0x" + Long.toHexString(totalSize)
                    + ") exceeds the blob's real length of " + length + " bytes");
        }
        checkBlockStart(reserveOffset, OFF_MEM_RSVMAP, "memory reservation block", headerSize, totalSize, RESERVE_ALIGN, false);
        checkBlockStart(structOffset, OFF_DT_STRUCT, "struct block", headerSize, totalSize, TOKEN_ALIGN, false);
        checkBlockStart(stringsOffset, OFF_DT_STRINGS, "strings block", headerSize, totalSize, 1, true);
        if (layout.hasStringsSize() && stringsOffset + stringsSize > totalSize) {
            throw new FdtFormatException(OFF_SIZE_DT_STRINGS, String.format(
                    "strings block 0x%x + size_dt_strings 0x%x runs past totalsize 0x%x",
                    stringsOffset, stringsSize, totalSize));
        }
        if (layout.hasStructSize()) {
            if (structOffset + structSize > totalSize) {
                throw new FdtFormatException(OFF_SIZE_DT_STRUCT, String.format(
                        "struct block 0x%x + size_dt_struct 0x%x runs past totalsize 0x%x",
                        structOffset, structSize, totalSize));
            }
            if (structSize % TOKEN_ALIGN != 0) {
                throw new FdtFormatException(OFF_SIZE_DT_STRUCT,
                        "size_dt_struct " + structSize + " is not a multiple of 4");
            }
        }
        if (!layout.hasStringsSize()) {
            stringsSize = totalSize - stringsOffset;
        }
        return new DtbHeader(totalSize, structOffset, stringsOffset, reserveOffset, version, lastComp, bootCpuId,
                stringsSize, structSize, layout);
    }

    private static long field(BlobBytes b, int offset, String name) throws FdtFormatException {
        return b.u32(offset, b.length(), "file ends inside the header field " + name + " (" + b.length() + " bytes)");
    }

    private static BlobVersion layoutOf(long version, long lastComp) throws FdtFormatException {
        var known = BlobVersion.of(version);
        if (known.isPresent()) {
            return known.get();
        }
        if (version > 17 && lastComp <= 17) {
            return BlobVersion.V17; // a later version that declares itself readable as 17
        }
        throw new FdtFormatException(OFF_VERSION, "unsupported blob version " + version
                + (version > 17 ? " (last_comp_version " + lastComp + " is above 17)" : "")
                + "; dtc reads versions 1, 2, 3, 16 and 17");
    }

    private static void checkBlockStart(long offset, int field, String block, int headerSize, long totalSize,
            int alignment, boolean mayBeEmptyAtEnd) throws FdtFormatException {
        if (offset < headerSize) {
            throw new FdtFormatException(field, String.format("%s at 0x%x overlaps the %d-byte header",
                    block, offset, headerSize));
        }
        if (offset > totalSize || (offset == totalSize && !mayBeEmptyAtEnd)) {
            throw new FdtFormatException(field, String.format("%s at 0x%x starts outside the blob (totalsize 0x%x)",
                    block, offset, totalSize));
        }
        if (offset % alignment != 0) {
            throw new FdtFormatException(field, String.format("%s at 0x%x is not %d-byte aligned",
                    block, offset, alignment));
        }
    }
}
