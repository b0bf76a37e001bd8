package dev.hwdesc.acpi.table;

/**
 * The Generic Timer Description Table (ACPI 6.4, 5.2.24): revision 2 (96 bytes, what QEMU 7.2
 * writes) and revision 3 (104 bytes, adding the virtual EL2 timer). Platform timer structures,
 * if any, are kept as raw tail.
 */
public final class Gtdt {

    /** Timer flags: bit 0 edge (0 level), bit 1 active low, bit 2 always on (common flags). */
    public static final int EDGE = 1;
    public static final int ACTIVE_LOW = 2;
    public static final int ALWAYS_ON = 4;

    private static Layout.Builder common(String name) {
        return Sdt.table(name)
                .u64("CntControlBase Physical Address", "0xFFFFFFFFFFFFFFFF: none")
                .reserved(4)
                .u32("Secure EL1 Timer GSIV", "secure physical timer")
                .u32("Secure EL1 Timer Flags", "bit 0 edge, bit 1 active low, bit 2 always on")
                .u32("Non-Secure EL1 Timer GSIV", "non-secure physical timer")
                .u32("Non-Secure EL1 Timer Flags", "bit 0 edge, bit 1 active low, bit 2 always on")
                .u32("Virtual EL1 Timer GSIV", "virtual timer")
                .u32("Virtual EL1 Timer Flags", "bit 0 edge, bit 1 active low, bit 2 always on")
                .u32("EL2 Timer GSIV", "hypervisor physical timer")
                .u32("EL2 Timer Flags", "bit 0 edge, bit 1 active low, bit 2 always on")
                .u64("CntReadBase Physical Address", "0xFFFFFFFFFFFFFFFF: none")
                .u32("Platform Timer Count", "platform timer structures")
                .u32("Platform Timer Offset", "offset of the first");
    }

    public static final Layout REVISION_2 = common("GTDT revision 2").build(96);

    public static final Layout REVISION_3 = common("GTDT revision 3")
            .u32("Virtual EL2 Timer GSIV", "hypervisor virtual timer (0: none)")
            .u32("Virtual EL2 Timer Flags", "bit 0 edge, bit 1 active low, bit 2 always on")
            .build(104);

    private Gtdt() {
    }

    /** The layout of a GTDT of {@code revision}. */
    public static Layout forRevision(int revision) {
        return revision >= 3 ? REVISION_3 : REVISION_2;
    }
}
