package dev.hwdesc.cli;

/** The exit codes every hwdesc command uses. */
public final class ExitCode {

    private ExitCode() {
    }

    /** The command worked and found nothing wrong. */
    public static final int OK = 0;
    /** The command worked and found problems (check findings, differences, a falsified property). */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
}
