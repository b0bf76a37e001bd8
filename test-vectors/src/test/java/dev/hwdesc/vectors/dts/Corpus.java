package dev.hwdesc.vectors.dts;

import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dtc conformance corpus: EXPECT.tsv and VARIANTS.tsv rows. */
final class Corpus {

    static final Path DIR = TestVectors.data().resolve("conformance").resolve("corpus");

    /** A row of EXPECT.tsv. */
    record Input(String file, String role, int dtcExit, String result, String golden, String goldenDts,
            String firstDiagnostic) {

        boolean accepted() {
            return dtcExit == 0;
        }

        boolean dtcCrashesOrHangs() {
            return result.equals("crash") || result.equals("hang");
        }

        /** The line dtc's first message names, when it names one. */
        Optional<Integer> firstDiagnosticLine() {
            return lineOf(firstDiagnostic);
        }
    }

    /** A row of VARIANTS.tsv. */
    record Variant(String id, String file, List<String> flags, int dtcExit, String result, String golden,
            String firstDiagnostic) {
    }

    private static final Pattern POSITION = Pattern.compile("\\.dtsi?:(\\d+)\\.\\d+");

    static Optional<Integer> lineOf(String message) {
        Matcher m = POSITION.matcher(message);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private Corpus() {
    }

    static List<Input> inputs() {
        List<Input> out = new ArrayList<>();
        for (String[] c : rows("EXPECT.tsv")) {
            out.add(new Input(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4], c[5], c.length > 9 ? c[9] : "-"));
        }
        return out;
    }

    static List<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        for (String[] c : rows("VARIANTS.tsv")) {
            List<String> flags = c[2].equals("-") ? List.of() : splitFlags(c[2]);
            out.add(new Variant(c[0], c[1], flags, Integer.parseInt(c[4]), c[5], c[6], c.length > 7 ? c[7] : "-"));
        }
        return out;
    }

    /** "-p 1000 -a 8" as arguments; "-i DIR" made absolute (tests do not run in the corpus directory). */
    static List<String> splitFlags(String flags) {
        List<String> out = new ArrayList<>();
        String[] parts = flags.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            out.add(parts[i]);
            if (parts[i].equals("-i") && i + 1 < parts.length) {
                out.add(DIR.resolve(parts[++i]).toString());
            }
        }
        return out;
    }

    private static List<String[]> rows(String name) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve(name))) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
