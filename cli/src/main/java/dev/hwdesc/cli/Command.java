package dev.hwdesc.cli;

import java.util.List;

/** One {@code hwdesc} sub-command. */
interface Command {

    /** The name typed after {@code hwdesc}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full help text, printed by {@code hwdesc help NAME} and {@code NAME --help}. */
    String help();

    /** Runs the command; returns the exit code, or throws for a one-line failure (exit 2). */
    int run(List<String> args, Io io) throws CommandException;
}
