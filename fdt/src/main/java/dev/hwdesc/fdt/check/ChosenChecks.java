package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.Optional;

/** dtc's checks of /chosen. */
final class ChosenChecks {

    private ChosenChecks() {
    }

    /** Reported on the root node, with /chosen's property. */
    static final CheckDefinition OBSOLETE_CHOSEN_INTERRUPT_CONTROLLER = CheckDefinition.warning(
            "obsolete_chosen_interrupt_controller", Candidates.rootOnly(), (ctx, n) -> {
                if (!n.isRoot()) {
                    return;
                }
                Optional<Node> chosen = ctx.lookup().nodeByPath(ctx.root(), "/chosen");
                if (chosen.isEmpty()) {
                    return;
                }
                chosen.get().property("interrupt-controller").ifPresent(p -> ctx.failProperty(n.node(), p,
                        "/chosen has obsolete \"interrupt-controller\" property"));
            });

    static final CheckDefinition CHOSEN_NODE_IS_ROOT = CheckDefinition.warning("chosen_node_is_root",
            Candidates.namedExactly("chosen"), (ctx, n) -> {
                if (!n.node().name().equals("chosen")) {
                    return;
                }
                if (n.isRoot() || !n.parentOrThrow().isRoot()) {
                    ctx.fail(n.node(), "chosen node must be at root node");
                }
            });

    static final CheckDefinition CHOSEN_NODE_BOOTARGS = CheckDefinition.warning("chosen_node_bootargs",
            Candidates.namedExactly("chosen"), (ctx, n) -> {
                if (n.node().name().equals("chosen") && n.hasProperty("bootargs")) {
                    ValueTypeChecks.checkString(ctx, n, "bootargs");
                }
            });

    static final CheckDefinition CHOSEN_NODE_STDOUT_PATH = CheckDefinition.warning("chosen_node_stdout_path",
            Candidates.namedExactly("chosen"), (ctx, n) -> {
                Node node = n.node();
                if (!node.name().equals("chosen")) {
                    return;
                }
                Optional<Property> p = n.property("stdout-path");
                if (p.isEmpty()) {
                    p = n.property("linux,stdout-path");
                    if (p.isEmpty()) {
                        return;
                    }
                    ctx.failProperty(node, p.get(), "Use 'stdout-path' instead");
                }
                ValueTypeChecks.checkString(ctx, n, p.get().name());
            });
}
