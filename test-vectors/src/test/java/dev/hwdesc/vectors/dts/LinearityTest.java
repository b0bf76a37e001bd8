package dev.hwdesc.vectors.dts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.bench.GeneratedDts;
import dev.hwdesc.dts.DtsCompiler;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compile time grows linearly with the source: sixteen times the input may take at most about
 * sixteen times as long (the bound below leaves room for a noisy machine; a scan that runs on to the
 * end of the file for each token, which is quadratic, takes far longer). Fast enough to run
 * on every build, unlike ScaleTest; the one-line variant has no newline for a scan to stop at.
 */
class LinearityTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, one line: {1}")
    @CsvSource({"tree, false", "refs, false", "tree, true", "refs, true"})
    void sixteenTimesTheInputTakesAboutSixteenTimesAsLong(String kind, boolean oneLine) throws Exception {
        Path small = source(kind, 1000, oneLine);
        Path large = source(kind, 16000, oneLine);
        compileMillis(large); // warm up
        double ratio = best(large) / Math.max(best(small), 1.0);
        System.out.printf("linearity: %s%s 16x input -> %.1fx time%n", kind, oneLine ? " (one line)" : "", ratio);
        assertTrue(ratio < 40, "16x the input took " + ratio + "x as long");
    }

    private Path source(String kind, int n, boolean oneLine) throws Exception {
        String text = GeneratedDts.text(kind, n);
        Path p = dir.resolve(kind + "-" + n + (oneLine ? "-line" : "") + ".dts");
        Files.writeString(p, oneLine ? text.replace('\n', ' ') : text);
        return p;
    }

    private static double best(Path p) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, compileMillis(p));
        }
        return best;
    }

    private static double compileMillis(Path p) throws Exception {
        long start = System.nanoTime();
        DtsCompiler.compile(p.toString(), new ByteArrayInputStream(new byte[0]), DtsCompiler.Options.DEFAULT);
        return (System.nanoTime() - start) / 1e6;
    }
}
