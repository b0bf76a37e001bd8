package dev.hwdesc.fdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of a device tree: a name ({@code name@unit}), properties and children in order, labels, and
 * the state dtc's processing keeps on a node (tombstone flag, phandle, omit-if-no-ref). Deleted
 * properties and children stay in their lists as tombstones; {@link #properties()} and
 * {@link #children()} show only the live ones.
 */
public final class Node {

    private final String name;
    private Node parent;
    private final List<Property> properties = new ArrayList<>(4);
    // Most nodes are leaves without labels or positions: these lists are made on first use.
    private List<Node> children = List.of();
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

    /** Live properties in order. */
    public List<Property> properties() {
        for (Property p : properties) {
            if (p.isDeleted()) {
                List<Property> live = new ArrayList<>(properties.size());
                for (Property q : properties) {
                    if (!q.isDeleted()) {
                        live.add(q);
                    }
                }
                return Collections.unmodifiableList(live);
            }
        }
        return Collections.unmodifiableList(properties);
    }

    /** All properties in order, tombstones included. */
    public List<Property> propertiesWithDeleted() {
        return Collections.unmodifiableList(properties);
    }

    /** The first live property with this name (dtc's get_property). */
    public Optional<Property> property(String propertyName) {
        for (Property p : properties) {
            if (!p.isDeleted() && p.name().equals(propertyName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The value of the first live property with this name. */
    public Optional<PropertyValue> value(String propertyName) {
        return property(propertyName).map(Property::value);
    }

    public boolean hasProperty(String propertyName) {
        return property(propertyName).isPresent();
    }

    /** Appends a property. */
    public Node addProperty(Property p) {
        properties.add(p);
        return this;
    }

    /** Appends a property with a value. */
    public Node addProperty(String propertyName, PropertyValue v) {
        return addProperty(new Property(propertyName, v));
    }

    /** Removes a property entirely (not a tombstone), as dtc does with a redundant "name". */
    public void removeProperty(Property p) {
        properties.removeIf(q -> q == p);
    }

    public void sortProperties(Comparator<Property> order) {
        properties.sort(order);
    }

    // ---- children

    /** Live children in order. */
    public List<Node> children() {
        for (Node c : children) {
            if (c.deleted) {
                List<Node> live = new ArrayList<>(children.size());
                for (Node d : children) {
                    if (!d.deleted) {
                        live.add(d);
                    }
                }
                return Collections.unmodifiableList(live);
            }
        }
        return Collections.unmodifiableList(children);
    }

    /** All children in order, tombstones included. */
    public List<Node> childrenWithDeleted() {
        return Collections.unmodifiableList(children);
    }

    /** The first live child with exactly this name (dtc's get_subnode). */
    public Optional<Node> child(String childName) {
        for (Node c : children) {
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
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
        return child;
    }

    /** Removes a child entirely (not a tombstone). */
    public void removeChild(Node child) {
        if (!children.isEmpty() && children.removeIf(c -> c == child)) {
            child.parent = null;
            child.fullPath = null;
        }
    }

    public void sortChildren(Comparator<Node> order) {
        if (children.size() > 1) {
            children.sort(order);
        }
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
        for (Node c : children) {
            if (!c.deleted) {
                c.delete();
            }
        }
        for (Property p : properties) {
            if (!p.isDeleted()) {
                p.setDeleted(true);
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
        return Collections.unmodifiableList(positions);
    }

    public void addPosition(SourcePosition position) {
        if (positions.isEmpty()) {
            positions = new ArrayList<>(1);
        }
        positions.add(position);
    }

    @Override
    public String toString() {
        return fullPath() + (deleted ? " (deleted)" : "");
    }
}
