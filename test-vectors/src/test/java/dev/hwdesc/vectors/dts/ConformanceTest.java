package dev.hwdesc.vectors.dts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance corpus in compare.sh's three modes, run in-process: what dtc 1.6.1 accepted
 * compiles to the golden bytes (and prints dtc's stderr and -O dts text, compared live); what it rejected is
 * rejected with exit 2, the first error on dtc's first error's line; every golden DTB decompiles
 * to the golden DTS. The counts are dtc's own summaries: default 143 identical / 37 rejected;
 * --variants (the default rows again plus VARIANTS.tsv) 216 / 40; --decompile 141 (the golden DTBs
 * of top-level inputs; one more, of an include-only file, is checked here too).
 */
class ConformanceTest {

    @TempDir
    static Path work;

    private static final AtomicInteger[] DEFAULT_COUNTS = {new AtomicInteger(), new AtomicInteger()};
    private static final AtomicInteger[] VARIANT_COUNTS = {new AtomicInteger(), new AtomicInteger()};
    private static final AtomicInteger DECOMPILED = new AtomicInteger();

    @AfterAll
    static void summary() {
        System.out.printf("conformance: default %d identical, %d rejected-correctly; variants (default + "
                + "VARIANTS.tsv) %d identical, %d rejected-correctly; decompile %d identical%n", DEFAULT_COUNTS[0].get(),
                DEFAULT_COUNTS[1].get(), DEFAULT_COUNTS[0].get() + VARIANT_COUNTS[0].get(),
                DEFAULT_COUNTS[1].get() + VARIANT_COUNTS[1].get(), DECOMPILED.get());
    }

    @Test
    void theCorpusHasWhatDtcsSummariesCount() {
        List<Corpus.Input> top = Corpus.inputs().stream().filter(i -> i.role().equals("top")).toList();
        assertEquals(143, top.stream().filter(Corpus.Input::accepted).count());
        assertEquals(37, top.stream().filter(i -> !i.accepted() && !i.dtcCrashesOrHangs()).count());
        assertEquals(6, top.stream().filter(Corpus.Input::dtcCrashesOrHangs).count());
        // compare.sh --variants runs the default rows again plus VARIANTS.tsv: 143 + 73 and 37 + 3.
        assertEquals(73, Corpus.variants().stream().filter(v -> v.dtcExit() == 0).count());
        assertEquals(3, Corpus.variants().stream().filter(v -> v.dtcExit() != 0).count());
    }

    @TestFactory
    Stream<DynamicTest> defaultMode() {
        return Corpus.inputs().stream().filter(i -> i.role().equals("top") && !i.dtcCrashesOrHangs())
                .map(i -> DynamicTest.dynamicTest(i.file(), () -> {
                    compileAndCompare(i.file(), List.of(), i.dtcExit(), i.golden(), i.firstDiagnostic(), DEFAULT_COUNTS);
                    if (i.accepted()) {
                        sameStderrAsDtc(i.file());
                        sameDtsAsDtc(i.file());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> variantsMode() {
        return Corpus.variants().stream().map(v -> DynamicTest.dynamicTest(v.id() + " " + v.flags(),
                () -> compileAndCompare(v.file(), v.flags(), v.dtcExit(), v.golden(), v.firstDiagnostic(), VARIANT_COUNTS)));
    }

    @TestFactory
    Stream<DynamicTest> decompileMode() {
        return Corpus.inputs().stream().filter(i -> !i.golden().equals("-") && !i.goldenDts().equals("-"))
                .map(i -> DynamicTest.dynamicTest(i.golden(), () -> {
                    Path out = work.resolve(i.file().replace('/', '_') + ".dts");
                    var r = Hwdesc.run(List.of("dtc", "-I", "dtb", "-O", "dts", "-o", out.toString(),
                            Corpus.DIR.resolve(i.golden()).toString()));
                    assertEquals(0, r.exitCode(), r.stderr());
                    assertArrayEquals(Files.readAllBytes(Corpus.DIR.resolve(i.goldenDts())), Files.readAllBytes(out));
                    DECOMPILED.incrementAndGet();
                }));
    }

    /** The inputs on which dtc 1.6.1 crashes or hangs: hwdesc answers each within 10 s, output or a clear error. */
    @TestFactory
    Stream<DynamicTest> inputsDtcCrashesOnAreAnswered() {
        return Corpus.inputs().stream().filter(Corpus.Input::dtcCrashesOrHangs)
                .map(i -> DynamicTest.dynamicTest(i.file(), () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    Path out = work.resolve(i.file().replace('/', '_') + ".dtb");
                    var r = Hwdesc.run(List.of("dtc", "-f", "-I", "dts", "-O", "dtb", "-o", out.toString(),
                            Corpus.DIR.resolve(i.file()).toString()));
                    if (r.exitCode() == 0) {
                        assertTrue(Files.size(out) > 0);
                    } else {
                        assertEquals(2, r.exitCode(), r.stderr());
                        assertTrue(r.stderr().startsWith("hwdesc: ") || r.stderr().contains("ERROR"), r.stderr());
                    }
                    System.out.printf("dtc 1.6.1 %s on %s; hwdesc: exit %d%s%n", i.result(), i.file(), r.exitCode(),
                            r.exitCode() == 0 ? ", " + Files.size(out) + "-byte blob" : ": " + r.stderr().lines().findFirst().orElse(""));
                })));
    }

    private static void compileAndCompare(String file, List<String> flags, int dtcExit, String golden,
            String firstDiagnostic, AtomicInteger[] counts) throws IOException {
        Path out = work.resolve(file.replace('/', '_') + "." + String.join("_", flags).replace('/', '_') + ".dtb");
        List<String> args = new ArrayList<>(List.of("dtc"));
        args.addAll(flags);
        args.addAll(List.of("-I", "dts", "-O", "dtb", "-o", out.toString(), Corpus.DIR.resolve(file).toString()));
        var r = Hwdesc.run(args);
        if (dtcExit == 0) {
            assertEquals(0, r.exitCode(), () -> "dtc accepts " + file + " " + flags + "; hwdesc says: " + r.stderr());
            assertArrayEquals(Files.readAllBytes(Corpus.DIR.resolve(golden)), Files.readAllBytes(out),
                    () -> file + " " + flags + ": differs from " + golden);
            counts[0].incrementAndGet();
        } else {
            assertEquals(2, r.exitCode(), () -> "dtc rejects " + file + " (" + firstDiagnostic + "); hwdesc: " + r.stderr());
            Optional<Integer> dtcLine = Corpus.lineOf(firstDiagnostic);
            if (dtcLine.isPresent()) {
                Optional<Integer> ours = firstLine(r.stderr());
                assertEquals(dtcLine, ours, () -> "first error line: dtc says " + firstDiagnostic + "\nhwdesc says "
                        + r.stderr());
            }
            counts[1].incrementAndGet();
        }
    }

    /** The line of hwdesc's first error: "FILE:L:C: error" (parse) or dtc's "FILE:L.C-...: ERROR" (checks). */
    private static Optional<Integer> firstLine(String stderr) {
        for (String line : stderr.lines().toList()) {
            var m = java.util.regex.Pattern.compile("\\.dtsi?:(\\d+)[.:]\\d+").matcher(line);
            if (m.find() && (line.contains("error") || line.contains("ERROR"))) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** DTS to DTS: the same text as dtc 1.6.1 prints (references as resolved values, labels kept). */
    private static void sameDtsAsDtc(String file) {
        String dtc = ReferenceTool.DTC.require();
        String in = Corpus.DIR.resolve(file).toString();
        var expected = ReferenceTool.run(List.of(dtc, "-q", "-I", "dts", "-O", "dts", in), null, 60);
        var actual = Hwdesc.run(List.of("dtc", "-q", "-I", "dts", "-O", "dts", in));
        assertEquals(expected.exitCode(), actual.exitCode(), file + ": -O dts exit");
        assertEquals(expected.stdoutText(), actual.stdoutText(), file + ": -O dts text");
    }

    /** dtc's warnings (and their positions) for an accepted input, compared with the real dtc. */
    private static void sameStderrAsDtc(String file) {
        String dtc = ReferenceTool.DTC.require();
        String in = Corpus.DIR.resolve(file).toString();
        var expected = ReferenceTool.run(List.of(dtc, "-I", "dts", "-O", "dtb", "-o", "/dev/null", in), null, 60);
        var actual = Hwdesc.run(List.of("dtc", "-I", "dts", "-O", "dtb", "-o", "/dev/null", in));
        assertEquals(expected.stderr(), actual.stderr(), file + ": stderr");
    }
}
