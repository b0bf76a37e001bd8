package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dtc's get_node_by_label, get_node_by_path and get_node_by_ref over live nodes, answered from maps
 * built on first use instead of a tree walk per lookup. Call {@link #treeChanged()} after deleting
 * nodes or removing properties.
 */
final class TreeLookup {

    /** Below this many children a linear scan is cheaper than building a name map. */
    private static final int CHILD_MAP_THRESHOLD = 8;

    private final DeviceTree tree;
    private final TreeFacts facts;
    private Map<String, Node> nodesByLabel;
    private final Map<Node, Map<String, Node>> childrenByName = new IdentityHashMap<>();

    TreeLookup(DeviceTree tree, TreeFacts facts) {
        this.tree = tree;
        this.facts = facts;
    }

    void treeChanged() {
        nodesByLabel = null;
        childrenByName.clear();
    }

    /** get_node_by_ref: "/" is the root, "/..." a path, anything else a node label. */
    Optional<Node> nodeByReference(String reference) {
        if (reference.equals("/")) {
            return Optional.of(tree.root());
        }
        if (reference.startsWith("/")) {
            return nodeByPath(tree.root(), reference);
        }
        return nodeByLabel(reference);
    }

    /** get_node_by_label: the first live node in pre-order carrying this live label. */
    Optional<Node> nodeByLabel(String label) {
        if (nodesByLabel == null) {
            nodesByLabel = indexLabels();
        }
        return Optional.ofNullable(nodesByLabel.get(label));
    }

    /** Only nodes that had labels when the run began can have them now; deleted ones have none live. */
    private Map<String, Node> indexLabels() {
        Map<String, Node> byLabel = new HashMap<>();
        for (CheckedNode n : facts.withLabels()) {
            if (n.isRoot() || !n.isDeleted()) {
                for (String l : n.node().labels()) {
                    byLabel.putIfAbsent(l, n.node());
                }
            }
        }
        return byLabel;
    }

    /**
     * get_node_by_path from {@code start}: leading slashes are skipped at each level, each
     * component must equal a live child's full name (the first such child is taken), an empty
     * remainder names the node reached ("a/" is a), but a lone "/" names nothing.
     */
    Optional<Node> nodeByPath(Node start, String path) {
        Node at = start;
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
            Node child = liveChildNamed(at, component);
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

    private Node liveChildNamed(Node parent, String name) {
        List<Node> raw = parent.childrenWithDeleted();
        if (raw.size() < CHILD_MAP_THRESHOLD) {
            for (Node c : raw) {
                if (!c.isDeleted() && c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
        Map<String, Node> byName = childrenByName.computeIfAbsent(parent, p -> {
            Map<String, Node> m = new HashMap<>();
            for (Node c : p.childrenWithDeleted()) {
                if (!c.isDeleted()) {
                    m.putIfAbsent(c.name(), c);
                }
            }
            return m;
        });
        return byName.get(name);
    }
}
