package dev.hwdesc.acpi.table;

/** The PCI Express memory-mapped configuration table: one 16-byte allocation per ECAM window. */
public final class Mcfg {

    public static final Layout ALLOCATION = Layout.builder("ECAM allocation")
            .u64("Base Address", "ECAM window")
            .u16("PCI Segment Group", "segment")
            .u8("Start Bus Number", "first bus")
            .u8("End Bus Number", "last bus")
            .reserved(4)
            .build(16);

    public static final Layout LAYOUT = Sdt.table("MCFG").reserved(8).array(ALLOCATION).build(44);

    private Mcfg() {
    }
}
