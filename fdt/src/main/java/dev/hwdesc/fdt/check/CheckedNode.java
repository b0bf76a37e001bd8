package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.Optional;

/**
 * A live node as the checks see it, with the state dtc's checks keep on a node: the
 * #address-cells/#size-cells that addr_size_cells records (-1 when absent; 0 before that check has
 * run, as in dtc) and the bus a bridge check has marked it as. {@link #order()} is its position in
 * pre-order, by which candidate lists are sorted.
 */
final class CheckedNode {

    private final Node node;
    private final CheckedNode parent;
    private int order = -1;
    private final TreeFacts facts;
    private int subtreeSize = 1;
    private int propertyStart;
    private int propertyEnd;
    private boolean propertiesChanged;
    private boolean namedLikeParentProperty;
    private boolean overlayFragment;
    private boolean deleted;
    private boolean cellsRecorded;
    private int addressCells;
    private int sizeCells;
    private Bus bus = Bus.NONE;

    CheckedNode(Node node, CheckedNode parent, TreeFacts facts) {
        this.node = node;
        this.parent = parent;
        this.facts = facts;
    }


    Node node() {
        return node;
    }

    int order() {
        return order;
    }

    void setOrder(int position) {
        order = position;
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

    /** dtc's get_property: the first live property with this name. */
    Optional<Property> property(String name) {
        return facts.property(this, name);
    }

    boolean hasProperty(String name) {
        return property(name).isPresent();
    }

    void setPropertySlice(int start) {
        propertyStart = start;
    }

    void endPropertySlice(int end) {
        propertyEnd = end;
    }

    int propertyStart() {
        return propertyStart;
    }

    int propertyEnd() {
        return propertyEnd;
    }

    boolean propertiesChanged() {
        return propertiesChanged;
    }

    void markPropertiesChanged() {
        propertiesChanged = true;
    }

    /** How many nodes live when the run began are in this node's subtree, itself included. */
    int subtreeSize() {
        return subtreeSize;
    }

    void addToSubtree(int nodes) {
        subtreeSize += nodes;
    }

    boolean isNamedLikeParentProperty() {
        return namedLikeParentProperty;
    }

    void markNamedLikeParentProperty() {
        namedLikeParentProperty = true;
    }

    /** True once a fixup has deleted this node (or an ancestor) during the run. */
    boolean isDeleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    /** True when the node had a live child named "__overlay__" when the run began. */
    boolean hadOverlayChild() {
        return overlayFragment;
    }

    void markOverlayFragment() {
        overlayFragment = true;
    }

    /** dtc's node->addr_cells: as recorded, -1 for absent once addr_size_cells has run, 0 before. */
    int addressCells() {
        return cellsRecorded ? addressCells : facts.cellsRecorded() ? -1 : 0;
    }

    /** dtc's node->size_cells, like {@link #addressCells()}. */
    int sizeCells() {
        return cellsRecorded ? sizeCells : facts.cellsRecorded() ? -1 : 0;
    }

    void recordCells(int address, int size) {
        cellsRecorded = true;
        addressCells = address;
        sizeCells = size;
    }

    /** dtc's node_addr_cells: 2 when #address-cells is absent. */
    int addressCellsOrDefault() {
        int a = addressCells();
        return a == -1 ? 2 : a;
    }

    /** dtc's node_size_cells: 1 when #size-cells is absent. */
    int sizeCellsOrDefault() {
        int s = sizeCells();
        return s == -1 ? 1 : s;
    }

    Bus bus() {
        return bus;
    }

    /** Marks this node as a bus of some kind (dtc's node->bus = ...). */
    void setBus(Bus kind) {
        bus = kind;
        facts.noteBus(this);
    }
}
