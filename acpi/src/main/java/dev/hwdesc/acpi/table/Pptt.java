package dev.hwdesc.acpi.table;

import java.util.Map;

/** The Processor Properties Topology Table: processor hierarchy nodes and cache type structures. */
public final class Pptt {

    public static final int PROCESSOR_TYPE = 0;
    public static final int CACHE_TYPE = 1;

    /** Processor hierarchy node flags. */
    public static final int PHYSICAL_PACKAGE = 1;
    public static final int ID_VALID = 2;
    public static final int THREAD = 4;
    public static final int LEAF = 8;

    public static final Layout PRIVATE_RESOURCE = Layout.builder("Private resource")
            .u32("Reference", "offset of a cache structure")
            .build(4);

    public static final Layout PROCESSOR = Layout.builder("Processor hierarchy node")
            .fixed("Type", 1, PROCESSOR_TYPE, "0 processor hierarchy node")
            .length("Length", 1)
            .reserved(2)
            .u32("Flags", "bit 0 physical package, bit 1 ID valid, bit 2 thread, bit 3 leaf, bit 4 identical")
            .u32("Parent", "offset of the parent node (0: none)")
            .u32("ACPI Processor ID", "the processor's UID, or the group's ID")
            .u32("Number of Private Resources", "private resources")
            .repeat(PRIVATE_RESOURCE, "Number of Private Resources", null)
            .build(20);

    public static final Layout CACHE = Layout.builder("Cache type structure")
            .fixed("Type", 1, CACHE_TYPE, "1 cache")
            .length("Length", 1)
            .reserved(2)
            .u32("Flags", "which of the fields below are valid")
            .u32("Next Level of Cache", "offset")
            .u32("Size", "bytes")
            .u32("Number of Sets", "sets")
            .u8("Associativity", "ways")
            .u8("Attributes", "allocation, type, write policy")
            .u16("Line Size", "bytes")
            .build(24);

    public static final Layout LAYOUT = Sdt.table("PPTT")
            .subtables(1, 1, Map.of((long) PROCESSOR_TYPE, PROCESSOR, (long) CACHE_TYPE, CACHE))
            .build(Sdt.SIZE);

    private Pptt() {
    }
}
