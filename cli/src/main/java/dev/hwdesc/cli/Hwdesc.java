package dev.hwdesc.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hwdesc} command line. {@link #run} takes the arguments and returns the exit code, so
 * tests run it in-process; {@link Main} only passes that code to {@code System.exit}. Every failure
 * is one line on stderr ({@code hwdesc: ...}); a stack trace only with {@code --debug}.
 */
public final class Hwdesc {

    /** Deep trees recurse deeply in places; give the work a stack that matches the reader's depth limit. */
    private static final long STACK_BYTES = 512L << 20;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new GenerateCommand(), new AcpiCommand(), new DtcCommand(), new CompileCommand(), new DecompileCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Hwdesc() {
    }

    /** Runs {@code hwdesc ARGS} with the process's standard streams. */
    public static int run(String... args) {
        return run(Arrays.asList(args), Io.system());
    }

    /** Runs {@code hwdesc ARGS} with the given streams; returns the exit code. */
    public static int run(List<String> args, Io io) {
        int[] code = {ExitCode.BAD_INPUT};
        Thread worker = new Thread(null, () -> code[0] = runHere(args, io), "hwdesc", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.err().println("hwdesc: interrupted");
            return ExitCode.BAD_INPUT;
        }
        io.out().flush();
        io.err().flush();
        return code[0];
    }

    private static int runHere(List<String> rawArgs, Io io) {
        List<String> args = new ArrayList<>(rawArgs);
        boolean debug = false;
        while (!args.isEmpty() && args.get(0).equals("--debug")) {
            debug = true;
            args.remove(0);
        }
        Io cio = io.withDebug(debug);
        try {
            return dispatch(args, cio);
        } catch (CommandException e) {
            cio.err().println("hwdesc: " + e.getMessage());
            if (e.isUsage()) {
                cio.err().println("Try 'hwdesc help" + commandOf(args).map(c -> " " + c).orElse("") + "'.");
            }
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(cio.err());
            }
            return ExitCode.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            cio.err().println("hwdesc: error: out of memory (raise the heap with JAVA_OPTS=-Xmx...)");
            return ExitCode.BAD_INPUT;
        } catch (StackOverflowError e) {
            cio.err().println("hwdesc: error: input nests too deeply");
            return ExitCode.BAD_INPUT;
        } catch (RuntimeException e) {
            cio.err().println("hwdesc: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(cio.err());
            }
            return ExitCode.BAD_INPUT;
        }
    }

    private static Optional<String> commandOf(List<String> args) {
        return args.isEmpty() || !COMMANDS.containsKey(args.get(0)) ? Optional.empty() : Optional.of(args.get(0));
    }

    private static int dispatch(List<String> args, Io io) throws CommandException {
        if (args.isEmpty()) {
            io.err().print(overview());
            return ExitCode.BAD_INPUT;
        }
        String first = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (first) {
            case "--help", "-h" -> {
                io.out().print(overview());
                return ExitCode.OK;
            }
            case "--version", "-V" -> {
                io.out().println("hwdesc " + Version.hwdesc() + " (dtc " + Version.DTC_COMPATIBLE + " compatible)");
                return ExitCode.OK;
            }
            case "help" -> {
                return help(rest, io);
            }
            default -> {
                Command c = COMMANDS.get(first);
                if (c == null) {
                    throw CommandException.usage("unknown command '" + first + "'");
                }
                if (!first.equals("dtc") && rest.contains("--help")) {
                    io.out().print(c.help());
                    return ExitCode.OK;
                }
                return c.run(rest, io);
            }
        }
    }

    private static int help(List<String> rest, Io io) throws CommandException {
        if (rest.isEmpty()) {
            io.out().print(overview());
            return ExitCode.OK;
        }
        Command c = COMMANDS.get(rest.get(0));
        if (c == null) {
            throw CommandException.usage("no help for unknown command '" + rest.get(0) + "'");
        }
        io.out().print(c.help());
        return ExitCode.OK;
    }

    static String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: hwdesc [--debug] COMMAND [ARGS]\n\n");
        sb.append("hwdesc describes ARM virtual machines: device trees (DTS, DTB) and ACPI tables.\n\n");
        sb.append("Commands:\n");
        for (Command c : COMMANDS.values()) {
            sb.append(String.format("  %-11s %s%n", c.name(), c.summary()));
        }
        sb.append(String.format("  %-11s %s%n", "help CMD", "show a command's help"));
        sb.append("\nOptions:\n");
        sb.append("  --help       show this overview\n");
        sb.append("  --version    show hwdesc's version\n");
        sb.append("  --debug      show a stack trace with an internal error\n");
        sb.append("\nExit status: 0 ok; 1 the command worked and found problems; 2 bad usage or bad input.\n");
        return sb.toString();
    }
}
