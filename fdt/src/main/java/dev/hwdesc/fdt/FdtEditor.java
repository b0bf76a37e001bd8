package dev.hwdesc.fdt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a tree with the order libfdt's read-write functions give a blob: a new property or subnode
 * goes first in its node (fdt_setprop and fdt_add_subnode insert right after the node's name), and
 * setting a property again changes its value where it is. A generator that follows a libfdt-based
 * VMM's calls in order (QEMU's) gets the VMM's order of nodes and properties.
 */
public final class FdtEditor {

    /** A node being built; properties and children are kept oldest first, and written newest first. */
    public static final class EditedNode {
        private final String name;
        private final List<Property> properties = new ArrayList<>(8);
        private final List<EditedNode> children = new ArrayList<>(4);
        /** Children by name, made once there are enough to search (a /cpus of 512 CPUs). */
        private Map<String, EditedNode> byName;

        private EditedNode(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private final EditedNode root = new EditedNode("");

    public EditedNode root() {
        return root;
    }

    /**
     * Adds a child named {@code name} under {@code parent}, first among its children
     * (fdt_add_subnode). The caller adds each name once; {@link #addPath} finds the ones that exist.
     */
    public EditedNode addNode(EditedNode parent, String name) {
        EditedNode e = new EditedNode(name);
        parent.children.add(e);
        if (parent.byName != null) {
            parent.byName.put(name, e);
        }
        return e;
    }

    /**
     * The node at {@code names} below {@code from}, adding every missing node on the way, topmost
     * first (QEMU's qemu_fdt_add_path).
     */
    public EditedNode addPath(EditedNode from, List<String> names) {
        EditedNode at = from;
        for (String name : names) {
            EditedNode next = child(at, name);
            at = next != null ? next : addNode(at, name);
        }
        return at;
    }

    private static final int INDEX_FROM = 8;

    private static EditedNode child(EditedNode parent, String name) {
        if (parent.byName == null && parent.children.size() > INDEX_FROM) {
            parent.byName = new HashMap<>();
            parent.children.forEach(c -> parent.byName.putIfAbsent(c.name, c));
        }
        if (parent.byName != null) {
            return parent.byName.get(name);
        }
        for (EditedNode c : parent.children) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Sets a property: a new one goes first in its node, an existing one keeps its place (fdt_setprop). */
    public FdtEditor set(EditedNode node, String name, PropertyValue value) {
        for (Property p : node.properties) {
            if (p.name().equals(name)) {
                p.setValue(value);
                return this;
            }
        }
        node.properties.add(new Property(name, value));
        return this;
    }

    public FdtEditor setEmpty(EditedNode node, String name) {
        return set(node, name, PropertyValue.empty());
    }

    public FdtEditor setCells(EditedNode node, String name, long... cells) {
        return set(node, name, PropertyValue.ofCells(cells));
    }

    public FdtEditor setStrings(EditedNode node, String name, String... strings) {
        return set(node, name, PropertyValue.ofStrings(strings));
    }

    /** 64-bit values written as two cells each, high word first (qemu_fdt_setprop_sized_cells with size 2). */
    public FdtEditor setPairs(EditedNode node, String name, long... values) {
        long[] cells = new long[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            cells[2 * i] = values[i] >>> 32;
            cells[2 * i + 1] = values[i] & 0xffffffffL;
        }
        return setCells(node, name, cells);
    }

    /** The tree as built, with no memory reservations and boot CPU 0; the editor is done with. */
    public DeviceTree toDeviceTree() {
        Node rootNode = new Node("");
        fill(rootNode, root);
        return new DeviceTree(rootNode, List.of(), 0);
    }

    private static void fill(Node node, EditedNode e) {
        for (int i = e.properties.size() - 1; i >= 0; i--) {
            node.addProperty(e.properties.get(i));
        }
        for (int i = e.children.size() - 1; i >= 0; i--) {
            EditedNode c = e.children.get(i);
            Node child = new Node(c.name);
            node.addChild(child);
            fill(child, c);
        }
    }
}
