package dev.hwdesc.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code hwdesc compile IN.dts [-o OUT.dtb]}: the friendly spelling of {@code dtc -I dts -O dtb}. */
final class CompileCommand implements Command {

    @Override
    public String name() {
        return "compile";
    }

    @Override
    public String summary() {
        return "compile DTS source to a DTB (dtc -I dts -O dtb)";
    }

    @Override
    public String help() {
        return """
                Usage: hwdesc compile IN.dts [-o OUT.dtb] [-i DIR]... [-@] [-s] [-f] [-q]

                Compiles device tree source to a blob exactly as dtc 1.6.1 -I dts -O dtb does: the
                same bytes, dtc's checks and warnings. Errors name FILE:LINE:COL and show the line.
                Without -o the blob is written next to the input, with the extension .dtb.

                  -o, --out FILE      write the blob to FILE ("-" for standard output)
                  -i, --include DIR   also look for /include/ and /incbin/ files in DIR
                  -@, --symbols       generate /__symbols__ from labels
                  -s, --sort          sort reservations, properties and nodes
                  -f, --force         write output even if dtc's checks find errors
                  -q, --quiet         hide warnings (-qq: errors too)
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws CommandException {
        Options defs = new Options();
        defs.addOption(Option.builder("o").longOpt("out").hasArg().build());
        defs.addOption(Option.builder("i").longOpt("include").hasArg().build());
        defs.addOption(Option.builder("@").longOpt("symbols").build());
        defs.addOption(Option.builder("s").longOpt("sort").build());
        defs.addOption(Option.builder("f").longOpt("force").build());
        defs.addOption(Option.builder("q").longOpt("quiet").build());
        CommandLine cl = Arguments.parse(defs, args);
        if (cl.hasOption("h")) {
            io.out().print(help());
            return ExitCode.OK;
        }
        if (cl.getArgList().size() != 1) {
            throw CommandException.usage("compile takes one input file, the DTS source");
        }
        String input = cl.getArgList().get(0);
        String output = cl.getOptionValue("o", defaultOutput(input));
        List<String> dtc = new ArrayList<>(List.of("-I", "dts", "-O", "dtb", "-o", output));
        for (Option opt : cl.getOptions()) {
            switch (opt.getOpt()) {
                case "i" -> {
                    dtc.add("-i");
                    dtc.add(opt.getValue());
                }
                case "@", "s", "f", "q" -> dtc.add("-" + opt.getOpt());
                default -> {
                    // -o is set above
                }
            }
        }
        dtc.add("--");
        dtc.add(input);
        return DtcJob.run(DtcOptions.parse(dtc), io);
    }

    /** IN.dts gives IN.dtb beside it; standard input gives standard output. */
    static String defaultOutput(String input) {
        if (input.equals("-")) {
            return "-";
        }
        int slash = input.lastIndexOf('/');
        int dot = input.lastIndexOf('.');
        String stem = dot > slash ? input.substring(0, dot) : input;
        return stem + ".dtb";
    }
}
