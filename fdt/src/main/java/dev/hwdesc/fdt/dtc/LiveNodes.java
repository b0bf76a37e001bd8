package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dtc's get_node_by_ref, get_subnode and build_root_node over the live tree while the generation
 * steps add nodes to it. A path is looked up again each time, as dtc does, so a node generated
 * earlier in the same step answers a later reference; the child-name maps are updated as nodes are
 * appended instead of being rebuilt. Labels are indexed once, since generation adds none.
 *
 * <p>The lookups follow the checks' (a lone "/" is the root, a leading '/' makes a path walked one
 * live child at a time, anything else is a label found first in pre-order); the checks' own lookup
 * caches are not reused because they would have to be rebuilt after every appended node.
 */
final class LiveNodes {

    /** Below this many children a linear scan is cheaper than building a name map. */
    private static final int CHILD_MAP_THRESHOLD = 8;

    private final Node root;
    private Map<String, Node> nodesByLabel;
    private final Map<Node, Map<String, Node>> childrenByName = new IdentityHashMap<>();

    LiveNodes(DeviceTree tree) {
        this.root = tree.root();
    }

    /** get_node_by_ref: "/" is the root, "/..." a path from the root, anything else a node label. */
    Optional<Node> byReference(String reference) {
        if (reference.equals("/")) {
            return Optional.of(root);
        }
        if (reference.startsWith("/")) {
            return byPath(reference);
        }
        if (nodesByLabel == null) {
            nodesByLabel = indexLabels();
        }
        return Optional.ofNullable(nodesByLabel.get(reference));
    }

    /**
     * get_node_by_path from the root: leading slashes are skipped at each level, each component must
     * equal a live child's full name (the first such child is taken), an empty remainder names the
     * node reached, but a lone "/" names nothing.
     */
    private Optional<Node> byPath(String path) {
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

    /** get_node_by_label's answers: the root's live labels, then live nodes in pre-order; the first node wins. */
    private Map<String, Node> indexLabels() {
        Map<String, Node> byLabel = new HashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node.hasLabelEntries()) {
                for (String label : node.labels()) {
                    byLabel.putIfAbsent(label, node);
                }
            }
            pushLiveChildren(node, stack);
        }
        return byLabel;
    }

    /** build_root_node: the first live child named {@code name}, or a new empty one appended as the last child. */
    Node childOrAppend(Node parent, String name) {
        Node found = liveChild(parent, name);
        if (found != null) {
            return found;
        }
        Node made = parent.addChild(new Node(name));
        Map<String, Node> byName = childrenByName.get(parent);
        if (byName != null) {
            byName.putIfAbsent(name, made);
        }
        return made;
    }

    /** get_subnode: the first live child with exactly this name, or null. */
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
        return childrenByName.computeIfAbsent(parent, LiveNodes::indexChildren).get(name);
    }

    private static Map<String, Node> indexChildren(Node parent) {
        Map<String, Node> byName = new HashMap<>();
        List<Node> all = parent.childrenWithDeleted();
        for (Node c : all) {
            if (!c.isDeleted()) {
                byName.putIfAbsent(c.name(), c);
            }
        }
        return byName;
    }

    /** Pushes the live children so that they pop in order. */
    static void pushLiveChildren(Node node, Deque<Node> stack) {
        for (int i = node.childCount() - 1; i >= 0; i--) {
            Node c = node.childAt(i);
            if (!c.isDeleted()) {
                stack.push(c);
            }
        }
    }
}
