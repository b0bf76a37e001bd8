package dev.hwdesc.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code hwdesc decompile IN.dtb [-o OUT.dts]}: the friendly spelling of {@code dtc -I dtb -O dts}. */
final class DecompileCommand implements Command {

    @Override
    public String name() {
        return "decompile";
    }

    @Override
    public String summary() {
        return "print a DTB as DTS source (dtc -I dtb -O dts)";
    }

    @Override
    public String help() {
        return """
                Usage: hwdesc decompile IN.dtb [-o OUT.dts] [-s] [-f] [-q]

                Prints a device tree blob as DTS source, exactly as dtc 1.6.1 -I dtb -O dts does,
                after dtc's checks. Without -o the source goes to standard output.

                  -o, --out FILE   write the source to FILE (only when complete; never over IN)
                  -s, --sort       sort reservations, properties and nodes
                  -f, --force      print even if dtc's checks find errors
                  -q, --quiet      hide warnings (-qq: errors too)
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws CommandException {
        Options defs = new Options();
        defs.addOption(Option.builder("o").longOpt("out").hasArg().build());
        defs.addOption(Option.builder("s").longOpt("sort").build());
        defs.addOption(Option.builder("f").longOpt("force").build());
        defs.addOption(Option.builder("q").longOpt("quiet").build());
        CommandLine cl = Arguments.parse(defs, args);
        if (cl.hasOption("h")) {
            io.out().print(help());
            return ExitCode.OK;
        }
        if (cl.getArgList().size() != 1) {
            throw CommandException.usage("decompile takes one input file, the DTB");
        }
        List<String> dtc = new ArrayList<>(List.of("-I", "dtb", "-O", "dts", "-o", cl.getOptionValue("o", "-")));
        if (cl.hasOption("s")) {
            dtc.add("-s");
        }
        if (cl.hasOption("f")) {
            dtc.add("-f");
        }
        for (Option opt : cl.getOptions()) {
            if (opt.getOpt().equals("q")) {
                dtc.add("-q");
            }
        }
        dtc.add("--");
        dtc.add(cl.getArgList().get(0));
        return DtcJob.run(DtcOptions.parse(dtc), io);
    }
}
