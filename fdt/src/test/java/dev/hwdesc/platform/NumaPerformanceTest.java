package dev.hwdesc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumaPerformanceTest {

    @Test
    void latenciesShareTheLargestPowerOfTenThatDividesThemAll() {
        NumaPerformance.Units u = NumaPerformance.Units.of(List.of(10L, 20L, 30L), true);
        assertEquals(new NumaPerformance.Units(10, 10_000), u, "divided by 10 ns; the unit in picoseconds");
        assertEquals(3, u.entry(30));
        assertEquals(new NumaPerformance.Units(1, 1000), NumaPerformance.Units.of(List.of(5L, 250L), true));
    }

    @Test
    void bandwidthsShareTheLargestPowerOfTwoThatDividesThemAll() {
        long mib = NumaPerformance.MIB;
        NumaPerformance.Units u = NumaPerformance.Units.of(List.of(10 * mib, 5 * mib, mib), false);
        assertEquals(new NumaPerformance.Units(mib, 1), u, "divided by 1 MiB/s; the unit in MB/s");
        assertEquals(new NumaPerformance.Units(2048 * mib, 2048),
                NumaPerformance.Units.of(List.of(20L << 30, 10L << 30, 2L << 30), false));
    }

    @Test
    void zeroAndPartialMegabytesAreRefusedNotLoopedOn() {
        assertThrows(IllegalArgumentException.class, () -> NumaPerformance.Units.of(List.of(0L), true));
        assertThrows(IllegalArgumentException.class, () -> NumaPerformance.Units.of(List.of(1000L), false));
    }
}
