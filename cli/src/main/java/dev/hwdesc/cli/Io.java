package dev.hwdesc.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command reads and writes, so tests can run commands in-process. */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean debug) {

    public static Io system() {
        return new Io(System.in, System.out, System.err, false);
    }

    /**
     * Writes text to stderr byte for char (Latin-1), the way dtc writes its diagnostics: names and
     * strings in a tree are bytes, and must come out as the same bytes.
     */
    public void errBytes(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        err.write(b, 0, b.length);
    }

    public Io withDebug(boolean on) {
        return new Io(in, out, err, on);
    }
}
