package dev.hwdesc.vectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.platform.fromtree.PlatformReading;
import dev.hwdesc.platform.fromtree.TreeToPlatform;
import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tree to platform on the dtc conformance corpus, trees that describe no VM and many that are odd on
 * purpose: every input dtc 1.6.1 accepts (the "top" rows of EXPECT.tsv with exit 0, as ConformanceTest
 * counts them) is compiled in-process to a DTB, read back, and read into a platform; so is every
 * golden DTB of VARIANTS.tsv (dtc's output with flags such as -@ and -p). None may throw; the counts
 * of trees and of uninterpreted entries are printed.
 */
class TreeToPlatformCorpusTest {

    private static final Path CORPUS = TestVectors.data().resolve("conformance").resolve("corpus");

    @TempDir
    Path tmp;

    @Test
    void everyCorpusDtbReadsWithoutAnException() throws Exception {
        Map<String, byte[]> blobs = new TreeMap<>();
        for (String[] row : rows("EXPECT.tsv")) {
            if (row[1].equals("top") && row[2].equals("0")) {
                Path out = tmp.resolve(row[0].replace('/', '_') + ".dtb");
                ReferenceTool.Result r = Hwdesc.run(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(),
                        CORPUS.resolve(row[0]).toString()));
                assertEquals(0, r.exitCode(), () -> row[0] + ": " + r.stderr());
                blobs.put(row[0], Files.readAllBytes(out));
            }
        }
        int compiled = blobs.size();
        for (String[] row : rows("VARIANTS.tsv")) {
            if (row[4].equals("0")) {
                blobs.put("variant " + row[0], Files.readAllBytes(CORPUS.resolve(row[6])));
            }
        }
        int trees = 0;
        int uninterpreted = 0;
        int complete = 0;
        List<String> thrown = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
            try {
                DeviceTree tree = DtbReader.read(e.getValue());
                PlatformReading reading = TreeToPlatform.read(tree);
                trees++;
                uninterpreted += reading.uninterpreted().size();
                complete += reading.isComplete() ? 1 : 0;
            } catch (Exception | StackOverflowError x) {
                thrown.add(e.getKey() + ": " + x);
            }
        }
        System.out.printf("tree to platform on the conformance corpus: %d DTBs (%d compiled from accepted inputs, %d "
                + "variant goldens) read, %d uninterpreted entries in all, %d trees read whole%n", trees, compiled,
                blobs.size() - compiled, uninterpreted, complete);
        assertEquals(List.of(), thrown);
        assertEquals(143, compiled, "the inputs dtc 1.6.1 accepts, as ConformanceTest counts them");
        assertTrue(trees == blobs.size());
    }

    private static List<String[]> rows(String name) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve(name))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(line.split("\t", -1));
            }
        }
        return out;
    }
}
