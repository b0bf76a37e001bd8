package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One boot of the arm64 kernel in {@code qemu-system-aarch64} (TCG) with a given DTB and initramfs,
 * console on stdio. It never hangs and never holds unbounded output: QEMU is killed when it outlives
 * the timeout or prints more than {@link #MAX_OUTPUT} bytes.
 */
final class QemuBoot {

    /** Kernel arguments; QEMU copies them into /chosen/bootargs. */
    static final String APPEND = "console=ttyAMA0 panic=-1";
    /** A boot prints about 30 KB of log and 50 KB of base64; 4 MiB means something is wrong. */
    static final int MAX_OUTPUT = 4 << 20;

    /** How a boot ended: the console, QEMU's exit code (-1 if killed), and why it was killed, if it was. */
    record Outcome(List<String> command, Console console, int exitCode, String killedBecause, Duration wall) {
        boolean killed() {
            return !killedBecause.isEmpty();
        }

        /** Fails, with the command and the console's end, unless QEMU exited 0 by itself. */
        void assertExitedCleanly(String name) {
            if (killed() || exitCode != 0) {
                fail(name + " (" + String.join(" ", command) + "): QEMU "
                        + (killed() ? "was killed: " + killedBecause : "exited " + exitCode)
                        + "; the console ends:\n" + console.tail(40));
            }
            System.out.printf("%s: QEMU exited 0 after %.1f s%n", name, wall.toMillis() / 1000.0);
        }
    }

    /**
     * What a boot submitted to an executor gave, once it finished: each boot is bounded by its own
     * timeout, so {@code bound} only guards against a harness bug.
     */
    static <T> T finished(Future<T> boot, String name, Duration bound) throws Exception {
        try {
            return boot.get(bound.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": the boot did not finish", e);
        }
    }

    private QemuBoot() {
    }

    static List<String> command(String qemu, BootConfig config, Path kernel, Path initrd, Path dtb) {
        return List.of(qemu, "-machine", config.machine(), "-accel", "tcg", "-cpu", BootConfig.CPU,
                "-smp", Integer.toString(config.cpus()), "-m", BootConfig.MEMORY,
                "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", APPEND,
                "-dtb", dtb.toString());
    }

    static Outcome run(List<String> command, Duration timeout) {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A thread of its own, not a shared pool: two boots at once must both be drained all the time.
        FutureTask<byte[]> output = new FutureTask<>(() -> readBounded(p));
        Thread reader = new Thread(output, "qemu-console");
        reader.setDaemon(true);
        reader.start();
        String killed = "";
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killed = "still running after " + timeout.toSeconds() + " s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killed = "interrupted";
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        byte[] out = consoleOf(output);
        if (out.length > MAX_OUTPUT) {
            killed = "more than " + MAX_OUTPUT + " bytes of output";
        }
        int code;
        try {
            code = killed.isEmpty() ? p.waitFor() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        return new Outcome(command, new Console(out), code, killed, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static byte[] consoleOf(FutureTask<byte[]> output) {
        try {
            return output.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reads until EOF, keeping at most MAX_OUTPUT + 1 bytes; kills the process once there are more. */
    private static byte[] readBounded(Process p) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                kept.write(buf, 0, Math.min(n, MAX_OUTPUT + 1 - kept.size()));
                if (kept.size() > MAX_OUTPUT) {
                    p.destroyForcibly();
                    break;
                }
            }
        } catch (IOException e) {
            // The process was killed under us: what was read so far is the output.
        }
        return kept.toByteArray();
    }
}
