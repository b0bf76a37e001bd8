package dev.hwdesc.vectors;

import dev.hwdesc.cli.Io;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the hwdesc command line in-process, with captured streams, like a reference tool. */
public final class Hwdesc {

    private Hwdesc() {
    }

    public static ReferenceTool.Result run(List<String> args) {
        return run(args, new byte[0]);
    }

    public static ReferenceTool.Result run(List<String> args, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), false);
        int code = dev.hwdesc.cli.Hwdesc.run(args, io);
        return new ReferenceTool.Result(code, out.toByteArray(), err.toString(StandardCharsets.ISO_8859_1));
    }
}
