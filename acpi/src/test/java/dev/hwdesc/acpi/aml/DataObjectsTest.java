package dev.hwdesc.acpi.aml;

import static dev.hwdesc.acpi.aml.Asl.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings, buffers, packages and the ASL macros that make buffers and integers. */
class DataObjectsTest {

    @Test
    void stringIsNulTerminatedAscii() {
        assertArrayEquals(Hex.bytes("0D 'ARMH0011' 00"), string("ARMH0011").toBytes());
        assertArrayEquals(Hex.bytes("0D 00"), string("").toBytes());
        assertThrows(IllegalArgumentException.class, () -> string("caf\u00e9"));
    }

    @Test
    void bufferCountsItsSizeTermInItsLength() {
        // QEMU 7.2 virt DSDT, PCI0._DSM: Return (Buffer (One) { 0x01 })
        assertArrayEquals(Hex.bytes("11 03 01 01"), buffer(0x01).toBytes());
        assertArrayEquals(Hex.bytes("11 02 00"), buffer().toBytes());
        assertArrayEquals(Hex.bytes("11 05 0A 02 AA BB"), buffer(0xAA, 0xBB).toBytes());
    }

    @Test
    void packageAndVarPackage() {
        // one _PRT entry of QEMU 7.2 virt: Package (0x04) { 0xFFFF, Zero, GSI0, Zero }
        assertArrayEquals(Hex.bytes("12 0B 04 0B FF FF 00 'GSI0' 00"),
                pkg(integer(0xFFFF), zero(), path("GSI0"), zero()).toBytes());
        assertArrayEquals(Hex.bytes("13 05 0A 02 01 00"), varPkg(List.of(one(), zero())).toBytes());
        assertArrayEquals(Hex.bytes("12 02 00"), pkg().toBytes());
    }

    @Test
    void unicodeIsUtf16WithATwoByteNul() {
        // QEMU 7.2 virt DSDT, PCI0._STR: Unicode ("PCIe 0 Device"), 13 characters + NUL = 28 bytes
        byte[] expected = Hex.bytes("11 1F 0A 1C 50 00 43 00 49 00 65 00 20 00 30 00 20 00"
                + " 44 00 65 00 76 00 69 00 63 00 65 00 00 00");
        assertArrayEquals(expected, unicode("PCIe 0 Device").toBytes());
    }

    @Test
    void toUuidSwapsTheFirstThreeGroups() {
        // QEMU 7.2 virt DSDT, PCI0._OSC: the PCI host bridge UUID
        assertArrayEquals(Hex.bytes("11 13 0A 10 5B 4D DB 33 F7 1F 1C 40 96 57 74 41 C0 3D D7 66"),
                toUuid("33db4d5b-1ff7-401c-9657-7441c03dd766").toBytes());
        assertArrayEquals(Hex.bytes("11 13 0A 10 D0 37 C9 E5 53 35 7A 4D 91 17 EA 4D 19 C3 43 4D"),
                toUuid("E5C937D0-3553-4D7A-9117-EA4D19C3434D").toBytes());
        assertThrows(IllegalArgumentException.class, () -> toUuid("1-2-3-4-5"));
    }

    @Test
    void eisaIdIsAlwaysADWord() {
        // iasl 20200925: Name (EIS, EISAID ("PNP0C0C")) -> 0C 41 D0 0C 0C
        assertArrayEquals(Hex.bytes("0C 41 D0 0C 0C"), eisaId("PNP0C0C").toBytes());
        assertArrayEquals(Hex.bytes("0C 41 D0 0A 08"), eisaId("PNP0A08").toBytes());
        assertThrows(IllegalArgumentException.class, () -> eisaId("pnp0c0c"));
    }
}
