package dev.hwdesc.acpi.aml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameStringTest {

    private static byte[] enc(String path) {
        return NameString.of(path).toBytes();
    }

    @Test
    void singleSegmentIsPaddedWithUnderscores() {
        assertArrayEquals(Hex.bytes("'C000'"), enc("C000"));
        assertArrayEquals(Hex.bytes("'GED_'"), enc("GED"));
        assertArrayEquals(Hex.bytes("'_SB_'"), enc("_SB"));
    }

    @Test
    void rootAndParentPrefixes() {
        assertArrayEquals(Hex.bytes("5C '_SB_'"), enc("\\_SB"));
        assertArrayEquals(Hex.bytes("5E 5E 'PCI0'"), enc("^^PCI0"));
        assertArrayEquals(Hex.bytes("5C 00"), enc("\\"));
        assertArrayEquals(Hex.bytes("00"), enc(""));
    }

    @Test
    void dualAndMultiNamePrefixes() {
        // QEMU 7.2 virt DSDT: Device(\_SB.GED) = 5C 2E 5F53425F 4745445F
        assertArrayEquals(Hex.bytes("5C 2E '_SB_GED_'"), enc("\\_SB.GED"));
        assertArrayEquals(Hex.bytes("5C 2F 03 '_SB_PCI0S00_'"), enc("\\_SB.PCI0.S00"));
        assertArrayEquals(Hex.bytes("5E 2E 'PCI0RES0'"), enc("^PCI0.RES0"));
    }

    @Test
    void rejectsWhatIsNotAName() {
        assertThrows(IllegalArgumentException.class, () -> NameString.of("TOOLONG"));
        assertThrows(IllegalArgumentException.class, () -> NameString.of("0ABC"));
        assertThrows(IllegalArgumentException.class, () -> NameString.of("ab"));
        assertThrows(IllegalArgumentException.class, () -> NameString.of("_SB..X"));
        assertThrows(IllegalArgumentException.class, () -> NameString.of("\\^X"));
        assertThrows(IllegalArgumentException.class,
                () -> new NameString(false, 0, Collections.nCopies(256, "ABCD")));
    }

    @Test
    void printsAsAsl() {
        assertEquals("\\_SB_.GED_", NameString.of("\\_SB.GED").toString());
        assertEquals(List.of("GSI0"), NameString.of("GSI0").segments());
    }
}
