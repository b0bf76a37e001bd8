package dev.hwdesc.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw CommandException.input(outArg, "is a directory");
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.write(tmp, data);
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
