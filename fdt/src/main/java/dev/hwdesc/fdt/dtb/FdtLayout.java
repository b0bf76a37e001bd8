package dev.hwdesc.fdt.dtb;

/**
 * The flattened device tree blob layout, defined once (Devicetree Specification v0.4, chapter 5, and
 * dtc's flattree.c). Every offset, tag and size the reader, writer and tests use comes from here.
 *
 * <pre>
 * offset  field                 since version
 *   0     magic 0xd00dfeed      1
 *   4     totalsize             1
 *   8     off_dt_struct         1
 *  12     off_dt_strings        1
 *  16     off_mem_rsvmap        1
 *  20     version               1
 *  24     last_comp_version     1
 *  28     boot_cpuid_phys       2
 *  32     size_dt_strings       3
 *  36     size_dt_struct        17
 * </pre>
 */
public final class FdtLayout {

    private FdtLayout() {
    }

    public static final int MAGIC = 0xd00dfeed;

    public static final int OFF_MAGIC = 0;
    public static final int OFF_TOTALSIZE = 4;
    public static final int OFF_DT_STRUCT = 8;
    public static final int OFF_DT_STRINGS = 12;
    public static final int OFF_MEM_RSVMAP = 16;
    public static final int OFF_VERSION = 20;
    public static final int OFF_LAST_COMP_VERSION = 24;
    public static final int OFF_BOOT_CPUID_PHYS = 28;
    public static final int OFF_SIZE_DT_STRINGS = 32;
    public static final int OFF_SIZE_DT_STRUCT = 36;

    /** Header sizes per version. */
    public static final int V1_HEADER_SIZE = 28;
    public static final int V2_HEADER_SIZE = 32;
    public static final int V3_HEADER_SIZE = 36;
    public static final int V16_HEADER_SIZE = 36;
    public static final int V17_HEADER_SIZE = 40;

    /** Struct block tokens. */
    public static final int FDT_BEGIN_NODE = 0x1;
    public static final int FDT_END_NODE = 0x2;
    public static final int FDT_PROP = 0x3;
    public static final int FDT_NOP = 0x4;
    public static final int FDT_END = 0x9;

    /** One memory reservation entry: 64-bit address, 64-bit size. */
    public static final int RESERVE_ENTRY_SIZE = 16;

    /** Alignment of the memory reservation block, and of values of 8 bytes or more in versions below 16. */
    public static final int RESERVE_ALIGN = 8;
    /** Alignment of tokens in the struct block. */
    public static final int TOKEN_ALIGN = 4;

    /** Rounds {@code value} up to a multiple of {@code alignment} (a power of two). */
    public static int align(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    /** Rounds {@code value} up to a multiple of {@code alignment} (a power of two). */
    public static long align(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
