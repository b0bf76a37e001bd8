package dev.hwdesc.fdt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps from full path, label and phandle to live nodes, built in one walk so that lookups are O(1).
 * Where dtc would return the first match of a pre-order walk, so does this index.
 */
public final class TreeIndex {

    private final Map<String, Node> byPath;
    private final Map<String, Node> byLabel;
    private final Map<Long, Node> byPhandle;
    private final List<Node> preOrder;

    private TreeIndex(Map<String, Node> byPath, Map<String, Node> byLabel, Map<Long, Node> byPhandle,
            List<Node> preOrder) {
        this.byPath = byPath;
        this.byLabel = byLabel;
        this.byPhandle = byPhandle;
        this.preOrder = preOrder;
    }

    public static TreeIndex of(DeviceTree tree) {
        Map<String, Node> byPath = new HashMap<>();
        Map<String, Node> byLabel = new HashMap<>();
        Map<Long, Node> byPhandle = new HashMap<>();
        List<Node> order = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        if (!tree.root().isDeleted()) {
            stack.push(tree.root());
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            order.add(n);
            byPath.putIfAbsent(n.fullPath(), n);
            for (String l : n.labels()) {
                byLabel.putIfAbsent(l, n);
            }
            if (n.phandle() != 0) {
                byPhandle.putIfAbsent(n.phandle(), n);
            }
            for (int i = n.childCount() - 1; i >= 0; i--) {
                Node kid = n.childAt(i);
                if (!kid.isDeleted()) {
                    stack.push(kid);
                }
            }
        }
        return new TreeIndex(byPath, byLabel, byPhandle, Collections.unmodifiableList(order));
    }

    /** The live node at a full path such as {@code /cpus/cpu@0}. */
    public Optional<Node> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The first live node (in pre-order) carrying this label. */
    public Optional<Node> byLabel(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    /** The first live node (in pre-order) with this phandle. */
    public Optional<Node> byPhandle(long phandle) {
        return Optional.ofNullable(byPhandle.get(phandle));
    }

    /** Every live node in pre-order (parents before children, siblings in order). */
    public List<Node> nodes() {
        return preOrder;
    }
}
