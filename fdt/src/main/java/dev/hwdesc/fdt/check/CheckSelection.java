package dev.hwdesc.fdt.check;

/**
 * Which of dtc's checks are warnings and which are errors for one run: dtc's defaults, changed by
 * {@code -W} and {@code -E} arguments. Raising a check also raises its prerequisites; lowering one
 * also lowers the checks that depend on it (dtc's enable/disable_warning_error).
 */
public final class CheckSelection {

    /** dtc 1.6.1's default levels. */
    public static CheckSelection defaults() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Applies one {@code -W} ({@code warn}) or {@code -E} ({@code error}) argument: a check name, or
     * a name prefixed with {@code no-} or {@code no_} to lower it.
     *
     * @throws IllegalArgumentException {@code Unrecognized check name "x"} for an unknown name
     */
    public void apply(boolean warn, boolean error, String argument) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
