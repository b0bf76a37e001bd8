package dev.hwdesc.acpi.qemu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A VM's ACPI tables laid out as one blob to be loaded at a guest-physical base address, every
 * pointer filled in: the RSDP first, at the base (which must be 16-byte aligned, as the RSDP must be),
 * then the tables in the order the VMM builds them (QEMU's: DSDT, FACP, APIC, ... XSDT), each at the
 * next 8-byte boundary; the gaps are zeros. The RSDP points to the XSDT, the XSDT to every table but
 * the DSDT, and the FADT's X_DSDT to the DSDT; every checksum covers the filled-in values.
 *
 * @param base the guest-physical address of the blob's first byte (the RSDP)
 * @param bytes the blob
 * @param placements where each table is, RSDP first, then in blob order
 * @param tables the linked tables, each as the blob holds it
 */
public record AcpiImage(long base, byte[] bytes, List<Placement> placements, AcpiTables tables) {

    public static final int RSDP_ALIGNMENT = 16;
    public static final int TABLE_ALIGNMENT = 8;

    /** One table's place in the blob: its offset from the base and so its guest address. */
    public record Placement(String signature, long address, int offset, int length) {
    }

    public AcpiImage {
        bytes = bytes.clone();
        placements = List.copyOf(placements);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The table of this signature, as placed. */
    public Placement placement(String signature) {
        return placements.stream().filter(p -> p.signature().equals(signature)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + signature + " table"));
    }

    /**
     * Lays out the tables {@code build} gives for a map of guest addresses by signature (for QEMU's
     * virt: {@code a -> QemuVirtTables.of(platform, options.withAddresses(a))}). Built once to learn
     * the tables' lengths, which do not depend on the addresses, and once with the addresses.
     *
     * @throws IllegalArgumentException if {@code base} is not 16-byte aligned or the blob would pass
     *     the end of the 64-bit address space
     */
    public static AcpiImage of(long base, Function<Map<String, Long>, AcpiTables> build) {
        if (base % RSDP_ALIGNMENT != 0) {
            throw new IllegalArgumentException(String.format("0x%x is not %d-byte aligned", base, RSDP_ALIGNMENT));
        }
        AcpiTables unlinked = build.apply(Map.of());
        List<String> order = new ArrayList<>();
        order.add("RSDP");
        unlinked.tables().keySet().stream().filter(s -> !s.equals("RSDP")).forEach(order::add);
        Map<String, Long> addresses = new LinkedHashMap<>();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        long at = 0;
        for (String signature : order) {
            at = align(at, TABLE_ALIGNMENT);
            offsets.put(signature, (int) at);
            addresses.put(signature, base + at);
            at += unlinked.bytes(signature).length;
            if (at > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the tables are larger than 2 GiB");
            }
        }
        if (base != 0 && Long.compareUnsigned(base - 1, -1L - at) > 0) {
            throw new IllegalArgumentException(String.format("%d bytes from 0x%x pass the end of the address space", at, base));
        }
        AcpiTables linked = build.apply(addresses);
        byte[] blob = new byte[(int) at];
        List<Placement> placements = new ArrayList<>();
        for (String signature : order) {
            byte[] table = linked.bytes(signature);
            int offset = offsets.get(signature);
            if (table.length != unlinked.bytes(signature).length) {
                throw new IllegalStateException(signature + " changed length when linked");
            }
            System.arraycopy(table, 0, blob, offset, table.length);
            placements.add(new Placement(signature, addresses.get(signature), offset, table.length));
        }
        return new AcpiImage(base, blob, placements, linked);
    }

    private static long align(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }
}
