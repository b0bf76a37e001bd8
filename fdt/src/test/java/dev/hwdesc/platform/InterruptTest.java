package dev.hwdesc.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hwdesc.platform.Interrupt.Trigger;
import org.junit.jupiter.api.Test;

class InterruptTest {

    @Test
    void anSpiIsTypeZeroAndItsGsivIsNumberPlus32() {
        Interrupt uart = Interrupt.spi(1, Trigger.LEVEL_HIGH);
        assertArrayEquals(new long[] {0, 1, 4}, uart.cells());
        assertEquals(33, uart.gsiv());
    }

    @Test
    void aPpiIsTypeOneAndItsGsivIsNumberPlus16() {
        Interrupt timer = Interrupt.ppi(14, Trigger.LEVEL_HIGH);
        assertArrayEquals(new long[] {1, 14, 4}, timer.cells());
        assertEquals(30, timer.gsiv());
    }

    @Test
    void aGicV2PpiCarriesItsCpuMaskInBits15To8() {
        assertEquals(0x304, Interrupt.ppi(13, Trigger.LEVEL_HIGH).withCpus(2).flagsCell());
        assertEquals(0xff04, Interrupt.ppi(13, Trigger.LEVEL_HIGH).withCpus(8).flagsCell());
        assertEquals(0x104, Interrupt.ppi(13, Trigger.LEVEL_HIGH).withCpus(1).flagsCell());
    }

    @Test
    void outOfRangeNumbersAndMasksOnSpisAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Interrupt.ppi(16, Trigger.LEVEL_HIGH));
        assertThrows(IllegalArgumentException.class, () -> Interrupt.spi(988, Trigger.LEVEL_HIGH));
        assertThrows(IllegalArgumentException.class, () -> Interrupt.spi(-1, Trigger.LEVEL_HIGH));
        assertThrows(IllegalArgumentException.class, () -> new Interrupt(Interrupt.Kind.SPI, 3, Trigger.LEVEL_HIGH, 1));
    }
}
