package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.SourcePosition;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a check sees while it runs: the tree, the run's settings, the lookups and phandles, and
 * dtc's FAIL/FAIL_PROP, which mark the running check failed and print a message in dtc's
 * check_msg format when its level and -q allow.
 */
final class CheckContext {

    private final DeviceTree tree;
    private final Checker.Settings settings;
    private final CheckSelection selection;
    private final Consumer<String> messages;
    private final TreeLookup lookup;
    private final PhandleAllocator phandles;
    private final TreeFacts facts;
    private LabelSites labelSites;
    private int running = -1;
    private boolean runningFailed;

    CheckContext(DeviceTree tree, Checker.Settings settings, CheckSelection selection, PhandleAllocator phandles,
            Consumer<String> messages) {
        this.tree = tree;
        this.settings = settings;
        this.selection = selection;
        this.phandles = phandles;
        this.messages = messages;
        this.facts = TreeFacts.of(tree.root());
        this.lookup = new TreeLookup(tree, facts);
    }

    TreeFacts facts() {
        return facts;
    }

    Node root() {
        return tree.root();
    }

    boolean isPlugin() {
        return tree.isPlugin();
    }

    Checker.Settings settings() {
        return settings;
    }

    TreeLookup lookup() {
        return lookup;
    }

    PhandleAllocator phandles() {
        return phandles;
    }

    LabelSites labelSites() {
        if (labelSites == null) {
            labelSites = LabelSites.of(facts.withLabels());
        }
        return labelSites;
    }

    /** A node's path as dtc prints it: "(null)" for a node deleted before the checks ran. */
    String pathOf(Node node) {
        return facts.isTombstone(node) ? "(null)" : NodePaths.of(node);
    }

    /** Call after a fixup deleted nodes or removed properties: cached lookups are rebuilt. */
    void treeChanged() {
        lookup.treeChanged();
        labelSites = null;
    }

    void startCheck(int index) {
        running = index;
        runningFailed = false;
    }

    boolean runningCheckFailed() {
        return runningFailed;
    }

    /** dtc's FAIL: the running check fails, with a message about a node. */
    void fail(Node node, String text) {
        runningFailed = true;
        report(running, node, null, text);
    }

    /** dtc's FAIL_PROP: the running check fails, with a message about a property of a node. */
    void failProperty(Node node, Property property, String text) {
        runningFailed = true;
        report(running, node, property, text);
    }

    /** FAIL_PROP with a property that may be missing, which dtc then reports as FAIL. */
    void failProperty(Node node, Optional<Property> property, String text) {
        runningFailed = true;
        report(running, node, property.orElse(null), text);
    }

    /** The "Failed prerequisite" message, which names no node. */
    void reportPrerequisiteFailed(int check, String prerequisite) {
        report(check, null, null, "Failed prerequisite '" + prerequisite + "'");
    }

    private void report(int check, Node node, Property property, String text) {
        boolean warn = selection.warns(check);
        boolean error = selection.errors(check);
        int quiet = settings.quiet();
        if (!(warn && quiet < 1) && !(error && quiet < 2)) {
            return;
        }
        List<SourcePosition> nodePositions = node == null ? List.of() : node.positions();
        Optional<SourcePosition> position = property == null ? Optional.empty() : property.position();
        if (position.isEmpty() && !nodePositions.isEmpty()) {
            position = Optional.of(nodePositions.get(0));
        }
        StringBuilder out = new StringBuilder();
        out.append(position.map(SourcePosition::toString).orElse(settings.outputName()));
        out.append(": ").append(error ? "ERROR" : "Warning").append(" (").append(CheckTable.name(check)).append("): ");
        if (node != null) {
            out.append(pathOf(node));
            if (property != null) {
                out.append(':').append(property.name());
            }
            out.append(": ");
        }
        out.append(text).append('\n');
        if (property == null && position.isPresent()) {
            for (int i = 1; i < nodePositions.size(); i++) {
                out.append("  also defined at ").append(nodePositions.get(i)).append('\n');
            }
        }
        messages.accept(out.toString());
    }
}
