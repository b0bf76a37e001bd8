package dev.hwdesc.acpi.table;

/** The Extended System Description Table: the header and one 64-bit address per table. */
public final class Xsdt {

    public static final Layout ENTRY = Layout.builder("XSDT entry").u64("Address", "table address").build(8);

    public static final Layout LAYOUT = Sdt.table("XSDT").array(ENTRY).build(Sdt.SIZE);

    private Xsdt() {
    }
}
