package dev.hwdesc.fdt.check;

import java.util.Arrays;

/**
 * dtc's process_checks and run_check: runs the enabled checks in table order, each after its
 * prerequisites, stopping for good once an error-level check has failed.
 */
final class CheckRunner {

    private enum Status { UNCHECKED, PREREQ, PASSED, FAILED }

    private final CheckContext context;
    private final CheckSelection selection;
    private final Status[] status = new Status[CheckTable.size()];

    CheckRunner(CheckContext context, CheckSelection selection) {
        this.context = context;
        this.selection = selection;
        Arrays.fill(status, Status.UNCHECKED);
    }

    /** Runs every enabled check; true when one at error level failed. */
    boolean runAll() {
        boolean error = false;
        for (int i = 0; i < CheckTable.size(); i++) {
            if (selection.warns(i) || selection.errors(i)) {
                error = error || run(i);
            }
        }
        return error;
    }

    private boolean run(int check) {
        boolean error = false;
        if (status[check] == Status.UNCHECKED) {
            for (int prerequisite : CheckTable.prerequisites(check)) {
                error = error || run(prerequisite);
                if (status[prerequisite] != Status.PASSED) {
                    status[check] = Status.PREREQ;
                    context.reportPrerequisiteFailed(check, CheckTable.name(prerequisite));
                }
            }
            if (status[check] == Status.UNCHECKED) {
                visit(check);
            }
        }
        if (status[check] != Status.PASSED && selection.errors(check)) {
            error = true;
        }
        return error;
    }

    /**
     * dtc's check_nodes_props, over the check's candidates only; nodes a fixup deleted meanwhile are
     * skipped (the root never is, as in dtc).
     */
    private void visit(int check) {
        CheckDefinition definition = CheckTable.definition(check);
        TreeFacts facts = context.facts();
        context.startCheck(check);
        definition.onStart().accept(facts);
        CheckBody body = definition.body();
        for (CheckedNode n : definition.candidates().select(facts)) {
            if (n.isRoot() || !n.isDeleted()) {
                body.visit(context, n);
            }
        }
        facts.settleChanges();
        status[check] = context.runningCheckFailed() ? Status.FAILED : Status.PASSED;
    }
}
