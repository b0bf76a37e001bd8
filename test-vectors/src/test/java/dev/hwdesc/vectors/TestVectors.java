package dev.hwdesc.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Where the reference data of test-vectors/data lives, and how to read it. */
public final class TestVectors {

    private TestVectors() {
    }

    /** test-vectors/data, found from the module directory Maven runs tests in (or the repository root). */
    public static Path data() {
        for (Path p : List.of(Path.of("data"), Path.of("test-vectors", "data"))) {
            if (Files.isDirectory(p.resolve("conformance"))) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("test-vectors/data not found from " + Path.of("").toAbsolutePath());
    }

    /** Files directly in {@code dir} whose names end with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a file, gunzipped when its name ends in .gz. */
    public static byte[] bytes(Path p) {
        try {
            if (p.getFileName().toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
