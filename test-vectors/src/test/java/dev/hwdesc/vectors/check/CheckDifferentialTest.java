package dev.hwdesc.vectors.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import dev.hwdesc.fdt.check.Checker;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs dtc's checks on DTBs with dtc 1.6.1 ({@code dtc FLAGS -I dtb -O dtb -o OUT IN}) and with
 * {@link Checker}, and requires the same messages, byte for byte, and the same verdict (dtc exits 2
 * exactly when the checker reports an error). The inputs are the DTS files of data/checks, compiled
 * by dtc with -f, and every DTB of the conformance corpus's golden and golden-variants directories.
 */
class CheckDifferentialTest {

    private static final Path OWN_CASES = Path.of("data", "checks");
    private static final String ABORT_LINE = "ERROR: Input tree has errors, aborting (use -f to force output)\n";
    private static final String FORCED_LINE = "Warning: Input tree has errors, output forced\n";

    private static final AtomicInteger ownMatched = new AtomicInteger();
    private static final AtomicInteger corpusMatched = new AtomicInteger();

    @TempDir
    static Path work;

    @AfterAll
    static void summary() {
        System.out.printf("check differential: %d own DTS cases matched, %d corpus DTBs matched%n",
                ownMatched.get(), corpusMatched.get());
    }

    @TestFactory
    Stream<DynamicTest> ownDtsCases() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(OWN_CASES)) {
            cases = files.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
        }
        assertTrue(cases.size() >= 60, "expected at least 60 DTS cases in " + OWN_CASES.toAbsolutePath());
        return cases.stream().map(dts -> DynamicTest.dynamicTest(dts.getFileName().toString(), () -> {
            String dtc = ReferenceTool.DTC.require();
            String source = Files.readString(dts, StandardCharsets.ISO_8859_1);
            DtcInvocation invocation = DtcInvocation.fromFirstLine(source);
            Path in = work.resolve(dts.getFileName() + ".in.dtb");
            ReferenceTool.Result compiled = ReferenceTool.run(
                    List.of(dtc, "-f", "-I", "dts", "-O", "dtb", "-o", in.toString(), dts.toAbsolutePath().toString()),
                    null, 60);
            assertTrue(compiled.exitCode() == 0 && Files.exists(in),
                    () -> "every case must compile with dtc -f, but " + dts + " does not: " + compiled.stderr());
            compare(dtc, in, invocation, dts.getFileName().toString());
            ownMatched.incrementAndGet();
        }));
    }

    @TestFactory
    Stream<DynamicTest> conformanceCorpus() throws IOException {
        Path corpus = corpusDirectory();
        List<Path> dtbs;
        try (Stream<Path> golden = Files.walk(corpus.resolve("golden"));
                Stream<Path> variants = Files.walk(corpus.resolve("golden-variants"))) {
            dtbs = Stream.concat(golden, variants).filter(p -> p.toString().endsWith(".dtb")).sorted().toList();
        }
        return dtbs.stream().map(dtb -> DynamicTest.dynamicTest(corpus.relativize(dtb).toString(), () -> {
                    String dtc = ReferenceTool.DTC.require();
                    compare(dtc, dtb, new DtcInvocation(List.of()), corpus.relativize(dtb).toString().replace('/', '_'));
                    corpusMatched.incrementAndGet();
                }));
    }

    private static void compare(String dtc, Path in, DtcInvocation invocation, String name) throws IOException {
        String out = work.resolve(name + ".out.dtb").toString();
        ReferenceTool.Result ref = ReferenceTool.run(invocation.dtbToDtb(dtc, in.toString(), out), null, 60);
        String expected = ref.stderr();
        boolean dtcFailed = ref.exitCode() == 2 || expected.endsWith(FORCED_LINE);
        if (expected.endsWith(ABORT_LINE)) {
            expected = expected.substring(0, expected.length() - ABORT_LINE.length());
        } else if (expected.endsWith(FORCED_LINE)) {
            expected = expected.substring(0, expected.length() - FORCED_LINE.length());
        }
        assertTrue(ref.exitCode() == 0 || ref.exitCode() == 2,
                "dtc exited " + ref.exitCode() + " on " + in + ": " + ref.stderr());

        DeviceTree tree;
        try {
            tree = DtbReader.read(Files.readAllBytes(in));
        } catch (FdtFormatException e) {
            throw new AssertionError("hwdesc cannot read " + in + " (dtc can): " + e.getMessage(), e);
        }
        StringBuilder actual = new StringBuilder();
        boolean failed = Checker.run(tree, invocation.selection(), invocation.settings(out), actual::append);

        assertEquals(expected, actual.toString(), "messages for " + in + " with flags " + invocation.flags());
        assertEquals(dtcFailed, failed, "error verdict for " + in);
    }

    /** The conformance corpus copied into this module. */
    private static Path corpusDirectory() {
        return dev.hwdesc.vectors.TestVectors.data().resolve("conformance").resolve("corpus");
    }
}
