package dev.hwdesc.fdt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a tree by path, with the order libfdt's read-write functions give a blob: a new property
 * or subnode goes first in its node (fdt_setprop and fdt_add_subnode insert right after the node's
 * name), and setting a property again changes its value where it is. A generator that follows a
 * libfdt-based VMM's calls in order (QEMU's) gets the VMM's order of nodes and properties.
 */
public final class FdtEditor {

    private final class Entry {
        final String name;
        final Deque<Property> properties = new ArrayDeque<>(8);
        final Deque<Entry> children = new ArrayDeque<>(2);

        Entry(String name) {
            this.name = name;
        }
    }

    private final Entry root = new Entry("");
    private final Map<String, Entry> byPath = new HashMap<>();
    private String lastPath;
    private Entry lastEntry;

    public FdtEditor() {
        byPath.put("/", root);
    }

    /** Adds the node at {@code path}, whose parent must exist (fdt_add_subnode). */
    public FdtEditor addNode(String path) {
        if (byPath.containsKey(path)) {
            throw new IllegalStateException(path + " exists already");
        }
        int slash = path.lastIndexOf('/');
        Entry parent = entry(slash == 0 ? "/" : path.substring(0, slash));
        Entry e = new Entry(path.substring(slash + 1));
        parent.children.addFirst(e);
        byPath.put(path, e);
        return this;
    }

    /** Adds the node at {@code path} and every missing node above it, topmost first (QEMU's qemu_fdt_add_path). */
    public FdtEditor addPath(String path) {
        int from = 1;
        while (from <= path.length()) {
            int slash = path.indexOf('/', from);
            String prefix = slash < 0 ? path : path.substring(0, slash);
            if (!byPath.containsKey(prefix)) {
                addNode(prefix);
            }
            if (slash < 0) {
                break;
            }
            from = slash + 1;
        }
        return this;
    }

    public boolean hasNode(String path) {
        return byPath.containsKey(path);
    }

    /** Sets a property: a new one goes first in its node, an existing one keeps its place (fdt_setprop). */
    public FdtEditor set(String path, String name, PropertyValue value) {
        Entry e = entry(path);
        for (Property p : e.properties) {
            if (p.name().equals(name)) {
                p.setValue(value);
                return this;
            }
        }
        e.properties.addFirst(new Property(name, value));
        return this;
    }

    public FdtEditor setEmpty(String path, String name) {
        return set(path, name, PropertyValue.empty());
    }

    public FdtEditor setCells(String path, String name, long... cells) {
        return set(path, name, PropertyValue.ofCells(cells));
    }

    public FdtEditor setStrings(String path, String name, String... strings) {
        return set(path, name, PropertyValue.ofStrings(strings));
    }

    /** Cells of 64-bit values written as two cells each, high word first (qemu_fdt_setprop_sized_cells with size 2). */
    public FdtEditor setPairs(String path, String name, long... values) {
        long[] cells = new long[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            cells[2 * i] = values[i] >>> 32;
            cells[2 * i + 1] = values[i] & 0xffffffffL;
        }
        return setCells(path, name, cells);
    }

    private Entry entry(String path) {
        if (path == lastPath) { // a generator sets many properties of one node in a row, by the same String
            return lastEntry;
        }
        Entry e = byPath.get(path);
        if (e == null) {
            throw new IllegalStateException("no node " + path);
        }
        lastPath = path;
        lastEntry = e;
        return e;
    }

    /** The tree as built, with no memory reservations and boot CPU 0; the editor is done with. */
    public DeviceTree toDeviceTree() {
        Node rootNode = new Node("");
        fill(rootNode, root);
        return new DeviceTree(rootNode, java.util.List.of(), 0);
    }

    private static void fill(Node node, Entry e) {
        for (Property p : e.properties) {
            node.addProperty(p);
        }
        for (Entry c : e.children) {
            Node child = new Node(c.name);
            node.addChild(child);
            fill(child, c);
        }
    }
}
