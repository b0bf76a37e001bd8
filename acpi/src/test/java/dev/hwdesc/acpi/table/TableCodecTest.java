package dev.hwdesc.acpi.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableCodecTest {

    private static Structure.Builder header(Layout layout, String signature, int revision) {
        return Structure.builder(layout).set(Sdt.SIGNATURE, signature).set(Sdt.REVISION, revision)
                .set(Sdt.OEM_ID, "OEMID").set(Sdt.OEM_TABLE_ID, "TABLE").set(Sdt.OEM_REVISION, 7)
                .set(Sdt.CREATOR_ID, "HWDS").set(Sdt.CREATOR_REVISION, 1);
    }

    private static long u32(byte[] b, int at) {
        return TableCodec.number(b, at, 4);
    }

    @Test
    void layoutsHaveTheSpecSizes() {
        assertEquals(36, Sdt.HEADER.size());
        assertEquals(36, Rsdp.LAYOUT.size());
        assertEquals(276, Fadt.LAYOUT.size());
        assertEquals(129, Fadt.LAYOUT.field("ARM_BOOT_ARCH").offset());
        assertEquals(140, Fadt.LAYOUT.field(Fadt.X_DSDT).offset());
        assertEquals(268, Fadt.LAYOUT.field("Hypervisor Vendor Identity").offset());
        assertEquals(80, Madt.GICC.size());
        assertEquals(68, Madt.GICC.field("MPIDR").offset());
        assertEquals(24, Madt.GICD.size());
        assertEquals(24, Madt.MSI_FRAME.size());
        assertEquals(16, Madt.GICR.size());
        assertEquals(20, Madt.ITS.size());
        assertEquals(96, Gtdt.REVISION_2.size());
        assertEquals(104, Gtdt.REVISION_3.size());
        assertEquals(80, Spcr.LAYOUT.size());
        assertEquals(54, Spcr.LAYOUT.field("Global System Interrupt").offset());
        assertEquals(16, Mcfg.ALLOCATION.size());
        assertEquals(22, Dbg2.DEVICE.size());
        assertEquals(36, Iort.ROOT_COMPLEX.size());
        assertEquals(68, Iort.SMMUV3.size());
        assertEquals(20, Iort.ID_MAPPING.size());
        assertEquals(20, Pptt.PROCESSOR.size());
        assertEquals(48, Srat.LAYOUT.size());
        assertEquals(40, Srat.MEMORY.size());
        assertEquals(28, Srat.MEMORY.field("Flags").offset());
        assertEquals(18, Srat.GICC.size());
        assertEquals(44, Slit.LAYOUT.size());
        assertEquals(48, Viot.LAYOUT.size());
        assertEquals(24, Viot.PCI_RANGE.size());
        assertEquals(16, Viot.VIRTIO_PCI_IOMMU.size());
        assertEquals(6, Viot.VIRTIO_PCI_IOMMU.field("PCI BDF").offset());
    }

    @Test
    void viotNodeCountAndOffsetAreComputed() {
        Structure iommu = Structure.builder(Viot.VIRTIO_PCI_IOMMU).set("PCI BDF", 8).build();
        Structure range = Structure.builder(Viot.PCI_RANGE).set("PCI BDF End", 0xff).set("Output Node", 48).build();
        byte[] b = TableCodec.encode(header(Viot.LAYOUT, "VIOT", 0).child(iommu).child(range).build());
        assertEquals(48 + 16 + 24, b.length);
        assertEquals(2, TableCodec.number(b, 36, 2), "node count");
        assertEquals(48, TableCodec.number(b, 38, 2), "node offset");
        assertEquals(16, TableCodec.number(b, 50, 2), "virtio-iommu node length");
        assertEquals(24, TableCodec.number(b, 66, 2), "PCI range length");
        assertEquals(b.length, TableLayouts.encode(TableLayouts.decode(b)).length);
        assertArrayEquals(b, TableLayouts.encode(TableLayouts.decode(b)));
    }

    @Test
    void sratSubtablesAndSlitMatrix() {
        byte[] srat = TableCodec.encode(header(Srat.LAYOUT, "SRAT", 3)
                .child(Structure.builder(Srat.GICC).set("Proximity Domain", 1).set("Flags", 1).build())
                .child(Structure.builder(Srat.MEMORY).set("Base Address", 0x40000000L).set("Range Length", 1L << 27).build())
                .build());
        assertEquals(48 + 18 + 40, srat.length);
        assertEquals(1, u32(srat, 36), "SRAT's reserved 1");
        assertEquals(18, srat[49]);
        assertEquals(1, srat[66]);
        assertEquals(40, srat[67]);
        assertArrayEquals(srat, TableLayouts.encode(TableLayouts.decode(srat)));
        Structure.Builder slit = header(Slit.LAYOUT, "SLIT", 1).set("Number of System Localities", 2);
        for (int d : new int[] {10, 21, 21, 10}) {
            slit.child(Structure.builder(Slit.ENTRY).set("Distance", d).build());
        }
        byte[] b = TableCodec.encode(slit.build());
        assertEquals(48, b.length);
        assertArrayEquals(b, TableLayouts.encode(TableLayouts.decode(b)));
        assertEquals(4, TableLayouts.decode(b).children().size());
    }

    @Test
    void lengthAndChecksumAreComputed() {
        Structure madt = header(Madt.LAYOUT, "APIC", 4)
                .child(Structure.builder(Madt.GICD).set("Physical Base Address", 0x08000000L).set("GIC Version", 3).build())
                .child(Structure.builder(Madt.GICC).set("MPIDR", 0x101).build())
                .build();
        byte[] b = TableCodec.encode(madt);
        assertEquals(44 + 24 + 80, b.length);
        assertEquals(b.length, u32(b, 4));
        assertEquals(0, TableCodec.sum(b, 0, b.length));
        assertEquals(Madt.GICD_TYPE, b[44]);
        assertEquals(24, b[45]);
        assertEquals(Madt.GICC_TYPE, b[68]);
        assertEquals(80, b[69]);
        assertEquals("OEMID\0", new String(b, 10, 6, java.nio.charset.StandardCharsets.US_ASCII), "a short ID is NUL-padded");
    }

    @Test
    void rsdpHasTwoChecksums() {
        byte[] b = TableCodec.encode(Structure.builder(Rsdp.LAYOUT).set("Signature", Rsdp.SIGNATURE_TEXT)
                .set("OEM ID", "BOCHS ").set("Revision", 2).set("XSDT Address", 0x4321_0000L).build());
        assertEquals(36, b.length);
        assertEquals(0, TableCodec.sum(b, 0, 20));
        assertEquals(0, TableCodec.sum(b, 0, 36));
        assertEquals(36, u32(b, 20));
    }

    @Test
    void countsAndOffsetsAreComputed() {
        Structure rc = Structure.builder(Iort.ROOT_COMPLEX)
                .child(Structure.builder(Iort.ID_MAPPING).set("ID Count", 0xff).build())
                .child(Structure.builder(Iort.ID_MAPPING).set("Input Base", 0x100).build())
                .build();
        Structure its = Structure.builder(Iort.ITS_GROUP).child(Structure.builder(Iort.ITS_ID).build()).build();
        byte[] b = TableCodec.encode(header(Iort.LAYOUT, "IORT", 3).child(its).child(rc).build());
        assertEquals(2, u32(b, 36), "node count");
        assertEquals(48, u32(b, 40), "node offset");
        assertEquals(24, TableCodec.number(b, 49, 2), "ITS group length");
        assertEquals(0, u32(b, 56), "ITS group: no mappings");
        assertEquals(0, u32(b, 60), "ITS group: mapping offset 0");
        assertEquals(1, u32(b, 64), "ITS count");
        int r = 72;
        assertEquals(36 + 40, TableCodec.number(b, r + 1, 2), "root complex length");
        assertEquals(2, u32(b, r + 8));
        assertEquals(36, u32(b, r + 12));
    }

    @Test
    void dbg2DeviceOffsetsComeFromItsParts() {
        Structure device = Structure.builder(Dbg2.DEVICE).set("Port Type", Dbg2.SERIAL).set("Port Subtype", Dbg2.PL011)
                .child(Structure.builder(Dbg2.REGISTER).gas("Register", 0, 8, 0, 1, 0x09000000L).build())
                .child(Structure.builder(Dbg2.ADDRESS_SIZE).set("Size", 0x1000).build())
                .tail("COM0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build();
        byte[] b = TableCodec.encode(device);
        assertEquals(43, TableCodec.number(b, 1, 2));
        assertEquals(1, b[3]);
        assertEquals(5, TableCodec.number(b, 4, 2));
        assertEquals(38, TableCodec.number(b, 6, 2));
        assertEquals(22, TableCodec.number(b, 18, 2));
        assertEquals(34, TableCodec.number(b, 20, 2));
        Structure mismatched = Structure.builder(Dbg2.DEVICE)
                .child(Structure.builder(Dbg2.REGISTER).build()).build();
        assertThrows(IllegalArgumentException.class, () -> TableCodec.encode(mismatched));
    }

    @Test
    void unknownTablesAndSubtablesKeepTheirBytes() {
        byte[] body = {1, 2, 3, 4, 5};
        byte[] t = TableCodec.encode(header(Sdt.GENERIC, "ABCD", 1).tail(body).build());
        Structure back = TableLayouts.decode(t);
        assertEquals(Sdt.GENERIC, back.layout());
        assertArrayEquals(t, TableLayouts.encode(back));
        // A MADT with a subtable type hwdesc does not know (0x7f, 6 bytes).
        byte[] madt = TableCodec.encode(header(Madt.LAYOUT, "APIC", 5).tail(new byte[] {0x7f, 6, 9, 9, 9, 9}).build());
        Structure m = TableLayouts.decode(madt);
        assertEquals(1, m.children().size());
        assertEquals("Unknown subtable", m.children().get(0).layout().name());
        assertArrayEquals(madt, TableLayouts.encode(m));
        assertTrue(TableLayouts.dump(m).contains("Unknown subtable"));
    }

    @Test
    void truncatedAndLyingTablesAreFormatErrors() {
        byte[] gtdt = TableCodec.encode(header(Gtdt.REVISION_2, "GTDT", 2).build());
        AcpiFormatException e = assertThrows(AcpiFormatException.class,
                () -> TableLayouts.decode(java.util.Arrays.copyOf(gtdt, 50)));
        assertEquals("GTDT", e.table());
        assertEquals(4, e.offset());
        assertThrows(AcpiFormatException.class, () -> TableLayouts.decode(new byte[10]));
        // A subtable whose length runs past the table: the body is kept raw, the bytes survive.
        byte[] madt = TableCodec.encode(header(Madt.LAYOUT, "APIC", 5).tail(new byte[] {0x0b, (byte) 200, 0, 0}).build());
        Structure m = TableLayouts.decode(madt);
        assertTrue(m.verbatim());
        assertArrayEquals(madt, TableLayouts.encode(m));
    }

    @Test
    void valuesThatDoNotFitAreRefused() {
        Structure.Builder b = Structure.builder(Madt.GICD);
        assertThrows(IllegalArgumentException.class, () -> b.set("GIC Version", 256));
        assertThrows(IllegalArgumentException.class, () -> b.set("No Such Field", 1));
        assertThrows(IllegalArgumentException.class, () -> Structure.builder(Sdt.HEADER).set(Sdt.OEM_ID, "SEVEN77"));
    }

    @Test
    void dumpNamesEveryField() {
        Structure g = header(Gtdt.REVISION_3, "GTDT", 3).set("Virtual EL2 Timer GSIV", 28).build();
        String text = TableLayouts.dump(g);
        for (Field f : Gtdt.REVISION_3.fields()) {
            assertTrue(text.contains(f.kind() == FieldKind.RESERVED ? "Reserved" : f.name()), f.name() + "\n" + text);
        }
        assertTrue(text.contains("[060h 0096  4]"), text);
        assertTrue(text.contains("0000001C"), text);
        assertEquals(List.of(), Gtdt.REVISION_3.body());
    }

    @Test
    void anEmptyRepeatKeepsAnOffsetThatPointsWhereItsElementsWouldStart() {
        // QEMU 10.2's IORT root complex without ID mappings: Mapping Count 0, Mapping Offset 0x24 (the node's end)
        Structure iort = header(Iort.LAYOUT, "IORT", 5)
                .child(Structure.builder(Iort.ROOT_COMPLEX).set("Mapping Offset", 36).build()).build();
        byte[] b = TableCodec.encode(iort);
        assertEquals(36, u32(b, 48 + 12));
        Structure back = TableCodec.decode(Iort.LAYOUT, b, "IORT");
        assertTrue(!back.children().get(0).verbatim());
        assertArrayEquals(b, TableCodec.encode(back));
        // without a stored offset an empty repeat is written as QEMU 7.2 writes it: 0
        Structure plain = header(Iort.LAYOUT, "IORT", 5).child(Structure.builder(Iort.ROOT_COMPLEX).build()).build();
        byte[] p = TableCodec.encode(plain);
        assertEquals(0, u32(p, 48 + 12));
        assertArrayEquals(p, TableCodec.encode(TableCodec.decode(Iort.LAYOUT, p, "IORT")));
        // an offset that points elsewhere is not followed: the node is kept verbatim, its bytes unchanged
        p[48 + 12] = 40;
        p[9] = 0;
        p[9] = (byte) -TableCodec.sum(p, 0, p.length);
        Structure odd = TableCodec.decode(Iort.LAYOUT, p, "IORT");
        assertTrue(odd.children().get(0).verbatim());
        assertArrayEquals(p, TableCodec.encode(odd));
    }
}
