package dev.hwdesc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes an output file without ever leaving a half-written one: the bytes go to a temporary file in
 * the same directory, which is renamed over the target only when complete. A failed run leaves the
 * old file as it was. Writing over one of the command's own inputs is refused. "-" is standard output.
 */
final class OutputFile {

    private OutputFile() {
    }

    /** Fails if {@code outArg} names one of {@code inputArgs} (checked before any work is done). */
    static void refuseOverwritingInput(String outArg, List<String> inputArgs) throws CommandException {
        if (outArg.equals("-")) {
            return;
        }
        Path out = Path.of(outArg);
        for (String in : inputArgs) {
            if (in.equals("-")) {
                continue;
            }
            Path inPath = Path.of(in);
            boolean same;
            try {
                same = Files.exists(out) && Files.exists(inPath) ? Files.isSameFile(out, inPath)
                        : out.toAbsolutePath().normalize().equals(inPath.toAbsolutePath().normalize());
            } catch (IOException e) {
                same = false;
            }
            if (same) {
                throw CommandException.usage("refusing to write the output over the input file " + in);
            }
        }
    }

    static void write(String outArg, byte[] data, Io io) throws CommandException {
        if (outArg.equals("-")) {
            io.out().write(data, 0, data.length);
            io.out().flush();
            return;
        }
        Path target = Path.of(outArg).toAbsolutePath();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw CommandException.input(outArg, "is a directory");
            }
            if (Files.exists(target)) {
                // Write through a symbolic link to the file it names.
                target = target.toRealPath();
                if (!Files.isRegularFile(target)) {
                    // A device or pipe such as /dev/null or /dev/stdout cannot be replaced: write to it.
                    Files.write(target, data);
                    return;
                }
            }
            tmp = createSibling(target);
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                os.write(data);
            }
            if (Files.exists(target)) {
                // Replacing a file keeps its permissions, as writing into it would.
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException notPosix) {
                    // no POSIX permissions on this file system: nothing to keep
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw CommandException.input(outArg, "cannot write: " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is ours; nothing else to do if it cannot go
                }
            }
        }
    }

    /**
     * A new empty file beside {@code target}. Unlike Files.createTempFile (mode 0600), it is created
     * as open(2) creates files, 0666 less the umask, so the output ends up with the usual mode.
     */
    private static Path createSibling(Path target) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 0;; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Long.toHexString(System.nanoTime() ^ attempt) + ".tmp");
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
