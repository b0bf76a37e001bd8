package dev.hwdesc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void overlapIsAnySharedAddress() {
        Region ram = new Region(0x40000000L, 0x40000000L);
        assertTrue(ram.overlaps(new Region(0x7fffffffL, 1)));
        assertFalse(ram.overlaps(new Region(0x80000000L, 0x1000)));
        assertFalse(ram.overlaps(new Region(0x3ffff000L, 0x1000)));
        assertFalse(ram.overlaps(new Region(0x50000000L, 0)), "an empty region overlaps nothing");
    }

    @Test
    void addressesAreUnsigned() {
        Region top = new Region(0xffffffff00000000L, 0x100000000L);
        assertEquals(0, top.end(), "ends exactly at 2^64");
        assertTrue(top.overlaps(new Region(0xfffffffffffff000L, 0x1000)));
        assertFalse(top.overlaps(new Region(0x1000, 0x1000)));
    }

    @Test
    void aRegionPastTheAddressSpaceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Region(0xffffffff00000000L, 0x100001000L));
    }
}
