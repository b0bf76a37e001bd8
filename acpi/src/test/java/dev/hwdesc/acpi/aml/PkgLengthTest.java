package dev.hwdesc.acpi.aml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PkgLengthTest {

    @Test
    void oneByteHoldsUpTo63IncludingItself() {
        assertArrayEquals(Hex.bytes("01"), PkgLength.encode(0));
        assertArrayEquals(Hex.bytes("3F"), PkgLength.encode(62));
    }

    @Test
    void twoBytesFrom64() {
        // 63 body bytes + 2 = 65 = 0x41: lead 0x40 | 1, then 0x41 >> 4 = 4
        assertArrayEquals(Hex.bytes("41 04"), PkgLength.encode(63));
        // QEMU 7.2 virt DSDT, Device(\_SB.GED): 5B 82 42 07, length 0x72 of which 0x70 body
        assertArrayEquals(Hex.bytes("42 07"), PkgLength.encode(0x70));
        // 0xFFD + 2 = 0xFFF, the two-byte maximum
        assertArrayEquals(Hex.bytes("4F FF"), PkgLength.encode(0xFFD));
    }

    @Test
    void threeAndFourBytes() {
        // 0xFFE + 3 = 0x1001
        assertArrayEquals(Hex.bytes("81 00 01"), PkgLength.encode(0xFFE));
        // virt's Scope(\_SB) in QEMU 7.2: 87 42 01 = 0x1427
        assertArrayEquals(Hex.bytes("87 42 01"), PkgLength.encode(0x1424));
        assertArrayEquals(Hex.bytes("8F FF FF"), PkgLength.encode(0xFFFFF - 3));
        // 0xFFFFD + 3 = 0x100000 overflows three bytes; 0xFFFFD + 4 = 0x100001
        assertArrayEquals(Hex.bytes("C1 00 00 01"), PkgLength.encode(0xFFFFD));
        assertArrayEquals(Hex.bytes("CF FF FF FF"), PkgLength.encode(PkgLength.MAX - 4));
        assertThrows(IllegalArgumentException.class, () -> PkgLength.encode(PkgLength.MAX - 3));
    }

    @Test
    void fieldUnitLengthsCountBitsNotThemselves() {
        assertArrayEquals(Hex.bytes("20"), PkgLength.encodeBits(32));
        assertArrayEquals(Hex.bytes("3F"), PkgLength.encodeBits(63));
        assertArrayEquals(Hex.bytes("40 04"), PkgLength.encodeBits(64));
        assertArrayEquals(Hex.bytes("4F FF"), PkgLength.encodeBits(0xFFF));
        assertArrayEquals(Hex.bytes("80 00 01"), PkgLength.encodeBits(0x1000));
    }
}
