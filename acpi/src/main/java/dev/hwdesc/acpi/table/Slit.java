package dev.hwdesc.acpi.table;

/**
 * The System Locality Information Table (ACPI 6.4, 5.2.17): the number of localities (NUMA nodes)
 * N and the N x N distance matrix, row by row, one byte each (10 from a node to itself).
 */
public final class Slit {

    public static final Layout ENTRY = Layout.builder("Locality distance")
            .u8("Distance", "relative distance, 10 to itself, 255 unreachable")
            .build(1);

    public static final Layout LAYOUT = Sdt.table("SLIT")
            .u64("Number of System Localities", "N; N x N distances follow")
            .array(ENTRY)
            .build(44);

    private Slit() {
    }
}
