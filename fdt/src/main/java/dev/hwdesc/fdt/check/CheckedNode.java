package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import java.util.Optional;

/**
 * A live node as the checks see it, with the state dtc's checks keep on a node: the
 * #address-cells/#size-cells that addr_size_cells records (-1 when absent; 0 until that check has
 * run, as in dtc) and the bus a bridge check has marked it as.
 */
final class CheckedNode {

    private final Node node;
    private final CheckedNode parent;
    int addressCells;
    int sizeCells;
    Bus bus = Bus.NONE;

    CheckedNode(Node node, CheckedNode parent) {
        this.node = node;
        this.parent = parent;
    }

    Node node() {
        return node;
    }

    /** The parent; empty for the root. */
    Optional<CheckedNode> parent() {
        return Optional.ofNullable(parent);
    }

    boolean isRoot() {
        return parent == null;
    }

    /** The parent, for code that has already checked {@link #isRoot()}. */
    CheckedNode parentOrThrow() {
        if (parent == null) {
            throw new IllegalStateException("the root has no parent");
        }
        return parent;
    }

    /** dtc's node_addr_cells: 2 when #address-cells is absent. */
    int addressCellsOrDefault() {
        return addressCells == -1 ? 2 : addressCells;
    }

    /** dtc's node_size_cells: 1 when #size-cells is absent. */
    int sizeCellsOrDefault() {
        return sizeCells == -1 ? 1 : sizeCells;
    }
}
