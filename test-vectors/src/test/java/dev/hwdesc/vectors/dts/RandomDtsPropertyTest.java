package dev.hwdesc.vectors.dts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.generators.SourceDSL;

/**
 * Random DTS sources (RandomDts) compile to the same DTB with hwdesc as with the real dtc 1.6.1, or
 * both reject them. Each feature must appear in at least 5% of the sources tried.
 */
class RandomDtsPropertyTest {

    private static final int EXAMPLES = 300;

    @TempDir
    Path dir;

    @Test
    void hwdescCompilesRandomSourcesAsDtcDoes() {
        String dtc = ReferenceTool.DTC.require();
        Map<RandomDts.Feature, Integer> seen = new EnumMap<>(RandomDts.Feature.class);
        int[] accepted = {0};
        qt().withFixedSeed(0xd75_5eedL).withExamples(EXAMPLES)
                .forAll(SourceDSL.longs().all().map(RandomDts::generate))
                .checkAssert(source -> {
                    source.features().forEach(f -> seen.merge(f, 1, Integer::sum));
                    try {
                        Path in = Files.writeString(dir.resolve("random.dts"), source.text(), StandardCharsets.ISO_8859_1);
                        Path theirs = dir.resolve("dtc.dtb");
                        Path ours = dir.resolve("hwdesc.dtb");
                        Files.deleteIfExists(theirs);
                        Files.deleteIfExists(ours);
                        var expected = ReferenceTool.run(List.of(dtc, "-q", "-I", "dts", "-O", "dtb", "-o", theirs.toString(),
                                in.toString()), null, 60);
                        var actual = Hwdesc.run(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", ours.toString(), in.toString()));
                        assertEquals(expected.exitCode() == 0 ? 0 : 2, actual.exitCode(),
                                () -> "dtc exit " + expected.exitCode() + ": " + expected.stderr() + "\nhwdesc: " + actual.stderr());
                        if (expected.exitCode() == 0) {
                            assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), "DTB bytes");
                            accepted[0]++;
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
        System.out.printf("random DTS: %d sources, %d accepted by dtc; features: %s%n", EXAMPLES, accepted[0], seen);
        for (RandomDts.Feature f : RandomDts.Feature.values()) {
            int count = seen.getOrDefault(f, 0);
            assertTrue(count * 20 >= EXAMPLES, f + " appeared in only " + count + " of " + EXAMPLES + " sources");
        }
        assertTrue(accepted[0] * 2 >= EXAMPLES, "most sources should be valid, but dtc accepted " + accepted[0]);
    }
}
