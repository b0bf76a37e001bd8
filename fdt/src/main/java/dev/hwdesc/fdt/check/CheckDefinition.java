package dev.hwdesc.fdt.check;

import java.util.List;

/**
 * One of dtc's checks as checks.c declares it: its name, whether it is a warning and/or an error by
 * default, the checks that must pass before it runs, and what it does at each node.
 */
record CheckDefinition(String name, boolean warnByDefault, boolean errorByDefault, List<String> prerequisites,
        CheckBody body) {

    CheckDefinition {
        prerequisites = List.copyOf(prerequisites);
    }

    /** dtc's WARNING(...): on as a warning by default. */
    static CheckDefinition warning(String name, CheckBody body, String... prerequisites) {
        return new CheckDefinition(name, true, false, List.of(prerequisites), body);
    }

    /** dtc's ERROR(...): on as an error by default. */
    static CheckDefinition error(String name, CheckBody body, String... prerequisites) {
        return new CheckDefinition(name, false, true, List.of(prerequisites), body);
    }

    /** dtc's CHECK(...): off unless asked for with -W or -E. */
    static CheckDefinition off(String name, CheckBody body, String... prerequisites) {
        return new CheckDefinition(name, false, false, List.of(prerequisites), body);
    }
}
