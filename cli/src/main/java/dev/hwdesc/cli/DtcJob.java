package dev.hwdesc.cli;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.dtb.BlobVersion;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.DtbWriteOptions;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import dev.hwdesc.fdt.dtc.DtcProcessor;
import dev.hwdesc.fdt.dts.DtsWriter;
import dev.hwdesc.dts.DtsCompiler;
import dev.hwdesc.dts.DtsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs one dtc invocation: pick the formats, read the input, run dtc's processing and checks, render
 * the output and write it (atomically, and only when everything before succeeded).
 */
final class DtcJob {

    private DtcJob() {
    }

    static int run(DtcOptions o, Io io) throws CommandException {
        if (o.annotate() > 0) {
            throw CommandException.usage("-T (annotate) is not supported yet");
        }
        String inFormat = o.inputFormat().orElseGet(() -> FormatGuess.inputFormat(o.input(), "dts"));
        String outFormat = o.outputFormat()
                .orElseGet(() -> FormatGuess.byName(o.output()).orElse(inFormat.equals("dts") ? "dtb" : "dts"));
        checkFormats(inFormat, outFormat);
        BlobVersion version = null;
        if (outFormat.equals("dtb")) {
            version = BlobVersion.of(o.outputVersion()).orElseThrow(() -> CommandException.usage(
                    "unknown device tree blob version " + o.outputVersion() + " (use 1, 2, 3, 16 or 17)"));
        }
        OutputFile.refuseOverwritingInput(o.output(), List.of(o.input()));
        if (o.dependencyFile().isPresent()) {
            OutputFile.refuseOverwritingInput(o.dependencyFile().get(), List.of(o.input()));
        }

        List<String> filesRead = new ArrayList<>();
        DtsCompiler.Result compiled = inFormat.equals("dts") ? compileDts(o, io) : null;
        DeviceTree tree = compiled != null ? compiled.tree() : readDtb(o.input(), io);
        if (compiled != null) {
            filesRead.addAll(compiled.filesRead());
        }
        o.bootCpu().ifPresent(tree::setBootCpuId); // before any rendering starts; dtc sets it right after reading
        String outputName = o.output().equals("-") ? "<stdout>" : o.output();
        BlobVersion blobVersion = version;
        Callable<Rendering> render = () -> render(tree, outFormat, blobVersion, o);
        DtcProcessor.Settings settings = new DtcProcessor.Settings(o.bootCpu(), o.force(), o.quiet(),
                o.phandleFormat(), o.checks(), o.autoAlias(), o.symbols(), o.sort(), outputName);
        // When processing cannot change what is written, render on a second core while it runs.
        FutureTask<Rendering> early = null;
        boolean mayChange = compiled != null
                ? DtcProcessor.mayChangeOutput(tree, settings, compiled.fixupsPossible())
                : DtcProcessor.mayChangeOutput(tree, settings);
        if (!mayChange) {
            early = new FutureTask<>(render);
            Thread t = new Thread(early, "hwdesc-render");
            t.setDaemon(true);
            t.start();
        }
        DtcProcessor.Outcome outcome = DtcProcessor.process(tree, settings, io::errBytes);
        if (outcome != DtcProcessor.Outcome.OK) {
            if (early != null) {
                early.cancel(true);
            }
            return ExitCode.BAD_INPUT;
        }
        Rendering rendered = early != null ? result(early) : call(render);
        rendered.warnings().forEach(w -> io.errBytes(w + "\n"));
        byte[] out = rendered.bytes();
        OutputFile.write(o.output(), out, io);
        if (o.dependencyFile().isPresent()) {
            StringBuilder deps = new StringBuilder(o.output()).append(':');
            filesRead.forEach(f -> deps.append(' ').append(f));
            OutputFile.write(o.dependencyFile().get(), deps.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1), io);
        }
        return ExitCode.OK;
    }

    /** Output bytes, and the warnings dtc prints while writing them (after the checks' messages). */
    private record Rendering(byte[] bytes, List<String> warnings) {
    }

    private static Rendering render(DeviceTree tree, String format, BlobVersion version, DtcOptions o) {
        List<String> warnings = new ArrayList<>();
        byte[] bytes = switch (format) {
            case "dtb" -> DtbEncoder.encode(tree,
                    new DtbWriteOptions(version, Math.max(0, o.reserveSlots()), Math.max(0, o.minSize()),
                            Math.max(0, o.padSize()), Math.max(0, o.alignSize())),
                    w -> {
                        if (o.quiet() < 1) {
                            warnings.add(w);
                        }
                    });
            case "dts" -> DtsWriter.writeBytes(tree);
            default -> new byte[0]; // "null": dtc writes nothing
        };
        return new Rendering(bytes, warnings);
    }

    private static Rendering result(FutureTask<Rendering> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Rendering call(Callable<Rendering> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkFormats(String in, String out) throws CommandException {
        switch (in) {
            case "dtb", "dts" -> { }
            case "fs" -> throw CommandException.usage("-I fs (a /proc/device-tree directory) is not supported yet");
            default -> throw CommandException.usage("unknown input format \"" + in + "\" (use dtb)");
        }
        switch (out) {
            case "dtb", "dts", "null" -> { }
            case "asm", "yaml" -> throw CommandException.usage("-O " + out + " is not supported yet; use dtb or dts");
            default -> throw CommandException.usage("unknown output format \"" + out + "\" (use dtb, dts or null)");
        }
    }

    private static DtsCompiler.Result compileDts(DtcOptions o, Io io) throws CommandException {
        try {
            return DtsCompiler.compile(o.input(), io.in(),
                    new DtsCompiler.Options(o.includeDirs(), DtsCompiler.Options.DEFAULT.errorLimit()));
        } catch (DtsException e) {
            throw CommandException.source(e.errors().stream().map(d -> d.format()).toList());
        }
    }

    private static DeviceTree readDtb(String input, Io io) throws CommandException {
        byte[] blob = InputFile.read(input, io);
        try {
            return DtbReader.read(blob, DtbReader.Limits.DEFAULT, w -> io.errBytes(w + "\n"));
        } catch (FdtFormatException e) {
            throw CommandException.binary(InputFile.displayName(input), e.describe(), e);
        }
    }
}
