package dev.hwdesc.acpi.qemu;

import dev.hwdesc.acpi.table.Fadt;
import dev.hwdesc.acpi.table.Rsdp;
import dev.hwdesc.acpi.table.Sdt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A VM's ACPI tables as QEMU hands them to its firmware through fw_cfg, three files that EDK2's
 * QemuFwCfgAcpiPlatformDxe (Debian's AAVMF) and SeaBIOS install:
 * <ul>
 * <li>{@value #TABLES}: every table but the RSDP, back to back in build order (DSDT first, XSDT
 * last), each pointer field holding the offset in this file of the table it points to, each
 * checksum 0;</li>
 * <li>{@value #RSDP}: the RSDP, its XSDT address the XSDT's offset in {@value #TABLES}, its
 * checksums 0;</li>
 * <li>{@value #LOADER}: QEMU's linker script (hw/acpi/bios-linker-loader.c), 128-byte commands:
 * allocate both files, add each file's guest address to each pointer, then compute each checksum.
 * Its commands come in QEMU 7.2's order, so for QEMU's tables it is QEMU's file byte for byte.</li>
 * </ul>
 * A VMM that runs such firmware needs no ACPI code of its own: it serves these three files (QEMU
 * itself with {@code -machine virt,acpi=off} and {@code -fw_cfg name=...,file=...}).
 *
 * @param tables the {@value #TABLES} file
 * @param rsdp the {@value #RSDP} file
 * @param loader the {@value #LOADER} file
 * @param offsets each table's offset in {@value #TABLES}, in file order
 */
public record AcpiFwCfg(byte[] tables, byte[] rsdp, byte[] loader, Map<String, Integer> offsets) {

    public static final String TABLES = "etc/acpi/tables";
    public static final String RSDP = "etc/acpi/rsdp";
    public static final String LOADER = "etc/table-loader";

    /** BiosLinkerLoader commands and their fields' sizes. */
    static final int ALLOCATE = 1;
    static final int ADD_POINTER = 2;
    static final int ADD_CHECKSUM = 3;
    static final int COMMAND_SIZE = 128;
    static final int FILE_NAME_SIZE = 56;
    /** Allocation zones: anywhere in RAM, or the BIOS's F segment (which AAVMF treats alike). */
    static final int ZONE_HIGH = 1;
    static final int ZONE_FSEG = 2;
    /** QEMU's alignments: the tables file on 64 bytes, the RSDP on 16. */
    static final int TABLES_ALIGNMENT = 64;
    static final int RSDP_ALIGNMENT = 16;
    static final int POINTER_SIZE = 8;

    public AcpiFwCfg {
        tables = tables.clone();
        rsdp = rsdp.clone();
        loader = loader.clone();
        offsets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(offsets));
    }

    @Override
    public byte[] tables() {
        return tables.clone();
    }

    @Override
    public byte[] rsdp() {
        return rsdp.clone();
    }

    @Override
    public byte[] loader() {
        return loader.clone();
    }

    /** The three files by fw_cfg name. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(TABLES, tables());
        f.put(RSDP, rsdp());
        f.put(LOADER, loader());
        return f;
    }

    /**
     * The files for the tables {@code build} gives for a map of addresses by signature (for QEMU's
     * virt: {@code a -> QemuVirtTables.of(platform, options.withAddresses(a))}): built once to learn
     * the lengths, then with each table's offset in {@value #TABLES} as its address.
     */
    public static AcpiFwCfg of(Function<Map<String, Long>, AcpiTables> build) {
        AcpiTables unlinked = build.apply(Map.of());
        Map<String, Integer> offsets = new LinkedHashMap<>();
        Map<String, Long> addresses = new LinkedHashMap<>();
        long at = 0;
        for (String signature : unlinked.tables().keySet()) {
            if (!signature.equals("RSDP")) {
                offsets.put(signature, (int) at);
                addresses.put(signature, at);
                at += unlinked.bytes(signature).length;
                if (at > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("the tables are larger than 2 GiB");
                }
            }
        }
        AcpiTables linked = build.apply(addresses);
        ByteArrayOutputStream blob = new ByteArrayOutputStream((int) at);
        Loader loader = new Loader();
        loader.allocate(TABLES, TABLES_ALIGNMENT, ZONE_HIGH);
        for (Map.Entry<String, Integer> e : offsets.entrySet()) {
            String signature = e.getKey();
            int offset = e.getValue();
            byte[] table = linked.bytes(signature);
            if (offset != blob.size() || table.length != unlinked.bytes(signature).length) {
                throw new IllegalStateException(signature + " changed length when linked");
            }
            table[Sdt.HEADER.field(Sdt.CHECKSUM).offset()] = 0;
            blob.writeBytes(table);
            if (signature.equals("FACP")) {
                loader.addPointer(TABLES, TABLES, offset + Fadt.LAYOUT.field(Fadt.X_DSDT).offset());
            } else if (signature.equals("XSDT")) {
                for (int i = 0; i < (table.length - Sdt.SIZE) / POINTER_SIZE; i++) {
                    loader.addPointer(TABLES, TABLES, offset + Sdt.SIZE + POINTER_SIZE * i);
                }
            }
            loader.addChecksum(TABLES, offset + Sdt.HEADER.field(Sdt.CHECKSUM).offset(), offset, table.length);
        }
        byte[] rsdp = linked.bytes("RSDP");
        int checksum = Rsdp.LAYOUT.field("Checksum").offset();
        int extended = Rsdp.LAYOUT.field("Extended Checksum").offset();
        rsdp[checksum] = 0;
        rsdp[extended] = 0;
        // QEMU allocates the RSDP last, but its linker puts allocations first, newest first.
        loader.allocate(RSDP, RSDP_ALIGNMENT, ZONE_FSEG);
        loader.addChecksum(RSDP, checksum, 0, Rsdp.LAYOUT.field("Checksum").checksumSpan());
        loader.addPointer(RSDP, TABLES, Rsdp.LAYOUT.field("XSDT Address").offset());
        loader.addChecksum(RSDP, extended, 0, rsdp.length);
        return new AcpiFwCfg(blob.toByteArray(), rsdp, loader.bytes(), offsets);
    }

    /** QEMU's linker script: allocations first (the newest at the front), the rest in order. */
    private static final class Loader {
        private final List<byte[]> allocations = new ArrayList<>();
        private final List<byte[]> commands = new ArrayList<>();

        void allocate(String file, int alignment, int zone) {
            byte[] c = command(ALLOCATE);
            name(c, 4, file);
            putU32(c, 4 + FILE_NAME_SIZE, alignment);
            c[4 + FILE_NAME_SIZE + 4] = (byte) zone;
            allocations.add(0, c);
        }

        /** Adds {@code target}'s guest address to the 8-byte pointer at {@code offset} in {@code file}. */
        void addPointer(String file, String target, int offset) {
            byte[] c = command(ADD_POINTER);
            name(c, 4, file);
            name(c, 4 + FILE_NAME_SIZE, target);
            putU32(c, 4 + 2 * FILE_NAME_SIZE, offset);
            c[4 + 2 * FILE_NAME_SIZE + 4] = POINTER_SIZE;
            commands.add(c);
        }

        /** Makes the byte at {@code offset} the checksum of {@code length} bytes from {@code start}. */
        void addChecksum(String file, int offset, int start, int length) {
            byte[] c = command(ADD_CHECKSUM);
            name(c, 4, file);
            putU32(c, 4 + FILE_NAME_SIZE, offset);
            putU32(c, 4 + FILE_NAME_SIZE + 4, start);
            putU32(c, 4 + FILE_NAME_SIZE + 8, length);
            commands.add(c);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            allocations.forEach(out::writeBytes);
            commands.forEach(out::writeBytes);
            return out.toByteArray();
        }

        private static byte[] command(int kind) {
            byte[] c = new byte[COMMAND_SIZE];
            putU32(c, 0, kind);
            return c;
        }

        private static void name(byte[] c, int at, String file) {
            byte[] n = file.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(n, 0, c, at, n.length); // NUL-padded; every name here is short
        }

        private static void putU32(byte[] c, int at, long v) {
            for (int i = 0; i < 4; i++) {
                c[at + i] = (byte) (v >>> (8 * i));
            }
        }
    }
}
