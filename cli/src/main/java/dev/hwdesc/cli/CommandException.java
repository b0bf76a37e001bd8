package dev.hwdesc.cli;

/**
 * A failure a command reports as one line and exit code 2: bad usage, or input that cannot be used.
 * The message is complete as printed after {@code hwdesc: }.
 */
public final class CommandException extends Exception {

    private final boolean usage;

    private CommandException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** Bad usage: the command line itself is wrong. A hint to the command's help follows. */
    public static CommandException usage(String message) {
        return new CommandException("error: " + message, true, null);
    }

    /** Bad input in a file: {@code FILE: error: MESSAGE}. */
    public static CommandException input(String file, String message) {
        return new CommandException(file + ": error: " + message, false, null);
    }

    /** Bad input in a binary file at an offset: {@code FILE: offset 0xNN: error: MESSAGE}. */
    public static CommandException binary(String file, String describedProblem, Throwable cause) {
        return new CommandException(file + ": " + describedProblem, false, cause);
    }

    /**
     * Errors in a source file, each already formatted as {@code FILE:LINE:COL: error: MESSAGE} with
     * its source line and caret; each is printed after {@code hwdesc: }.
     */
    public static CommandException source(java.util.List<String> formatted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < formatted.size(); i++) {
            String f = formatted.get(i);
            sb.append(i == 0 ? "" : "hwdesc: ").append(f);
        }
        String text = sb.toString();
        return new CommandException(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text, false, null);
    }

    /** Any other failure, already phrased. */
    public static CommandException failure(String message, Throwable cause) {
        return new CommandException("error: " + message, false, cause);
    }

    public boolean isUsage() {
        return usage;
    }
}
