package dev.hwdesc.fdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of a device tree: a name ({@code name@unit}), properties and children in order, labels, and
 * the state dtc's processing keeps on a node (tombstone flag, phandle, omit-if-no-ref). Deleted
 * properties and children stay in their lists as tombstones; {@link #properties()} and
 * {@link #children()} show only the live ones. Hot loops can use the indexed accessors
 * ({@link #propertyCount()}, {@link #propertyAt(int)}, {@link #childCount()}, {@link #childAt(int)}),
 * which include tombstones and allocate nothing.
 */
public final class Node {

    private static final Property[] NO_PROPERTIES = new Property[0];
    private static final Node[] NO_CHILDREN = new Node[0];

    private final String name;
    private Node parent;
    private Property[] properties = NO_PROPERTIES;
    private int propertyCount;
    private Node[] children = NO_CHILDREN;
    private int childCount;
    // Most nodes have no labels or positions: these lists are made on first use.
    private List<Label> labels = List.of();
    private List<SourcePosition> positions = List.of();
    private boolean deleted;
    private long phandle;
    private boolean omitIfNoRef;
    private boolean referenced;
    private String fullPath;

    public Node(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The node name including any unit address; "" for the root. */
    public String name() {
        return name;
    }

    /** The name without its unit address (the part before the first '@'). */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The unit address: the part after the first '@', or "" when there is none. */
    public String unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? "" : name.substring(at + 1);
    }

    public Optional<Node> parent() {
        return Optional.ofNullable(parent);
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** The full path ("/" for the root), as dtc's join_path builds it. */
    public String fullPath() {
        String p = fullPath;
        if (p == null) {
            if (parent == null) {
                p = name.isEmpty() ? "/" : "/" + name;
            } else {
                String pp = parent.fullPath();
                p = pp.endsWith("/") ? pp + name : pp + "/" + name;
            }
            fullPath = p;
        }
        return p;
    }

    /** Depth below the root (the root is 0). */
    public int depth() {
        int d = 0;
        for (Node n = parent; n != null; n = n.parent) {
            d++;
        }
        return d;
    }

    // ---- properties

    /** The number of properties, tombstones included. */
    public int propertyCount() {
        return propertyCount;
    }

    /** The property at {@code index} counting tombstones ({@code 0 <= index < propertyCount()}). */
    public Property propertyAt(int index) {
        Objects.checkIndex(index, propertyCount);
        return properties[index];
    }

    /** Live properties in order (a read-only snapshot; a view when there are no tombstones). */
    public List<Property> properties() {
        for (int i = 0; i < propertyCount; i++) {
            if (properties[i].isDeleted()) {
                List<Property> live = new ArrayList<>(propertyCount);
                for (int j = 0; j < propertyCount; j++) {
                    if (!properties[j].isDeleted()) {
                        live.add(properties[j]);
                    }
                }
                return Collections.unmodifiableList(live);
            }
        }
        return new ArrayView<>(properties, propertyCount);
    }

    /** All properties in order, tombstones included (a read-only view). */
    public List<Property> propertiesWithDeleted() {
        return new ArrayView<>(properties, propertyCount);
    }

    /** The first live property with this name (dtc's get_property). */
    public Optional<Property> property(String propertyName) {
        int i = indexOfLive(propertyName);
        return i < 0 ? Optional.empty() : Optional.of(properties[i]);
    }

    /**
     * Where the first live property with this name is, or -1. The checks ask this many times per
     * node, mostly for names that are not there: comparing the names' cached hash codes first
     * leaves the other names' characters unread.
     */
    private int indexOfLive(String propertyName) {
        int hash = propertyName.hashCode();
        for (int i = 0; i < propertyCount; i++) {
            Property p = properties[i];
            String name = p.name();
            if (name.hashCode() == hash && !p.isDeleted() && name.equals(propertyName)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the first live property with this name. */
    public Optional<PropertyValue> value(String propertyName) {
        return property(propertyName).map(Property::value);
    }

    public boolean hasProperty(String propertyName) {
        return indexOfLive(propertyName) >= 0;
    }

    /** Appends a property. */
    public Node addProperty(Property p) {
        Objects.requireNonNull(p, "property");
        if (propertyCount == properties.length) {
            properties = Arrays.copyOf(properties, Math.max(4, propertyCount * 2));
        }
        properties[propertyCount++] = p;
        return this;
    }

    /** Appends a property with a value. */
    public Node addProperty(String propertyName, PropertyValue v) {
        return addProperty(new Property(propertyName, v));
    }

    /** Removes and returns every property, tombstones included, in order (for moving them elsewhere). */
    public List<Property> takeProperties() {
        List<Property> taken = List.of(Arrays.copyOf(properties, propertyCount));
        Arrays.fill(properties, 0, propertyCount, null);
        propertyCount = 0;
        return taken;
    }

    /** Removes a property entirely (not a tombstone), as dtc does with a redundant "name". */
    public void removeProperty(Property p) {
        for (int i = 0; i < propertyCount; i++) {
            if (properties[i] == p) {
                System.arraycopy(properties, i + 1, properties, i, propertyCount - i - 1);
                properties[--propertyCount] = null;
                return;
            }
        }
    }

    public void sortProperties(Comparator<Property> order) {
        Arrays.sort(properties, 0, propertyCount, order);
    }

    // ---- children

    /** The number of children, tombstones included. */
    public int childCount() {
        return childCount;
    }

    /** The child at {@code index} counting tombstones ({@code 0 <= index < childCount()}). */
    public Node childAt(int index) {
        Objects.checkIndex(index, childCount);
        return children[index];
    }

    /** Live children in order (a read-only snapshot; a view when there are no tombstones). */
    public List<Node> children() {
        for (int i = 0; i < childCount; i++) {
            if (children[i].deleted) {
                List<Node> live = new ArrayList<>(childCount);
                for (int j = 0; j < childCount; j++) {
                    if (!children[j].deleted) {
                        live.add(children[j]);
                    }
                }
                return Collections.unmodifiableList(live);
            }
        }
        return childCount == 0 ? List.of() : new ArrayView<>(children, childCount);
    }

    /** All children in order, tombstones included (a read-only view). */
    public List<Node> childrenWithDeleted() {
        return childCount == 0 ? List.of() : new ArrayView<>(children, childCount);
    }

    /** The first live child with exactly this name (dtc's get_subnode). */
    public Optional<Node> child(String childName) {
        for (int i = 0; i < childCount; i++) {
            Node c = children[i];
            if (!c.deleted && c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Appends a child; the child must not already have a parent. */
    public Node addChild(Node child) {
        if (child.parent != null || child == this) {
            throw new IllegalArgumentException("node " + child.name + " already has a parent");
        }
        child.parent = this;
        child.fullPath = null;
        if (childCount == children.length) {
            children = Arrays.copyOf(children, Math.max(4, childCount * 2));
        }
        children[childCount++] = child;
        return child;
    }

    /** Removes and returns every child, tombstones included, in order, each without a parent now. */
    public List<Node> takeChildren() {
        List<Node> taken = List.of(Arrays.copyOf(children, childCount));
        for (Node c : taken) {
            c.parent = null;
            c.fullPath = null;
        }
        Arrays.fill(children, 0, childCount, null);
        childCount = 0;
        return taken;
    }

    /** Removes a child entirely (not a tombstone). */
    public void removeChild(Node child) {
        for (int i = 0; i < childCount; i++) {
            if (children[i] == child) {
                System.arraycopy(children, i + 1, children, i, childCount - i - 1);
                children[--childCount] = null;
                child.parent = null;
                child.fullPath = null;
                return;
            }
        }
    }

    /** Sorts the children (a stable sort). */
    public void sortChildren(Comparator<Node> order) {
        Arrays.sort(children, 0, childCount, order);
    }

    // ---- labels

    /** Live labels, in dtc's order. */
    public List<String> labels() {
        return Labels.live(labels);
    }

    /** All labels, deleted ones included. */
    public List<Label> labelEntries() {
        return List.copyOf(labels);
    }

    /** True when the node has any label entry, deleted ones included (dtc tests its label list pointer). */
    public boolean hasLabelEntries() {
        return !labels.isEmpty();
    }

    /** Adds a label the way dtc does: revives it in place if present, otherwise prepends it. */
    public void addLabel(String label) {
        if (labels.isEmpty()) {
            labels = new ArrayList<>(2);
        }
        Labels.add(labels, label);
    }

    // ---- dtc processing state

    /** True for a tombstone left by {@code /delete-node/}. */
    public boolean isDeleted() {
        return deleted;
    }

    /** Marks this node, its subtree, properties and labels deleted (dtc's delete_node). */
    public void delete() {
        deleted = true;
        for (int i = 0; i < childCount; i++) {
            if (!children[i].deleted) {
                children[i].delete();
            }
        }
        for (int i = 0; i < propertyCount; i++) {
            if (!properties[i].isDeleted()) {
                properties[i].setDeleted(true);
            }
        }
        if (!labels.isEmpty()) {
            Labels.deleteAll(labels);
        }
    }

    /** Clears the tombstone flag of this node only (a merge that redefines it). */
    public void revive() {
        deleted = false;
    }

    /** The phandle dtc has assigned or found (0 when none). */
    public long phandle() {
        return phandle;
    }

    public void setPhandle(long phandle) {
        this.phandle = phandle;
    }

    public boolean isOmitIfNoRef() {
        return omitIfNoRef;
    }

    public void setOmitIfNoRef(boolean omit) {
        this.omitIfNoRef = omit;
    }

    public boolean isReferenced() {
        return referenced;
    }

    public void setReferenced(boolean referenced) {
        this.referenced = referenced;
    }

    /** Where the node was defined; more than one when blocks were merged. Empty for a node read from a DTB. */
    public List<SourcePosition> positions() {
        return positions.size() <= 1 ? positions : Collections.unmodifiableList(positions);
    }

    public void addPosition(SourcePosition position) {
        if (positions.isEmpty()) {
            positions = List.of(position); // most nodes are defined once
        } else {
            List<SourcePosition> more = new ArrayList<>(positions);
            more.add(position);
            positions = more;
        }
    }

    @Override
    public String toString() {
        return fullPath() + (deleted ? " (deleted)" : "");
    }
}
