package dev.hwdesc.dts;

import dev.hwdesc.fdt.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dtc's get_node_by_ref while the tree is still being parsed: top-level {@code &label { }},
 * {@code /delete-node/ &x;} and friends are resolved against the tree built so far. Labels are
 * indexed as nodes join the tree and as labels are added, so a lookup never walks the tree (except
 * to choose between several live nodes carrying the same label, which dtc's checks reject anyway).
 */
final class NodeLookup {

    private static final int CHILD_MAP_THRESHOLD = 8;

    private Node root;
    private final Map<String, List<Node>> byLabel = new HashMap<>();
    private final Map<Node, ChildIndex> childIndexes = new IdentityHashMap<>();

    /** Children of one node by name, in order; rebuilt when the node's child count changes. */
    private record ChildIndex(int count, Map<String, List<Node>> byName) {
    }

    void setRoot(Node root) {
        this.root = root;
        byLabel.clear();
        childIndexes.clear();
        joined(root);
    }

    /** {@code subtree} has become part of the tree: index its labels. */
    void joined(Node subtree) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(subtree);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.hasLabelEntries()) {
                for (var l : n.labelEntries()) {
                    labelAdded(n, l.name());
                }
            }
            for (int i = 0; i < n.childCount(); i++) {
                todo.push(n.childAt(i));
            }
        }
    }

    /** A label was added to a node of the tree. */
    void labelAdded(Node node, String label) {
        List<Node> nodes = byLabel.computeIfAbsent(label, k -> new ArrayList<>(1));
        for (Node n : nodes) {
            if (n == node) {
                return;
            }
        }
        nodes.add(node);
    }

    /** get_node_by_ref: "/" is the root, "/..." a path, anything else a label. */
    Optional<Node> byReference(String ref) {
        if (ref.equals("/")) {
            return Optional.of(root);
        }
        if (ref.startsWith("/")) {
            return byPath(ref);
        }
        return byLabel(ref);
    }

    /** The first live node in pre-order with this live label. */
    Optional<Node> byLabel(String label) {
        List<Node> candidates = byLabel.get(label);
        if (candidates == null) {
            return Optional.empty();
        }
        List<Node> live = new ArrayList<>(1);
        for (Node n : candidates) {
            if (!n.isDeleted() && n.labels().contains(label)) {
                live.add(n);
            }
        }
        if (live.size() <= 1) {
            return live.stream().findFirst();
        }
        // Several live nodes share the label: dtc takes the first in pre-order.
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (live.contains(n)) {
                return Optional.of(n);
            }
            for (int i = n.childCount() - 1; i >= 0; i--) {
                if (!n.childAt(i).isDeleted()) {
                    todo.push(n.childAt(i));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * get_node_by_path from the root: leading slashes are skipped at each level, each component
     * names the first live child with exactly that name, an empty remainder names the node reached.
     */
    Optional<Node> byPath(String path) {
        Node at = root;
        int i = 0;
        int n = path.length();
        while (true) {
            if (i >= n) {
                return at.isDeleted() ? Optional.empty() : Optional.of(at);
            }
            while (i < n && path.charAt(i) == '/') {
                i++;
            }
            int slash = path.indexOf('/', i);
            String component = slash < 0 ? path.substring(i) : path.substring(i, slash);
            Node child = liveChild(at, component);
            if (child == null) {
                return Optional.empty();
            }
            if (slash < 0) {
                return Optional.of(child);
            }
            at = child;
            i = slash + 1;
        }
    }

    private Node liveChild(Node parent, String name) {
        int count = parent.childCount();
        if (count < CHILD_MAP_THRESHOLD) {
            for (int i = 0; i < count; i++) {
                Node c = parent.childAt(i);
                if (!c.isDeleted() && c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
        ChildIndex index = childIndexes.get(parent);
        if (index == null || index.count() != count) {
            Map<String, List<Node>> byName = new HashMap<>();
            for (int i = 0; i < count; i++) {
                Node c = parent.childAt(i);
                byName.computeIfAbsent(c.name(), k -> new ArrayList<>(1)).add(c);
            }
            index = new ChildIndex(count, byName);
            childIndexes.put(parent, index);
        }
        List<Node> same = index.byName().get(name);
        if (same != null) {
            for (Node c : same) {
                if (!c.isDeleted()) {
                    return c;
                }
            }
        }
        return null;
    }
}
