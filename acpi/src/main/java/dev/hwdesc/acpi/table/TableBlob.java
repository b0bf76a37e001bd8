package dev.hwdesc.acpi.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a set of tables loaded as one blob from a guest-physical base address, as {@code hwdesc
 * generate --acpi-base} writes them: the RSDP at offset 0, then whatever its pointers reach, the XSDT,
 * the tables the XSDT lists and the DSDT the FADT names. Every pointer must land inside the blob.
 * When the base is not known, it is the one that puts the RSDP's XSDT address on an XSDT in the blob
 * (the first 8-byte aligned one from the start).
 */
public final class TableBlob {

    /** Bound on the tables read, against a hostile XSDT that lists the same table forever. */
    static final int MAX_TABLES = 4096;

    /** Where a table is in a file of tables back to back. */
    public record Span(int offset, int length) {
    }

    /**
     * Where each table of a file of tables back to back starts and how long it is, by each header's
     * Length (QEMU's fw_cfg etc/acpi/tables is such a file); the whole file as one table if the
     * lengths do not tile it, so that the table's decoder says what is wrong.
     */
    public static List<Span> backToBack(byte[] bytes) {
        List<Span> tables = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            long length = bytes.length - at >= Sdt.SIZE ? TableCodec.number(bytes, at + 4, 4) : 0;
            if (length < Sdt.SIZE || length > bytes.length - at) {
                return List.of(new Span(0, bytes.length));
            }
            tables.add(new Span(at, (int) length));
            at += (int) length;
        }
        return tables.isEmpty() ? List.of(new Span(0, bytes.length)) : tables;
    }

    /** A table found in the blob: where, and its bytes. */
    public record Found(String signature, int offset, long address, byte[] bytes) {
    }

    private TableBlob() {
    }

    /** Whether {@code bytes} looks like such a blob: an RSDP with more after it. */
    public static boolean isBlob(byte[] bytes) {
        return bytes.length > Rsdp.LAYOUT.size()
                && Rsdp.SIGNATURE_TEXT.equals(new String(bytes, 0, 8, StandardCharsets.ISO_8859_1));
    }

    /** The tables in the blob: the RSDP, the XSDT, each table it lists in order, then the DSDT. */
    public static List<Found> read(byte[] blob, Optional<Long> knownBase) {
        if (!isBlob(blob)) {
            throw new AcpiFormatException("RSDP", 0, "a table blob starts with an RSDP (\"RSD PTR \") and holds more");
        }
        int rsdpLength = Rsdp.LAYOUT.size();
        long xsdtAddress = TableCodec.number(blob, Rsdp.LAYOUT.field("XSDT Address").offset(), 8);
        long base = knownBase.orElseGet(() -> inferBase(blob, xsdtAddress));
        List<Found> found = new ArrayList<>();
        found.add(new Found("RSDP", 0, base, java.util.Arrays.copyOf(blob, rsdpLength)));
        Found xsdt = at(blob, base, xsdtAddress, Rsdp.LAYOUT.field("XSDT Address").offset(), "RSDP XSDT Address");
        if (!xsdt.signature().equals("XSDT")) {
            throw new AcpiFormatException("RSDP", Rsdp.LAYOUT.field("XSDT Address").offset(),
                    "the XSDT address leads to a " + xsdt.signature() + " table");
        }
        found.add(xsdt);
        Set<Long> seen = new LinkedHashSet<>();
        seen.add(xsdtAddress);
        Optional<Long> dsdt = Optional.empty();
        int entries = (xsdt.bytes().length - Sdt.SIZE) / 8;
        for (int i = 0; i < entries; i++) {
            int pointerAt = xsdt.offset() + Sdt.SIZE + 8 * i;
            long address = TableCodec.number(blob, pointerAt, 8);
            if (!seen.add(address)) {
                continue;
            }
            if (seen.size() > MAX_TABLES) {
                throw new AcpiFormatException("XSDT", pointerAt, "more than " + MAX_TABLES + " tables");
            }
            Found t = at(blob, base, address, pointerAt, "XSDT entry " + i);
            found.add(t);
            if (t.signature().equals("FACP") && t.bytes().length >= Fadt.LAYOUT.size()) {
                int x = Fadt.LAYOUT.field(Fadt.X_DSDT).offset();
                long xDsdt = TableCodec.number(t.bytes(), x, 8);
                int old = Fadt.LAYOUT.field(Fadt.DSDT).offset();
                dsdt = Optional.of(xDsdt != 0 ? xDsdt : TableCodec.number(t.bytes(), old, 4));
                final int pointer = t.offset() + (xDsdt != 0 ? x : old);
                dsdt.filter(a -> a != 0 && seen.add(a))
                        .ifPresent(a -> found.add(at(blob, base, a, pointer, "FADT DSDT address")));
            }
        }
        return found;
    }

    private static long inferBase(byte[] blob, long xsdtAddress) {
        for (int o = 8; o + Sdt.SIZE <= blob.length; o += 8) {
            if (blob[o] == 'X' && blob[o + 1] == 'S' && blob[o + 2] == 'D' && blob[o + 3] == 'T') {
                return xsdtAddress - o;
            }
        }
        throw new AcpiFormatException("RSDP", Rsdp.LAYOUT.field("XSDT Address").offset(),
                "no XSDT in the blob, so its base address is unknown");
    }

    /** The table at guest {@code address}, named by the pointer at {@code pointerAt} in the blob. */
    private static Found at(byte[] blob, long base, long address, int pointerAt, String pointer) {
        long offset = address - base;
        if (Long.compareUnsigned(offset, blob.length - (long) Sdt.SIZE) > 0) {
            throw new AcpiFormatException("blob", pointerAt, String.format(
                    "%s 0x%x is outside the blob (0x%x-0x%x)", pointer, address, base, base + blob.length));
        }
        int o = (int) offset;
        String signature = new String(blob, o, 4, StandardCharsets.ISO_8859_1);
        long length = TableCodec.number(blob, o + 4, 4);
        if (length < Sdt.SIZE || length > blob.length - o) {
            throw new AcpiFormatException(signature, o + 4L, "length " + length + " runs past the end of the blob ("
                    + (blob.length - o) + " bytes remain)");
        }
        return new Found(signature, o, address, java.util.Arrays.copyOfRange(blob, o, o + (int) length));
    }
}
