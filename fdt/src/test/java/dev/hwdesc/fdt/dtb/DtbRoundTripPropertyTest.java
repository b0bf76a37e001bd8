package dev.hwdesc.fdt.dtb;

import static dev.hwdesc.fdt.TreeAssertions.assertSameTree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        qt().withFixedSeed(0x5eed_0002L).withExamples(400).forAll(RandomTrees.anyTree()).checkAssert(s -> {
            for (BlobVersion v : new BlobVersion[] {BlobVersion.V16, BlobVersion.V17}) {
                DeviceTree back = read(DtbEncoder.encode(s.tree(), DtbWriteOptions.DEFAULT.withVersion(v), w -> { }));
                assertSameTree(s.tree(), back);
            }
        });
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
