package dev.hwdesc.cli;

import java.util.List;

/** {@code hwdesc dtc}: a drop-in for the dtc 1.6.1 command line. */
final class DtcCommand implements Command {

    @Override
    public String name() {
        return "dtc";
    }

    @Override
    public String summary() {
        return "the dtc 1.6.1 command line: same options, same bytes out";
    }

    @Override
    public String help() {
        return """
                Usage: hwdesc dtc [options] <input file>

                The dtc 1.6.1 command line: the same options with the same meaning, the same bytes
                out, dtc's checks with its messages. Input "-" (the default) is standard input.

                  -I, --in-format FMT       input format: dts or dtb (fs is not supported yet);
                                            guessed from the file when not given
                  -O, --out-format FMT      output format: dtb, dts or null (asm and yaml are not
                                            supported yet); guessed from the -o name, else dts
                  -o, --out FILE            output file (default "-", standard output); written
                                            only when complete, never over the input
                  -V, --out-version N       blob version to write: 1, 2, 3, 16 or 17 (default 17)
                  -d, --out-dependency FILE write a make dependency file
                  -R, --reserve N           add N empty memory reservation entries
                  -S, --space BYTES         make the blob at least BYTES long
                  -p, --pad BYTES           add BYTES of padding after the blob
                  -a, --align BYTES         round the blob size up to a multiple of BYTES (a power of 2)
                  -b, --boot-cpu N          set the physical boot CPU id in the header
                  -f, --force               write output even if the input tree has errors
                  -i, --include DIR         add a directory to search for include files
                  -s, --sort                sort reservations, properties and nodes
                  -H, --phandle FMT         phandle properties to write: legacy, epapr (default) or both
                  -W, --warning [no-]CHECK  enable or disable a check as a warning
                  -E, --error [no-]CHECK    enable or disable a check as an error
                  -@, --symbols             generate /__symbols__ from labels
                  -A, --auto-alias          generate /aliases from labels
                  -T, --annotate            annotate DTS output with source positions (not supported yet)
                  -q, --quiet               -q hides warnings, -qq errors too, -qqq everything
                  -h, --help                print this help
                  -v, --version             print the dtc version this reproduces

                Exit status: 0 on success; 2 when the input is bad, a check at error level fails
                (without -f), or the command line is wrong.
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws CommandException {
        DtcOptions o = DtcOptions.parse(args);
        if (o.help()) {
            io.out().print(help());
            return ExitCode.OK;
        }
        if (o.version()) {
            io.out().println("Version: DTC " + Version.DTC_COMPATIBLE + " (hwdesc " + Version.hwdesc() + ")");
            return ExitCode.OK;
        }
        return DtcJob.run(o, io);
    }
}
