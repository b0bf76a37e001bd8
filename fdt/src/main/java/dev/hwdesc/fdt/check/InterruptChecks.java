package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.Optional;

/** dtc 1.6.1's interrupt checks: "interrupts" against its parent's #interrupt-cells, and providers' #cells. */
final class InterruptChecks {

    private InterruptChecks() {
    }

    /**
     * Finds the interrupt parent (an ancestor that is a provider, or the first interrupt-parent up
     * the tree) and checks the size of "interrupts" against its #interrupt-cells. dtc declares
     * phandle_references as this check's data, not its prerequisite, so it has none.
     */
    static final CheckDefinition INTERRUPTS_PROPERTY = CheckDefinition.warning("interrupts_property",
            Candidates.withProperty("interrupts"), (ctx, n) -> {
                Node node = n.node();
                Optional<Property> found = n.property("interrupts");
                if (found.isEmpty()) {
                    return;
                }
                Property interrupts = found.get();
                int len = interrupts.value().length();
                if (len % 4 != 0) {
                    ctx.failProperty(node, interrupts, "size (" + len + ") is invalid, expected multiple of 4");
                }
                Node irqNode = null;
                Optional<CheckedNode> parent = Optional.of(n);
                while (parent.isPresent()) {
                    CheckedNode p = parent.get();
                    if (p != n && isInterruptProvider(p)) {
                        irqNode = p.node();
                        break;
                    }
                    Optional<Property> interruptParent = p.property("interrupt-parent");
                    if (interruptParent.isPresent()) {
                        long phandle = Cells.first(interruptParent.get().value());
                        if (Cells.isNoPhandle(phandle)) {
                            if (ctx.isPlugin()) {
                                return;
                            }
                            ctx.failProperty(p.node(), interruptParent.get(), "Invalid phandle");
                            break;
                        }
                        Optional<Node> target = ctx.phandles().nodeWithPhandle(phandle);
                        if (target.isEmpty()) {
                            ctx.failProperty(p.node(), interruptParent.get(), "Bad phandle");
                            return;
                        }
                        irqNode = target.get();
                        if (!isInterruptProvider(irqNode)) {
                            ctx.fail(irqNode, "Missing interrupt-controller or interrupt-map property");
                        }
                        break;
                    }
                    parent = p.parent();
                }
                if (irqNode == null) {
                    ctx.fail(node, "Missing interrupt-parent");
                    return;
                }
                Optional<Property> cells = irqNode.property("#interrupt-cells");
                if (cells.isEmpty()) {
                    return;
                }
                int entryLength = (int) Cells.first(cells.get().value()) * 4;
                if (!Cells.isMultipleOf(len, entryLength)) {
                    ctx.failProperty(node, cells.get(), "size is (" + len + "), expected multiple of " + entryLength);
                }
            });

    /** dtc 1.6.1: a provider needs both #interrupt-cells and #address-cells. */
    static final CheckDefinition INTERRUPT_PROVIDER = CheckDefinition.warning("interrupt_provider",
            Candidates.withProperty("interrupt-controller", "interrupt-map"), (ctx, n) -> {
                Node node = n.node();
                if (!isInterruptProvider(n)) {
                    return;
                }
                if (!n.hasProperty("#interrupt-cells")) {
                    ctx.fail(node, "Missing #interrupt-cells in interrupt provider");
                }
                if (!n.hasProperty("#address-cells")) {
                    ctx.fail(node, "Missing #address-cells in interrupt provider");
                }
            });

    static boolean isInterruptProvider(Node node) {
        return node.hasProperty("interrupt-controller") || node.hasProperty("interrupt-map");
    }

    static boolean isInterruptProvider(CheckedNode n) {
        return n.hasProperty("interrupt-controller") || n.hasProperty("interrupt-map");
    }
}
