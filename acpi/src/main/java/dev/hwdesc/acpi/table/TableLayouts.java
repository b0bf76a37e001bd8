package dev.hwdesc.acpi.table;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Which layout reads a table: by signature (and for the GTDT by revision); any other table is a
 * header and raw bytes. {@link #decode}, {@link #encode} and {@link #dump} are the entry points for
 * a whole table.
 */
public final class TableLayouts {

    private static final Map<String, Layout> BY_SIGNATURE = Map.ofEntries(
            Map.entry("XSDT", Xsdt.LAYOUT),
            Map.entry("FACP", Fadt.LAYOUT),
            Map.entry("APIC", Madt.LAYOUT),
            Map.entry("SPCR", Spcr.LAYOUT),
            Map.entry("MCFG", Mcfg.LAYOUT),
            Map.entry("DBG2", Dbg2.LAYOUT),
            Map.entry("IORT", Iort.LAYOUT),
            Map.entry("PPTT", Pptt.LAYOUT),
            Map.entry("SRAT", Srat.LAYOUT),
            Map.entry("SLIT", Slit.LAYOUT),
            Map.entry("HMAT", Hmat.LAYOUT),
            Map.entry("VIOT", Viot.LAYOUT));

    private TableLayouts() {
    }

    /** The layout for a table that starts with these bytes. */
    public static Layout layoutOf(byte[] table) {
        if (table.length >= 8 && Rsdp.SIGNATURE_TEXT.equals(new String(table, 0, 8, StandardCharsets.ISO_8859_1))) {
            return Rsdp.LAYOUT;
        }
        if (table.length < Sdt.SIZE) {
            throw new AcpiFormatException("table", table.length, "a table is at least " + Sdt.SIZE + " bytes, this is " + table.length);
        }
        String signature = new String(table, 0, 4, StandardCharsets.ISO_8859_1);
        int length = (int) Math.min(Integer.MAX_VALUE, TableCodec.number(table, 4, 4));
        Layout layout = "GTDT".equals(signature) ? Gtdt.forRevision(table[8] & 0xff) : BY_SIGNATURE.get(signature);
        if (layout == null || length < layout.size()) {
            return Sdt.GENERIC;
        }
        return layout;
    }

    /** Decodes one whole table; its Length must match the bytes given. */
    public static Structure decode(byte[] table) {
        Layout layout = layoutOf(table);
        String name = layout == Rsdp.LAYOUT ? "RSDP" : new String(table, 0, 4, StandardCharsets.ISO_8859_1);
        int lengthAt = layout.lengthField().orElseThrow().offset();
        if (table.length < lengthAt + 4) {
            throw new AcpiFormatException(name, table.length, "truncated before its length");
        }
        long length = TableCodec.number(table, lengthAt, 4);
        if (length != table.length) {
            throw new AcpiFormatException(name, lengthAt, "Length says " + length + " bytes, the table has " + table.length);
        }
        return TableCodec.decode(layout, table, name);
    }

    public static byte[] encode(Structure table) {
        return TableCodec.encode(table);
    }

    public static String dump(Structure table) {
        return TableDumper.dump(table);
    }
}
