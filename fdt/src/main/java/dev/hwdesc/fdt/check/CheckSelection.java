package dev.hwdesc.fdt.check;

import java.util.List;

/**
 * Which of dtc's checks are warnings and which are errors for one run: dtc's defaults, changed by
 * {@code -W} and {@code -E} arguments. Raising a check also raises its prerequisites; lowering one
 * also lowers the checks that depend on it (dtc's enable/disable_warning_error).
 */
public final class CheckSelection {

    /** A check's level: a warning, an error, both (reported as an error) or neither (off). */
    public record Level(boolean warn, boolean error) {
    }

    private final boolean[] warn;
    private final boolean[] error;

    private CheckSelection(boolean[] warn, boolean[] error) {
        this.warn = warn;
        this.error = error;
    }

    /** dtc 1.6.1's default levels. */
    public static CheckSelection defaults() {
        int n = CheckTable.size();
        boolean[] w = new boolean[n];
        boolean[] e = new boolean[n];
        for (int i = 0; i < n; i++) {
            w[i] = CheckTable.definition(i).warnByDefault();
            e[i] = CheckTable.definition(i).errorByDefault();
        }
        return new CheckSelection(w, e);
    }

    /** The names of dtc 1.6.1's checks, in the order they run. */
    public static List<String> checkNames() {
        return CheckTable.names();
    }

    /** An independent copy of this selection. */
    public CheckSelection copy() {
        return new CheckSelection(warn.clone(), error.clone());
    }

    /**
     * Applies one {@code -W} ({@code warn}) or {@code -E} ({@code error}) argument: a check name, or
     * a name prefixed with {@code no-} or {@code no_} to lower it.
     *
     * @throws IllegalArgumentException {@code Unrecognized check name "x"} for an unknown name
     */
    public void apply(boolean warn, boolean error, String argument) {
        String name = argument;
        boolean enable = true;
        if (argument.startsWith("no-") || argument.startsWith("no_")) {
            name = argument.substring(3);
            enable = false;
        }
        int check = CheckTable.indexOf(name);
        if (check < 0) {
            throw new IllegalArgumentException("Unrecognized check name \"" + name + "\"");
        }
        if (enable) {
            raise(check, warn, error);
        } else {
            lower(check, warn, error);
        }
    }

    /** The level a check has in this selection. */
    public Level level(String checkName) {
        int check = CheckTable.indexOf(checkName);
        if (check < 0) {
            throw new IllegalArgumentException("Unrecognized check name \"" + checkName + "\"");
        }
        return new Level(warn[check], error[check]);
    }

    boolean warns(int check) {
        return warn[check];
    }

    boolean errors(int check) {
        return error[check];
    }

    private void raise(int check, boolean w, boolean e) {
        if ((w && !warn[check]) || (e && !error[check])) {
            for (int prerequisite : CheckTable.prerequisites(check)) {
                raise(prerequisite, w, e);
            }
        }
        warn[check] = warn[check] || w;
        error[check] = error[check] || e;
    }

    private void lower(int check, boolean w, boolean e) {
        if ((w && warn[check]) || (e && error[check])) {
            for (int dependent : CheckTable.dependents(check)) {
                lower(dependent, w, e);
            }
        }
        warn[check] = warn[check] && !w;
        error[check] = error[check] && !e;
    }
}
