package dev.hwdesc.acpi.table;

import java.util.Map;

/**
 * The System Resource Affinity Table (ACPI 6.4, 5.2.16): which proximity domain (NUMA node) each
 * range of memory (memory affinity, 40 bytes) and each GIC CPU interface (GICC affinity, 18 bytes)
 * belongs to. Other structure types keep their bytes raw.
 */
public final class Srat {

    public static final int MEMORY_TYPE = 1;
    public static final int GICC_TYPE = 3;

    /** Memory affinity Flags. */
    public static final int MEMORY_ENABLED = 1;
    public static final int MEMORY_HOT_PLUGGABLE = 2;
    public static final int MEMORY_NON_VOLATILE = 4;

    /** GICC affinity Flags bit 0. */
    public static final int GICC_ENABLED = 1;

    public static final Layout MEMORY = Layout.builder("Memory Affinity")
            .fixed("Type", 1, MEMORY_TYPE, "1 memory affinity")
            .length("Length", 1)
            .u32("Proximity Domain", "NUMA node")
            .reserved(2)
            .u64("Base Address", "start of the range")
            .u64("Range Length", "bytes in the range")
            .reserved(4)
            .u32("Flags", "bit 0 enabled, bit 1 hot-pluggable, bit 2 non-volatile")
            .reserved(8)
            .build(40);

    public static final Layout GICC = Layout.builder("GICC Affinity")
            .fixed("Type", 1, GICC_TYPE, "3 GICC affinity")
            .length("Length", 1)
            .u32("Proximity Domain", "NUMA node")
            .u32("ACPI Processor UID", "the GICC's ACPI Processor UID")
            .u32("Flags", "bit 0 enabled")
            .u32("Clock Domain", "clock domain")
            .build(18);

    public static final Layout LAYOUT = Sdt.table("SRAT")
            .fixed("Table Revision", 4, 1, "reserved, 1 for backward compatibility")
            .reserved(8)
            .subtables(1, 1, Map.of((long) MEMORY_TYPE, MEMORY, (long) GICC_TYPE, GICC))
            .build(48);

    private Srat() {
    }
}
