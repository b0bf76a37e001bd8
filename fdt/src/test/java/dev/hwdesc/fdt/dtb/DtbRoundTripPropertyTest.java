package dev.hwdesc.fdt.dtb;

import static dev.hwdesc.fdt.TreeAssertions.assertSameTree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.RandomTrees;
import org.junit.jupiter.api.Test;

/** Codec round trips over random trees (fixed seeds, so every run checks the same trees). */
class DtbRoundTripPropertyTest {

    @Test
    void writeReadWriteIsByteIdenticalInEveryVersion() {
        qt().withFixedSeed(0x5eed_0001L).withExamples(400).forAll(RandomTrees.anyTree()).checkAssert(s -> {
            for (BlobVersion v : BlobVersion.values()) {
                DtbWriteOptions o = DtbWriteOptions.DEFAULT.withVersion(v);
                byte[] first = DtbEncoder.encode(s.tree(), o, w -> { });
                DeviceTree back = read(first);
                byte[] second = DtbEncoder.encode(back, o, w -> { });
                assertArrayEquals(first, second, "version " + v.number());
            }
        });
    }

    @Test
    void readOfWriteGivesTheSameNodesPropertiesAndBytes() {
        int[] deepest = {0};
        int[] withReservations = {0};
        qt().withFixedSeed(0x5eed_0002L).withExamples(400).forAll(RandomTrees.anyTree()).checkAssert(s -> {
            deepest[0] = Math.max(deepest[0], depth(s.tree().root()));
            withReservations[0] += s.tree().reservations().isEmpty() ? 0 : 1;
            for (BlobVersion v : new BlobVersion[] {BlobVersion.V16, BlobVersion.V17}) {
                DeviceTree back = read(DtbEncoder.encode(s.tree(), DtbWriteOptions.DEFAULT.withVersion(v), w -> { }));
                assertSameTree(s.tree(), back);
            }
        });
        assertEquals(64, deepest[0], "the generator reaches depth 64");
        assertTrue(withReservations[0] >= 40, "reservations in " + withReservations[0] + " of 400 trees");
    }

    private static int depth(dev.hwdesc.fdt.Node n) {
        int d = 0;
        for (dev.hwdesc.fdt.Node c : n.children()) {
            d = Math.max(d, 1 + depth(c));
        }
        return d;
    }

    @Test
    void paddingAndReserveSlotsReadBackToTheSameTree() {
        qt().withFixedSeed(0x5eed_0003L).withExamples(200).forAll(RandomTrees.anyTree()).checkAssert(s -> {
            byte[] blob = DtbEncoder.encode(s.tree(), new DtbWriteOptions(BlobVersion.V17, 3, 0, 17, 64), w -> { });
            assertSameTree(s.tree(), read(blob));
        });
    }

    private static DeviceTree read(byte[] blob) {
        try {
            return DtbReader.read(blob);
        } catch (FdtFormatException e) {
            throw new AssertionError(e.describe(), e);
        }
    }
}
