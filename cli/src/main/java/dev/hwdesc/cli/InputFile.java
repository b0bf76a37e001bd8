package dev.hwdesc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole input file, or standard input for "-", with a size bound checked before reading. */
final class InputFile {

    /** Java arrays hold at most about 2 GiB; a blob or source larger than this is refused. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

    private InputFile() {
    }

    /** The name to show in messages for an input argument. */
    static String displayName(String arg) {
        return arg.equals("-") ? "<stdin>" : arg;
    }

    static byte[] read(String arg, Io io) throws CommandException {
        String shown = displayName(arg);
        try {
            if (arg.equals("-")) {
                return readBounded(io.in(), shown);
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                throw CommandException.input(shown, "is a directory");
            }
            long size = Files.size(p);
            if (size > MAX_BYTES) {
                throw CommandException.input(shown, "file of " + size + " bytes is larger than the 2 GiB hwdesc reads");
            }
            try (InputStream in = Files.newInputStream(p)) {
                return readBounded(in, shown);
            }
        } catch (NoSuchFileException e) {
            throw CommandException.input(shown, "no such file");
        } catch (AccessDeniedException e) {
            throw CommandException.input(shown, "permission denied");
        } catch (IOException e) {
            throw CommandException.input(shown, "cannot read: " + e.getMessage());
        }
    }

    private static byte[] readBounded(InputStream in, String shown) throws IOException, CommandException {
        byte[] data = in.readNBytes((int) MAX_BYTES);
        if (in.read() >= 0) {
            throw CommandException.input(shown, "input is larger than the 2 GiB hwdesc reads");
        }
        return data;
    }
}
