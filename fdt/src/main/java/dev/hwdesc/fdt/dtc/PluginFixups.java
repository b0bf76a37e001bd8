package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.check.NodePaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc 1.6.1's generate_fixups_tree and generate_local_fixups_tree, run on every {@code /plugin/}
 * tree: each {@code <&ref>} of a live property of a live node, visited in pre-order, property order
 * and marker order, is looked up again (not judged by the cell the checks wrote) and recorded for
 * the overlay loader.
 *
 * <ul>
 * <li>Unresolved: the property of /__fixups__ named by the reference text (the label, or the raw
 *     path of {@code &{/path}}: 1.6.1 does not refuse it) gets the string
 *     {@code "<node path>:<property>:<byte offset>"} appended as a string chunk. Entries are not
 *     de-duplicated, and existing content is kept in front.</li>
 * <li>Resolved: /__local_fixups__ gets the referencing node's path mirrored (the nodes made on first
 *     use, top down, each appended to its parent), and the property named like the referencing one
 *     gets the byte offset appended as a 32-bit cell chunk.</li>
 * <li>/__fixups__ is made (or reused) only if some reference is unresolved, and
 *     /__local_fixups__ only if some is resolved, each asked before it is made and before its walk;
 *     both are then appended as last root children if new. Paths are looked up on the tree as it is
 *     at that moment, so a reference to a generated node counts as resolved once that node exists.</li>
 * <li>An unresolved reference from a node whose path, or a property whose name, has a ':' in it
 *     makes dtc die. DTS cannot express that (dtc reads {@code a:b} as label a on b); a built tree
 *     can.</li>
 * </ul>
 */
final class PluginFixups {

    /** What dtc dies with, printed as {@code FATAL ERROR: <message>}. */
    static final class FatalError extends Exception {
        private static final long serialVersionUID = 1L;

        FatalError(String message) {
            super(message);
        }
    }

    /** One {@code <&ref>} of a live property: where it is and what it names. */
    private record Reference(Node node, Property property, Marker.PhandleRef marker) {
    }

    private final DeviceTree tree;
    private final LiveNodes nodes;
    private final PropertyAppends appends = new PropertyAppends();

    private PluginFixups(DeviceTree tree) {
        this.tree = tree;
        this.nodes = new LiveNodes(tree);
    }

    /** Both steps, in dtc's order: __fixups__ then __local_fixups__. */
    static void generate(DeviceTree tree) throws FatalError {
        PluginFixups f = new PluginFixups(tree);
        List<Reference> references = f.references();
        if (references.isEmpty()) {
            return;
        }
        try {
            f.fixups(references);
            f.localFixups(references);
        } finally {
            f.appends.finish();
        }
    }

    /**
     * Every {@code <&ref>} in walk order. The walks of both steps see the same references: they add
     * nodes only under /__local_fixups__, and only with plain cells, and add no references.
     */
    private List<Reference> references() {
        List<Reference> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            for (int i = 0, count = node.propertyCount(); i < count; i++) {
                Property p = node.propertyAt(i);
                if (p.isDeleted()) {
                    continue;
                }
                for (Marker m : p.value().markers()) {
                    if (m instanceof Marker.PhandleRef ref) {
                        out.add(new Reference(node, p, ref));
                    }
                }
            }
            LiveNodes.pushLiveChildren(node, stack);
        }
        return out;
    }

    private boolean resolves(Reference r) {
        return nodes.byReference(r.marker().target()).isPresent();
    }

    /** generate_fixups_tree(dti, "__fixups__"). */
    private void fixups(List<Reference> references) throws FatalError {
        if (references.stream().allMatch(this::resolves)) {
            return;
        }
        Node fixups = nodes.childOrAppend(tree.root(), "__fixups__");
        // A node's references are consecutive in the list: its path is made once.
        Node pathOf = null;
        String path = null;
        for (Reference r : references) {
            if (resolves(r)) {
                continue;
            }
            if (r.node() != pathOf) {
                pathOf = r.node();
                path = NodePaths.of(pathOf);
            }
            if (path.indexOf(':') >= 0 || r.property().name().indexOf(':') >= 0) {
                throw new FatalError("arguments should not contain ':'\n");
            }
            appends.appendString(fixups, r.marker().target(),
                    path + ":" + r.property().name() + ":" + r.marker().offset());
        }
    }

    /** generate_local_fixups_tree(dti, "__local_fixups__"). */
    private void localFixups(List<Reference> references) {
        if (references.stream().noneMatch(this::resolves)) {
            return;
        }
        Node localFixups = nodes.childOrAppend(tree.root(), "__local_fixups__");
        Map<Node, Node> mirrors = new IdentityHashMap<>(references.size());
        mirrors.put(tree.root(), localFixups);
        for (Reference r : references) {
            if (resolves(r)) {
                appends.appendCell(mirror(r.node(), mirrors), r.property().name(), r.marker().offset());
            }
        }
    }

    /**
     * The node under /__local_fixups__ at the same path as {@code node}, made top down where
     * missing. A mirror once found stays the first live node of its name under its parent (nothing
     * is deleted or inserted in front meanwhile), so it is remembered.
     */
    private Node mirror(Node node, Map<Node, Node> mirrors) {
        Node known = mirrors.get(node);
        if (known != null) {
            return known;
        }
        Deque<Node> missing = new ArrayDeque<>();
        Node at = node;
        while (mirrors.get(at) == null) {
            missing.push(at);
            at = at.parent().orElseThrow();
        }
        Node mirror = mirrors.get(at);
        while (!missing.isEmpty()) {
            Node n = missing.pop();
            mirror = nodes.childOrAppend(mirror, n.name());
            mirrors.put(n, mirror);
        }
        return mirror;
    }
}
