package dev.hwdesc.vectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A reference tool the differential tests compare against: dtc, fdtdump, iasl, qemu-system-aarch64.
 * {@link #require()} checks the tool's version, since goldens from another version differ. A missing
 * tool fails the test under CI (CI=true or -Dhwdesc.ci=true) and skips it elsewhere; a wrong version
 * always fails.
 */
public enum ReferenceTool {
    DTC("dtc", List.of("dtc", "--version"), "Version: DTC 1.6.1"),
    FDTDUMP("fdtdump", List.of("fdtdump", "-V"), "Version: DTC 1.6.1"),
    IASL("iasl", List.of("iasl", "-v"), "version 20200925"),
    QEMU("qemu-system-aarch64", List.of("qemu-system-aarch64", "--version"), "QEMU emulator version 7.2");

    private final String command;
    private final List<String> versionCommand;
    private final String expectedVersion;
    private volatile Boolean checked;

    ReferenceTool(String command, List<String> versionCommand, String expectedVersion) {
        this.command = command;
        this.versionCommand = versionCommand;
        this.expectedVersion = expectedVersion;
    }

    /** True when running under CI, where a missing reference tool is a failure. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("hwdesc.ci");
    }

    /** The command name, once the tool is known to be present at the right version. */
    public String require() {
        Boolean ok = checked;
        if (ok == null) {
            ok = probe();
            checked = ok;
        }
        if (!ok) {
            String why = command + " is not installed (Debian: apt-get install device-tree-compiler acpica-tools qemu-system-arm)";
            if (underCi()) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return command;
    }

    private boolean probe() {
        Result r;
        try {
            r = run(versionCommand, null, 30);
        } catch (UncheckedIOException e) {
            return false;
        }
        String text = r.stdoutText() + r.stderr();
        assertTrue(text.contains(expectedVersion),
                command + " must be " + expectedVersion + " (goldens from another version differ), but says: " + text.strip());
        return true;
    }

    /** The outcome of running a command. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.ISO_8859_1);
        }
    }

    /** Runs a command with optional stdin, in the current directory, killing it after {@code timeoutSeconds}. */
    public static Result run(List<String> cmd, byte[] stdin, int timeoutSeconds) {
        return run(cmd, stdin, timeoutSeconds, null);
    }

    /** Runs a command in {@code dir} (or the current directory when null). */
    public static Result run(List<String> cmd, byte[] stdin, int timeoutSeconds, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code blob} packed as dtc packs a blob it reads ({@code dtc -I dtb -O dtb}): how two DTBs of
     * different padding (QEMU writes its whole 1 MiB buffer) are compared.
     */
    public static byte[] dtcRepack(Path tmpDir, byte[] blob) {
        Path in = tempFile(tmpDir, "in", ".dtb", blob);
        Result r = run(List.of(DTC.require(), "-q", "-I", "dtb", "-O", "dtb", in.toString()), null, 60);
        assertTrue(r.exitCode() == 0, "dtc -I dtb -O dtb: " + r.stderr());
        return r.stdout();
    }

    /** Writes bytes to a new temporary file with the given suffix. */
    public static Path tempFile(Path dir, String prefix, String suffix, byte[] content) {
        try {
            Path f = Files.createTempFile(dir, prefix, suffix);
            Files.write(f, content);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
