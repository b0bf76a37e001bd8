package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * dtc's process_checks and run_check: runs the enabled checks in table order, each after its
 * prerequisites, stopping for good once an error-level check has failed.
 */
final class CheckRunner {

    private enum Status { UNCHECKED, PREREQ, PASSED, FAILED }

    private final CheckContext context;
    private final CheckSelection selection;
    private final List<CheckedNode> preOrder;
    private final Status[] status = new Status[CheckTable.size()];

    CheckRunner(CheckContext context, CheckSelection selection) {
        this.context = context;
        this.selection = selection;
        this.preOrder = liveNodesInPreOrder(context);
        java.util.Arrays.fill(status, Status.UNCHECKED);
    }

    /**
     * The live nodes, parents first; also clears phandles (dtc's nodes start without one) and notes
     * the tombstones that hang off live nodes.
     */
    private static List<CheckedNode> liveNodesInPreOrder(CheckContext context) {
        DeviceTree tree = context.tree();
        List<CheckedNode> out = new ArrayList<>();
        Deque<CheckedNode> stack = new ArrayDeque<>();
        stack.push(new CheckedNode(tree.root(), null));
        while (!stack.isEmpty()) {
            CheckedNode n = stack.pop();
            out.add(n);
            n.node().setPhandle(0);
            List<Node> kids = n.node().childrenWithDeleted();
            for (int i = kids.size() - 1; i >= 0; i--) {
                Node k = kids.get(i);
                if (k.isDeleted()) {
                    context.noteTombstone(k);
                } else {
                    stack.push(new CheckedNode(k, n));
                }
            }
        }
        return out;
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
                walk(check);
            }
        }
        if (status[check] != Status.PASSED && selection.errors(check)) {
            error = true;
        }
        return error;
    }

    private void walk(int check) {
        CheckBody body = CheckTable.body(check);
        context.startCheck(check);
        for (CheckedNode n : preOrder) {
            if (n.isRoot() || !n.node().isDeleted()) {
                body.visit(context, n);
            }
        }
        status[check] = context.runningCheckFailed() ? Status.FAILED : Status.PASSED;
    }
}
