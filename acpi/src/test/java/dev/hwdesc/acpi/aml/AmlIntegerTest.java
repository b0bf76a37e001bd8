package dev.hwdesc.acpi.aml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AmlIntegerTest {

    private static byte[] enc(long v) {
        return AmlInteger.of(v).toBytes();
    }

    @Test
    void zeroOneAndOnesHaveTheirOwnOpcodes() {
        assertArrayEquals(Hex.bytes("00"), enc(0));
        assertArrayEquals(Hex.bytes("01"), enc(1));
        assertArrayEquals(Hex.bytes("FF"), enc(-1L));
    }

    @Test
    void shortestPrefixAtEachBoundary() {
        assertArrayEquals(Hex.bytes("0A 02"), enc(2));
        assertArrayEquals(Hex.bytes("0A FF"), enc(0xFF));
        assertArrayEquals(Hex.bytes("0B 00 01"), enc(0x100));
        assertArrayEquals(Hex.bytes("0B FF FF"), enc(0xFFFF));
        assertArrayEquals(Hex.bytes("0C 00 00 01 00"), enc(0x10000));
        assertArrayEquals(Hex.bytes("0C FF FF FF FF"), enc(0xFFFFFFFFL));
        assertArrayEquals(Hex.bytes("0E 00 00 00 00 01 00 00 00"), enc(0x100000000L));
        // QEMU 7.2 virt DSDT, PCI0._CBA: Return (0x0000004010000000)
        assertArrayEquals(Hex.bytes("0E 00 00 00 10 40 00 00 00"), enc(0x4010000000L));
        assertArrayEquals(Hex.bytes("0E FE FF FF FF FF FF FF FF"), enc(-2L));
    }

    @Test
    void fixedWidthKeepsItsSize() {
        assertArrayEquals(Hex.bytes("0C 00 00 00 00"), AmlInteger.dword(0).toBytes());
        assertArrayEquals(Hex.bytes("0C 00 00 08 09"), AmlInteger.dword(0x09080000L).toBytes());
        assertArrayEquals(Hex.bytes("0B 01 00"), new AmlInteger(1, AmlInteger.Width.WORD).toBytes());
        assertThrows(IllegalArgumentException.class, () -> new AmlInteger(0x100, AmlInteger.Width.BYTE));
    }
}
