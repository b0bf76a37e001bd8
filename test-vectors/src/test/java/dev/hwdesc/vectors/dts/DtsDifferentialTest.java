package dev.hwdesc.vectors.dts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DTS compiler against the real dtc 1.6.1, on the small focused sources of data/dts (include
 * fragments and /incbin/ data live in its subfolders, so only the files directly in it are cases).
 * Each case is compiled by dtc ({@code dtc FLAGS -I dts -O dtb -o OUT FILE}) and by hwdesc in-process
 * with the same arguments; the flags come from a first line {@code // flags: FLAGS -- what it covers}.
 * <ul>
 * <li>dtc exits 0: hwdesc exits 0, writes the same DTB bytes and the same stderr (dtc's warnings with
 * their positions; both use the same -o, so names in messages match), and prints the same text with
 * {@code -O dts} on stdout (and the same stderr there).
 * <li>dtc exits non-zero: hwdesc exits 2, and its first error names the same file and line as dtc's
 * first error, when dtc's has a position (a FATAL ERROR has none).
 * </ul>
 * Nothing is stored from dtc: the expected results come from the installed dtc when the test runs.
 */
class DtsDifferentialTest {

    static final Path DIR = TestVectors.data().resolve("dts");

    /**
     * Files whose {@code -O dts} output dtc 1.6.1 cannot print: it aborts on an assertion in
     * treesource.c. Only the -O dts comparison is skipped for them; the DTB is compared as for any
     * other file, and the test checks that dtc still aborts (so a fixed dtc brings the check back).
     */
    private static final Map<String, String> DTS_OUTPUT_ABORTS_DTC = Map.of(
            "010-incbin-mixed-chunks.dts",
            "a string followed by /incbin/ data trips treesource.c:56 write_propval_string: "
                    + "Assertion `*end == '\\0'' failed (and /incbin/ data before a typed chunk trips "
                    + "treesource.c:242 write_propval: Assertion `chunk_len == 0')");

    private static final String FLAGS_MARKER = "// flags:";
    private static final int TIMEOUT_SECONDS = 300;

    private static final AtomicInteger acceptedIdentical = new AtomicInteger();
    private static final AtomicInteger rejectedCorrectly = new AtomicInteger();
    private static final AtomicInteger failed = new AtomicInteger();

    @TempDir
    static Path work;

    @AfterAll
    static void summary() {
        System.out.printf("dts differential: %d files, %d accepted-identical, %d rejected-correctly, %d differ%n",
                cases().size(), acceptedIdentical.get(), rejectedCorrectly.get(), failed.get());
    }

    static List<Path> cases() {
        return TestVectors.files(DIR, ".dts");
    }

    @Test
    void theSuiteHasAtLeast45Files() {
        assertTrue(cases().size() >= 45, "expected at least 45 DTS cases in " + DIR + ", found " + cases().size());
    }

    @Test
    void everyCaseSaysWhatItCovers() throws IOException {
        for (Path p : cases()) {
            String first = Files.readString(p, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            assertTrue(first.startsWith("// covers") || (first.startsWith(FLAGS_MARKER) && first.contains(" -- covers")),
                    p.getFileName() + ": the first line must be \"// covers...\" or \"// flags: ... -- covers...\"");
        }
    }

    @TestFactory
    Stream<DynamicTest> againstDtc() {
        return cases().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            boolean ok = false;
            try {
                compare(p);
                ok = true;
            } finally {
                if (!ok) {
                    failed.incrementAndGet();
                }
            }
        }));
    }

    private static void compare(Path source) throws IOException {
        String dtc = ReferenceTool.DTC.require();
        String name = source.getFileName().toString();
        List<String> flags = flags(source);
        String in = source.toAbsolutePath().toString();
        Path out = work.resolve(name + ".dtb");

        ReferenceTool.Result ref = ReferenceTool.run(command(dtc, flags, "dtb", Optional.of(out), in), null, TIMEOUT_SECONDS);
        byte[] refBlob = Files.exists(out) ? Files.readAllBytes(out) : new byte[0];
        Files.deleteIfExists(out);
        ReferenceTool.Result ours = Hwdesc.run(command("dtc", flags, "dtb", Optional.of(out), in));
        byte[] ourBlob = Files.exists(out) ? Files.readAllBytes(out) : new byte[0];

        if (ref.exitCode() == 0) {
            assertEquals(0, ours.exitCode(), () -> name + ": dtc accepts it; hwdesc exits " + ours.exitCode() + ":\n"
                    + ours.stderr());
            List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
            checks.add(() -> assertTrue(Arrays.equals(refBlob, ourBlob), () -> name + ": DTB differs: "
                    + firstDifference(refBlob, ourBlob)));
            checks.add(() -> assertEquals(ref.stderr(), ours.stderr(), name + ": stderr of -O dtb"));
            if (DTS_OUTPUT_ABORTS_DTC.containsKey(name)) {
                // dtc 1.6.1 aborts printing this tree as DTS; see DTS_OUTPUT_ABORTS_DTC.
                checks.add(() -> {
                    ReferenceTool.Result dts = ReferenceTool.run(command(dtc, flags, "dts", Optional.empty(), in), null,
                            TIMEOUT_SECONDS);
                    assertNotEquals(0, dts.exitCode(), name + ": dtc no longer aborts on -O dts ("
                            + DTS_OUTPUT_ABORTS_DTC.get(name) + "); compare its -O dts output again");
                    assertTrue(dts.stderr().contains("Assertion"), name + ": " + dts.stderr());
                });
            } else {
                checks.add(() -> {
                    ReferenceTool.Result refDts = ReferenceTool.run(command(dtc, flags, "dts", Optional.empty(), in), null,
                            TIMEOUT_SECONDS);
                    ReferenceTool.Result ourDts = Hwdesc.run(command("dtc", flags, "dts", Optional.empty(), in));
                    assertEquals(0, refDts.exitCode(), () -> name + ": dtc -O dts: " + refDts.stderr());
                    assertEquals(0, ourDts.exitCode(), () -> name + ": hwdesc -O dts exits " + ourDts.exitCode() + ":\n"
                            + ourDts.stderr());
                    String expected = refDts.stdoutText();
                    String actual = ourDts.stdoutText();
                    assertTrue(expected.equals(actual), () -> name + ": -O dts output differs: "
                            + firstDifferentLine(expected, actual));
                    assertEquals(refDts.stderr(), ourDts.stderr(), name + ": stderr of -O dts");
                });
            }
            assertAll(name, checks);
            acceptedIdentical.incrementAndGet();
        } else {
            assertEquals(2, ours.exitCode(), () -> name + ": dtc rejects it (exit " + ref.exitCode() + "):\n"
                    + ref.stderr() + "hwdesc exits " + ours.exitCode() + ":\n" + ours.stderr());
            Optional<SourceLine> dtcFirst = dtcFirstError(ref.stderr());
            if (dtcFirst.isPresent()) {
                assertEquals(dtcFirst, hwdescFirstError(ours.stderr()), () -> name
                        + ": the first error must name the same source line as dtc's.\ndtc:\n" + ref.stderr()
                        + "hwdesc:\n" + ours.stderr());
            } else {
                assertTrue(ours.stderr().contains("error"), () -> name + ": hwdesc must say why: " + ours.stderr());
            }
            rejectedCorrectly.incrementAndGet();
        }
    }

    /** {@code TOOL FLAGS -I dts -O FORMAT [-o OUT] IN}. */
    private static List<String> command(String tool, List<String> flags, String format, Optional<Path> out, String in) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(flags);
        cmd.addAll(List.of("-I", "dts", "-O", format));
        out.ifPresent(o -> cmd.addAll(List.of("-o", o.toString())));
        cmd.add(in);
        return cmd;
    }

    /**
     * The extra dtc flags of a case: its first line {@code // flags: FLAGS -- what it covers}, none
     * otherwise. The directory after {@code -i} is relative to data/dts and is made absolute.
     */
    static List<String> flags(Path source) throws IOException {
        String first = Files.readString(source, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("").strip();
        if (!first.startsWith(FLAGS_MARKER)) {
            return List.of();
        }
        String rest = first.substring(FLAGS_MARKER.length());
        int end = rest.indexOf(" -- ");
        String[] words = (end < 0 ? rest : rest.substring(0, end)).strip().split("\\s+");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            out.add(words[i]);
            if (words[i].equals("-i") && i + 1 < words.length) {
                out.add(DIR.resolve(words[++i]).toString());
            }
        }
        return out;
    }

    /** A file name and line, as an error message names them. */
    record SourceLine(String file, int line) {
    }

    /** dtc: "Error: F:L.C-C msg", "Lexical error: F:L.C-C msg", "F:L.C-L.C: ERROR (check): ...". */
    private static final Pattern DTC_POSITIONED = Pattern.compile(
            "^(?:Error: |Lexical error: )?(.*?):(\\d+)\\.\\d+(?:-\\d+(?:\\.\\d+)?)?(?:: ERROR \\(| )");
    /** hwdesc: "hwdesc: F:L:C: error: msg", or dtc's own format for check errors. */
    private static final Pattern HWDESC_SOURCE = Pattern.compile("^hwdesc: (.*?):(\\d+):\\d+: error: ");

    /** The position of dtc's first error message, if it has one (a FATAL ERROR has none). */
    static Optional<SourceLine> dtcFirstError(String stderr) {
        for (String line : stderr.lines().toList()) {
            boolean error = line.startsWith("Error: ") || line.startsWith("Lexical error: ") || line.contains(": ERROR (")
                    || line.startsWith("FATAL ERROR") || line.startsWith("ERROR");
            if (!error) {
                continue;
            }
            Matcher m = DTC_POSITIONED.matcher(line);
            return m.find() ? Optional.of(new SourceLine(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The position of hwdesc's first error message. */
    static Optional<SourceLine> hwdescFirstError(String stderr) {
        for (String line : stderr.lines().toList()) {
            Matcher m = HWDESC_SOURCE.matcher(line);
            if (m.find()) {
                return Optional.of(new SourceLine(m.group(1), Integer.parseInt(m.group(2))));
            }
            if (line.contains(": ERROR (")) {
                Matcher c = DTC_POSITIONED.matcher(line);
                return c.find() ? Optional.of(new SourceLine(c.group(1), Integer.parseInt(c.group(2)))) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Where two blobs first differ, for the failure message. */
    static String firstDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int i = 0;
        while (i < n && expected[i] == actual[i]) {
            i++;
        }
        if (i == n && expected.length == actual.length) {
            return "identical";
        }
        return String.format("dtc wrote %d bytes, hwdesc %d; first difference at offset 0x%x: dtc %s, hwdesc %s",
                expected.length, actual.length, i, window(expected, i), window(actual, i));
    }

    /** The first line where two texts differ, with both versions of it. */
    static String firstDifferentLine(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        String theirs = i < a.size() ? a.get(i) : "(end of output)";
        String ours = i < b.size() ? b.get(i) : "(end of output)";
        if (i == a.size() && i == b.size()) {
            return "the same lines, different line ends";
        }
        return String.format("line %d: dtc %s, hwdesc %s (dtc %d lines, hwdesc %d)", i + 1, quote(theirs), quote(ours),
                a.size(), b.size());
    }

    private static String quote(String line) {
        return "\"" + line.replace("\t", "\\t") + "\"";
    }

    private static String window(byte[] b, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = at; i < Math.min(b.length, at + 16); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.length() == 0 ? "(end)" : sb.toString();
    }

    @Test
    void dtcErrorPositionsAreRead() {
        assertEquals(Optional.of(new SourceLine("a.dts", 5)), dtcFirstError("Error: a.dts:5.2-3 syntax error\n"));
        assertEquals(Optional.of(new SourceLine("a.dts", 7)), dtcFirstError("Error: a.dts:7.3-8.1 syntax error\n"));
        assertEquals(Optional.of(new SourceLine("/x/a.dts", 5)),
                dtcFirstError("Lexical error: /x/a.dts:5.9-11 Bad integer literal '08'\n"));
        assertEquals(Optional.of(new SourceLine("a.dts", 6)), dtcFirstError(
                "a.dts:4.2-9: Warning (x): /: w\na.dts:6.12-16: ERROR (duplicate_label): /two/three: Duplicate label\n"));
        assertEquals(Optional.empty(), dtcFirstError("FATAL ERROR: Couldn't open \"x\": No such file or directory\n"));
        assertEquals(Optional.of(new SourceLine("a.dts", 5)),
                hwdescFirstError("hwdesc: a.dts:5:2: error: syntax error\n b = <2>;\n ^\n"));
    }
}
