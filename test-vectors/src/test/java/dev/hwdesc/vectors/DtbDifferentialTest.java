package dev.hwdesc.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * hwdesc dtc against the real dtc 1.6.1 on every QEMU virt dump and every golden DTB of the dtc
 * corpus: {@code -I dtb -O dtb} gives the same bytes, {@code -I dtb -O dts} the same text, stderr
 * (dtc's check messages) is the same, and the exit code is the same (dtc's refusals are exit 2).
 */
class DtbDifferentialTest {

    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        work = Files.createTempDirectory("hwdesc-dtb-diff");
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    static List<Path> qemuDumps() {
        return TestVectors.files(TestVectors.data().resolve("qemu-virt"), ".dtb.gz");
    }

    static List<Path> goldens() {
        Path corpus = TestVectors.data().resolve("conformance/corpus");
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("golden", "golden-variants")) {
            try (Stream<Path> s = Files.walk(corpus.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".dtb")).sorted().forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    @Test
    void theCorpusIsWhatTheIssueAsksFor() {
        List<Path> dumps = qemuDumps();
        Set<String> digests = new HashSet<>();
        for (Path p : dumps) {
            digests.add(sha256(TestVectors.bytes(p)));
        }
        assertTrue(dumps.size() >= 30, "at least 30 QEMU dumps, found " + dumps.size());
        assertEquals(dumps.size(), digests.size(), "every QEMU dump is distinct");
        assertTrue(goldens().size() >= 140, "the golden DTBs of the corpus, found " + goldens().size());
    }

    @TestFactory
    Stream<DynamicTest> qemuDumpsMatchDtc() {
        return qemuDumps().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> compareAll(p.getFileName().toString().replace(".gz", ""), TestVectors.bytes(p))));
    }

    @TestFactory
    Stream<DynamicTest> goldenDtbsMatchDtc() {
        Path corpus = TestVectors.data().resolve("conformance/corpus");
        return goldens().stream().map(p -> DynamicTest.dynamicTest(corpus.relativize(p).toString(),
                () -> compareAll(p.getFileName().toString(), TestVectors.bytes(p))));
    }

    /** Layout options on a few dumps: versions, reservation slots, padding, alignment, boot CPU, sorting. */
    @TestFactory
    Stream<DynamicTest> layoutOptionsMatchDtc() {
        List<List<String>> optionSets = List.of(
                List.of("-V", "1"), List.of("-V", "2"), List.of("-V", "3"), List.of("-V", "16"),
                List.of("-R", "3"), List.of("-S", "0x10000"), List.of("-p", "100"), List.of("-a", "64"),
                List.of("-p", "7", "-a", "16"), List.of("-b", "3"), List.of("-s"), List.of("-s", "-V", "2"),
                List.of("-q"), List.of("-H", "both"), List.of("-f", "-qq"));
        List<Path> dumps = qemuDumps();
        List<Path> some = List.of(dumps.get(0), dumps.get(dumps.size() / 2), dumps.get(dumps.size() - 1));
        return some.stream().flatMap(p -> optionSets.stream().map(opts -> DynamicTest.dynamicTest(
                p.getFileName() + " " + String.join(" ", opts),
                () -> compare(p.getFileName().toString().replace(".gz", ""), TestVectors.bytes(p), opts, "dtb"))));
    }

    /** Reading what dtc wrote in each old version gives the same result as dtc reading it. */
    @TestFactory
    Stream<DynamicTest> oldVersionsReadLikeDtc() {
        Path dump = qemuDumps().get(0);
        return Stream.of("1", "2", "3", "16").map(v -> DynamicTest.dynamicTest("-V " + v, () -> {
            String dtc = ReferenceTool.DTC.require();
            Path raw = ReferenceTool.tempFile(work, "raw", ".dtb", TestVectors.bytes(dump));
            ReferenceTool.Result old = ReferenceTool.run(List.of(dtc, "-q", "-V", v, "-I", "dtb", "-O", "dtb", raw.toString()), null, 60);
            assertEquals(0, old.exitCode(), old.stderr());
            compareAll("v" + v + ".dtb", old.stdout());
        }));
    }

    private static void compareAll(String name, byte[] blob) {
        compare(name, blob, List.of(), "dtb");
        compare(name, blob, List.of(), "dts");
    }

    private static void compare(String name, byte[] blob, List<String> options, String outFormat) {
        String dtc = ReferenceTool.DTC.require();
        Path in = ReferenceTool.tempFile(work, "in", ".dtb", blob);
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-I", "dtb", "-O", outFormat, in.toString()));
        List<String> dtcCmd = new ArrayList<>();
        dtcCmd.add(dtc);
        dtcCmd.addAll(args);
        ReferenceTool.Result expected = ReferenceTool.run(dtcCmd, null, 120);
        List<String> ours = new ArrayList<>();
        ours.add("dtc");
        ours.addAll(args);
        ReferenceTool.Result actual = Hwdesc.run(ours);
        String what = name + " " + String.join(" ", args);
        int expectedCode = expected.exitCode() == 0 ? 0 : 2;
        assertEquals(expectedCode, actual.exitCode(), what + ": exit code (dtc " + expected.exitCode() + ")\ndtc: "
                + expected.stderr() + "\nhwdesc: " + actual.stderr());
        assertEquals(expected.stderr(), actual.stderr(), what + ": stderr");
        if (outFormat.equals("dts")) {
            assertEquals(expected.stdoutText(), actual.stdoutText(), what + ": DTS text");
        } else {
            assertArrayEquals(expected.stdout(), actual.stdout(), what + ": DTB bytes");
        }
        try {
            Files.delete(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
