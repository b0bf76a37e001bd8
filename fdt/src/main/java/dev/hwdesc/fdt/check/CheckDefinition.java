package dev.hwdesc.fdt.check;

import java.util.List;
import java.util.function.Consumer;

/**
 * One of dtc's checks as checks.c declares it: its name, whether it is a warning and/or an error by
 * default, the checks that must pass before it runs, and what it does at each node; plus which
 * nodes can matter to it ({@link Candidates}) and anything to do before its first node.
 */
record CheckDefinition(String name, boolean warnByDefault, boolean errorByDefault, List<String> prerequisites,
        Candidates candidates, CheckBody body, Consumer<TreeFacts> onStart) {

    CheckDefinition {
        prerequisites = List.copyOf(prerequisites);
    }

    /** dtc's WARNING(...): on as a warning by default. */
    static CheckDefinition warning(String name, Candidates candidates, CheckBody body, String... prerequisites) {
        return new CheckDefinition(name, true, false, List.of(prerequisites), candidates, body, facts -> { });
    }

    /** dtc's ERROR(...): on as an error by default. */
    static CheckDefinition error(String name, Candidates candidates, CheckBody body, String... prerequisites) {
        return new CheckDefinition(name, false, true, List.of(prerequisites), candidates, body, facts -> { });
    }

    /** dtc's CHECK(...): off unless asked for with -W or -E. */
    static CheckDefinition off(String name, Candidates candidates, CheckBody body, String... prerequisites) {
        return new CheckDefinition(name, false, false, List.of(prerequisites), candidates, body, facts -> { });
    }

    /** This check, doing {@code action} once before visiting its candidates. */
    CheckDefinition withStart(Consumer<TreeFacts> action) {
        return new CheckDefinition(name, warnByDefault, errorByDefault, prerequisites, candidates, body, action);
    }
}
