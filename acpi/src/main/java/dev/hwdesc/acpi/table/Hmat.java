package dev.hwdesc.acpi.table;

import java.util.Map;

/**
 * The Heterogeneous Memory Attribute Table (ACPI 6.4, 5.2.27): per memory proximity domain its
 * attached initiator (type 0, 40 bytes), the latency or bandwidth from each initiator to each target
 * for one memory hierarchy and data type (type 1: the initiator and target lists, then an entry per
 * pair in units of its base), and memory side caches (type 2). Each structure starts with a 2-byte
 * type and a 4-byte length at offset 4.
 */
public final class Hmat {

    public static final int MEMORY_PROXIMITY_TYPE = 0;
    public static final int LATENCY_BANDWIDTH_TYPE = 1;
    public static final int CACHE_TYPE = 2;

    /** Memory Proximity Domain Attributes Flags bit 0: the attached initiator field is valid. */
    public static final int INITIATOR_VALID = 1;

    public static final Layout MEMORY_PROXIMITY = Layout.builder("Memory Proximity Domain Attributes")
            .fixed("Type", 2, MEMORY_PROXIMITY_TYPE, "0 memory proximity domain attributes")
            .reserved(2)
            .length("Length", 4)
            .u16("Flags", "bit 0 the attached initiator is valid")
            .reserved(2)
            .u32("Attached Initiator Proximity Domain", "the initiator attached to this memory")
            .u32("Memory Proximity Domain", "the memory's proximity domain")
            .reserved(4)
            .reserved(8)
            .reserved(8)
            .build(40);

    public static final Layout INITIATOR = Layout.builder("Initiator Proximity Domain")
            .u32("Proximity Domain", "an initiator")
            .build(4);

    public static final Layout TARGET = Layout.builder("Target Proximity Domain")
            .u32("Proximity Domain", "a target")
            .build(4);

    public static final Layout ENTRY = Layout.builder("Entry")
            .u16("Entry", "latency or bandwidth in Entry Base Units, initiator by initiator (0: none)")
            .build(2);

    public static final Layout LATENCY_BANDWIDTH = Layout.builder("System Locality Latency and Bandwidth Information")
            .fixed("Type", 2, LATENCY_BANDWIDTH_TYPE, "1 latency and bandwidth")
            .reserved(2)
            .length("Length", 4)
            .u8("Flags", "bits 3-0 memory hierarchy: 0 memory, 1-3 that level of memory side cache")
            .u8("Data Type", "0-2 access, read, write latency; 3-5 access, read, write bandwidth")
            .reserved(2)
            .u32("Number of Initiator Proximity Domains", "s")
            .u32("Number of Target Proximity Domains", "t")
            .reserved(4)
            .u64("Entry Base Unit", "picoseconds (latency) or MB/s (bandwidth) per entry unit")
            .repeat(INITIATOR, "Number of Initiator Proximity Domains", null)
            .repeat(TARGET, "Number of Target Proximity Domains", null)
            .array(ENTRY)
            .build(32);

    public static final Layout SMBIOS_HANDLE = Layout.builder("SMBIOS Handle")
            .u16("Handle", "an SMBIOS type 17 handle")
            .build(2);

    public static final Layout CACHE = Layout.builder("Memory Side Cache Information")
            .fixed("Type", 2, CACHE_TYPE, "2 memory side cache")
            .reserved(2)
            .length("Length", 4)
            .u32("Memory Proximity Domain", "the memory the cache fronts")
            .reserved(4)
            .u64("Memory Side Cache Size", "bytes")
            .u32("Cache Attributes", "bits 3-0 levels, 7-4 this level, 11-8 associativity, 15-12 write policy,"
                    + " 31-16 line size in bytes")
            .reserved(2)
            .u16("Number of SMBIOS Handles", "n")
            .repeat(SMBIOS_HANDLE, "Number of SMBIOS Handles", null)
            .build(32);

    public static final Layout LAYOUT = Sdt.table("HMAT")
            .reserved(4)
            .subtables(4, 4, Map.of((long) MEMORY_PROXIMITY_TYPE, MEMORY_PROXIMITY, (long) LATENCY_BANDWIDTH_TYPE,
                    LATENCY_BANDWIDTH, (long) CACHE_TYPE, CACHE))
            .build(40);

    private Hmat() {
    }
}
