package dev.hwdesc.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** A command's arguments read with commons-cli: an unknown option or a missing value is a usage error. */
final class Arguments {

    private Arguments() {
    }

    /** Parses {@code args} against {@code defs}, to which -h/--help is added. */
    static CommandLine parse(Options defs, List<String> args) throws CommandException {
        defs.addOption(Option.builder("h").longOpt("help").build());
        try {
            return DefaultParser.builder().build().parse(defs, args.toArray(String[]::new));
        } catch (ParseException e) {
            throw CommandException.usage(e.getMessage());
        }
    }
}
