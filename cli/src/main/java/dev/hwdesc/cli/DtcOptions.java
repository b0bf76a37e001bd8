package dev.hwdesc.cli;

import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.check.CheckSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * dtc 1.6.1's command line, parsed: every option of {@code dtc --help} with the same letters, long
 * forms and meaning. Numbers are read as dtc reads them (C's strtol, base 0).
 */
record DtcOptions(
        String input,
        Optional<String> inputFormat,
        String output,
        Optional<String> outputFormat,
        int outputVersion,
        Optional<String> dependencyFile,
        int reserveSlots,
        int minSize,
        int padSize,
        int alignSize,
        OptionalLong bootCpu,
        boolean force,
        List<String> includeDirs,
        boolean sort,
        PhandleFormat phandleFormat,
        CheckSelection checks,
        boolean symbols,
        boolean autoAlias,
        int annotate,
        int quiet,
        boolean help,
        boolean version) {

    static Options definitions() {
        Options o = new Options();
        o.addOption(flag("q", "quiet", "Quiet: -q suppress warnings, -qq errors, -qqq all"));
        o.addOption(arg("I", "in-format", "Input format: dts, dtb or fs"));
        o.addOption(arg("o", "out", "Output file"));
        o.addOption(arg("O", "out-format", "Output format: dts, dtb, yaml or asm"));
        o.addOption(arg("V", "out-version", "Blob version to produce, defaults to 17 (for dtb and asm output)"));
        o.addOption(arg("d", "out-dependency", "Output dependency file"));
        o.addOption(arg("R", "reserve", "Make space for <number> reserve map entries (for dtb and asm output)"));
        o.addOption(arg("S", "space", "Make the blob at least <bytes> long (extra space)"));
        o.addOption(arg("p", "pad", "Add padding to the blob of <bytes> long (extra space)"));
        o.addOption(arg("a", "align", "Make the blob align to the <bytes> (extra space)"));
        o.addOption(arg("b", "boot-cpu", "Set the physical boot cpu"));
        o.addOption(flag("f", "force", "Try to produce output even if the input tree has errors"));
        o.addOption(arg("i", "include", "Add a path to search for include files"));
        o.addOption(flag("s", "sort", "Sort nodes and properties before outputting (useful for comparing trees)"));
        o.addOption(arg("H", "phandle", "Phandle format: legacy, epapr or both"));
        o.addOption(arg("W", "warning", "Enable/disable warnings (prefix with \"no-\")"));
        o.addOption(arg("E", "error", "Enable/disable errors (prefix with \"no-\")"));
        o.addOption(flag("@", "symbols", "Enable generation of symbols"));
        o.addOption(flag("A", "auto-alias", "Enable auto-alias of labels"));
        o.addOption(flag("T", "annotate", "Annotate output .dts with input source file and line"));
        o.addOption(flag("h", "help", "Print this help and exit"));
        o.addOption(flag("v", "version", "Print version and exit"));
        return o;
    }

    private static Option flag(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).desc(description).build();
    }

    private static Option arg(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName("arg").desc(description).build();
    }

    /** Parses a dtc command line; options may follow the input file, as with getopt. */
    static DtcOptions parse(List<String> args) throws CommandException {
        CommandLine cl;
        try {
            cl = DefaultParser.builder().setAllowPartialMatching(true).build()
                    .parse(definitions(), args.toArray(String[]::new));
        } catch (ParseException e) {
            throw CommandException.usage(e.getMessage());
        }
        List<String> rest = cl.getArgList();
        if (rest.size() > 1) {
            throw CommandException.usage("more than one input file: " + String.join(" ", rest));
        }
        String input = rest.isEmpty() ? "-" : rest.get(0);

        int quiet = 0;
        int annotate = 0;
        CheckSelection checks = CheckSelection.defaults();
        List<String> includes = new ArrayList<>();
        for (Option opt : cl.getOptions()) {
            switch (opt.getOpt()) {
                case "q" -> quiet++;
                case "T" -> annotate++;
                case "i" -> includes.add(opt.getValue());
                case "W", "E" -> {
                    try {
                        checks.apply(opt.getOpt().equals("W"), opt.getOpt().equals("E"), opt.getValue());
                    } catch (IllegalArgumentException e) {
                        throw CommandException.usage(e.getMessage());
                    }
                }
                default -> {
                    // single-valued options are read below
                }
            }
        }

        int minSize = intOption(cl, "S", 0);
        int padSize = intOption(cl, "p", 0);
        if (minSize != 0 && padSize != 0) {
            throw CommandException.usage("can't set both -p and -S");
        }
        int alignSize = intOption(cl, "a", 0);
        if (cl.hasOption("a") && (alignSize <= 0 || Integer.bitCount(alignSize) != 1)) {
            throw CommandException.usage("invalid argument \"" + alignSize + "\" to -a option: not a power of two");
        }
        PhandleFormat phandles = PhandleFormat.EPAPR;
        if (cl.hasOption("H")) {
            phandles = switch (cl.getOptionValue("H")) {
                case "legacy" -> PhandleFormat.LEGACY;
                case "epapr" -> PhandleFormat.EPAPR;
                case "both" -> PhandleFormat.BOTH;
                default -> throw CommandException.usage("invalid argument \"" + cl.getOptionValue("H")
                        + "\" to -H option: use legacy, epapr or both");
            };
        }
        OptionalLong bootCpu = OptionalLong.empty();
        if (cl.hasOption("b")) {
            long b = CNumbers.strtol(cl.getOptionValue("b"));
            if (b != -1) {
                bootCpu = OptionalLong.of(b & 0xffffffffL);
            }
        }
        return new DtcOptions(
                input,
                Optional.ofNullable(cl.getOptionValue("I")),
                cl.getOptionValue("o", "-"),
                Optional.ofNullable(cl.getOptionValue("O")),
                intOption(cl, "V", 17),
                Optional.ofNullable(cl.getOptionValue("d")),
                intOption(cl, "R", 0),
                minSize,
                padSize,
                alignSize,
                bootCpu,
                cl.hasOption("f"),
                List.copyOf(includes),
                cl.hasOption("s"),
                phandles,
                checks,
                cl.hasOption("@"),
                cl.hasOption("A"),
                annotate,
                quiet,
                cl.hasOption("h"),
                cl.hasOption("v"));
    }

    private static int intOption(CommandLine cl, String name, int absent) {
        return cl.hasOption(name) ? CNumbers.strtolInt(cl.getOptionValue(name)) : absent;
    }
}
