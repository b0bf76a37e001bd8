package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.check.NodePaths;
import dev.hwdesc.fdt.check.PhandleAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * dtc 1.6.1's generate_label_tree: {@code -A} fills /aliases and {@code -@} fills /__symbols__ with
 * one property per node label, {@code label = "<full path>"}; {@code -@} also gives every labelled
 * node a phandle.
 *
 * <ul>
 * <li>Nothing happens unless a live node has a label entry; a deleted one counts, as dtc tests the
 *     node's label list, so such a tree gets an empty node.</li>
 * <li>The node is the first live root child of that name, or a new one appended as the last.</li>
 * <li>Live nodes are visited in pre-order (the generated node too), each node's live labels in list
 *     order. A name the node already has is skipped with {@code WARNING: label X already exists in
 *     /NAME} on stderr, without a newline and whatever {@code -q} says.</li>
 * <li>The value is the path's bytes and a NUL with no type marker (dtc's data_copy_mem), so the DTS
 *     printer guesses a string.</li>
 * <li>For {@code -@}, a node with a label entry (even only deleted ones) then gets its phandle from
 *     the run's allocator, after those the checks assigned.</li>
 * </ul>
 */
final class LabelTree {

    private LabelTree() {
    }

    /** {@code -A}: generate_label_tree(dti, "aliases", false). */
    static void aliases(DeviceTree tree, Consumer<String> stderr) {
        generate(tree, "aliases", Optional.empty(), stderr);
    }

    /** {@code -@}: generate_label_tree(dti, "__symbols__", true), phandles from the run's allocator. */
    static void symbols(DeviceTree tree, PhandleAllocator phandles, Consumer<String> stderr) {
        generate(tree, "__symbols__", Optional.of(phandles), stderr);
    }

    /** dtc's any_label_tree: true when a live node (or the root) has a label entry, deleted or not. */
    static boolean anyLabels(DeviceTree tree) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node.hasLabelEntries()) {
                return true;
            }
            LiveNodes.pushLiveChildren(node, stack);
        }
        return false;
    }

    private static void generate(DeviceTree tree, String name, Optional<PhandleAllocator> phandles,
            Consumer<String> stderr) {
        if (!anyLabels(tree)) {
            return;
        }
        Node root = tree.root();
        Node target = new LiveNodes(tree).childOrAppend(root, name);
        Set<String> taken = new HashSet<>();
        for (int i = 0, count = target.propertyCount(); i < count; i++) {
            Property p = target.propertyAt(i);
            if (!p.isDeleted()) {
                taken.add(p.name());
            }
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node.hasLabelEntries()) {
                PropertyValue path = null;
                for (String label : node.labels()) {
                    if (!taken.add(label)) {
                        stderr.accept("WARNING: label " + label + " already exists in /" + target.name());
                        continue;
                    }
                    if (path == null) {
                        path = pathValue(node);
                    }
                    target.addProperty(label, path);
                }
                phandles.ifPresent(p -> p.phandleOf(node));
            }
            LiveNodes.pushLiveChildren(node, stack);
        }
    }

    /** The node's full path and a NUL, with no markers. */
    private static PropertyValue pathValue(Node node) {
        byte[] path = NodePaths.of(node).getBytes(StandardCharsets.ISO_8859_1);
        byte[] value = new byte[path.length + 1];
        System.arraycopy(path, 0, value, 0, path.length);
        return PropertyValue.ofOwnedSlice(value, 0, value.length);
    }
}
