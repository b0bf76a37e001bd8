package dev.hwdesc.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.RandomTrees;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import dev.hwdesc.fdt.dts.DtsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree read from a DTB, printed as DTS by hwdesc and compiled by the real dtc, gives the same DTB
 * back: the printer's type guessing, escapes and layout are exactly what dtc reads.
 */
class DtsThroughDtcPropertyTest {

    @TempDir
    Path dir;

    @Test
    void printedDtsCompilesBackToTheSameBlob() {
        String dtc = ReferenceTool.DTC.require();
        qt().withFixedSeed(0x0d75_0001L).withExamples(250).forAll(RandomTrees.dtcCleanTree()).checkAssert(s -> {
            byte[] blob = DtbEncoder.encode(s.tree());
            DeviceTree read;
            try {
                read = DtbReader.read(blob);
            } catch (FdtFormatException e) {
                throw new AssertionError(e.describe(), e);
            }
            byte[] dts = DtsWriter.writeBytes(read);
            try {
                Path src = Files.write(dir.resolve("t.dts"), dts);
                ReferenceTool.Result r = ReferenceTool.run(
                        List.of(dtc, "-q", "-I", "dts", "-O", "dtb", src.toString()), null, 60);
                assertEquals(0, r.exitCode(), () -> "dtc rejected the printed source: " + r.stderr());
                assertArrayEquals(blob, r.stdout(), "dtc compiled the printed source to different bytes");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
