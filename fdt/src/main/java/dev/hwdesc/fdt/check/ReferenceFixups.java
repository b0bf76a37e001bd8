package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * dtc's reference checks, which are also fixups: they record explicit phandles, resolve
 * {@code <&ref>} (assigning phandles) and {@code = &ref} (splicing in paths), and delete
 * unreferenced /omit-if-no-ref/ nodes.
 */
final class ReferenceFixups {

    private static final long UNRESOLVED = 0xffffffffL;

    private ReferenceFixups() {
    }

    static final CheckDefinition EXPLICIT_PHANDLES = CheckDefinition.error("explicit_phandles",
            Candidates.withProperty("phandle", "linux,phandle"), (ctx, n) -> {
                Node node = n.node();
                long phandle = explicitPhandle(ctx, n, "phandle");
                long legacy = explicitPhandle(ctx, n, "linux,phandle");
                if (phandle == 0 && legacy == 0) {
                    return;
                }
                if (legacy != 0 && phandle != 0 && phandle != legacy) {
                    ctx.fail(node, "mismatching 'phandle' and 'linux,phandle' properties");
                }
                if (legacy != 0 && phandle == 0) {
                    phandle = legacy;
                }
                Optional<Node> other = ctx.phandles().nodeWithPhandle(phandle);
                if (other.isPresent() && other.get() != node) {
                    ctx.fail(node, String.format("duplicated phandle 0x%x (seen before at %s)", phandle,
                            ctx.pathOf(other.get())));
                    return;
                }
                ctx.phandles().record(node, phandle);
            });

    /**
     * dtc's check_phandle_prop: the phandle a property declares, or 0 when it declares none (absent,
     * bad, or a reference to the node itself, which asks for one to be allocated).
     */
    private static long explicitPhandle(CheckContext ctx, CheckedNode n, String propertyName) {
        Node node = n.node();
        Optional<Property> found = n.property(propertyName);
        if (found.isEmpty()) {
            return 0;
        }
        Property p = found.get();
        PropertyValue v = p.value();
        if (v.length() != 4) {
            ctx.failProperty(node, p, "bad length (" + v.length() + ") " + p.name() + " property");
            return 0;
        }
        for (Marker m : v.markers()) {
            if (m instanceof Marker.PhandleRef ref) {
                Optional<Node> target = ctx.lookup().nodeByReference(ref.target());
                if (target.isEmpty() || target.get() != node) {
                    ctx.fail(node, p.name() + " is a reference to another node");
                }
                return 0;
            }
        }
        long phandle = v.u32At(0);
        if (Cells.isNoPhandle(phandle)) {
            ctx.failProperty(node, p, String.format("bad value (0x%x) in %s property", phandle, p.name()));
            return 0;
        }
        return phandle;
    }

    /** Writes each {@code <&ref>} cell; in a plugin an unknown target is left for the loader as 0xffffffff. */
    static final CheckDefinition PHANDLE_REFERENCES = CheckDefinition.error("phandle_references",
            TreeFacts::withPhandleReferences, (ctx, n) -> {
                Node node = n.node();
                for (Property p : new ArrayList<>(node.properties())) {
                    List<Marker> markers = p.value().markers();
                    for (Marker m : markers) {
                        if (!(m instanceof Marker.PhandleRef ref)) {
                            continue;
                        }
                        Optional<Node> target = ctx.lookup().nodeByReference(ref.target());
                        if (target.isEmpty()) {
                            if (!ctx.isPlugin()) {
                                ctx.fail(node, "Reference to non-existent node or label \"" + ref.target() + "\"\n");
                            } else {
                                p.setValue(p.value().withU32At(ref.offset(), UNRESOLVED));
                            }
                            continue;
                        }
                        int propertiesBefore = target.get().propertiesWithDeleted().size();
                        long phandle = ctx.phandles().phandleOf(target.get());
                        if (target.get().propertiesWithDeleted().size() != propertiesBefore) {
                            ctx.facts().propertiesChanged(target.get());
                        }
                        p.setValue(p.value().withU32At(ref.offset(), phandle));
                        target.get().setReferenced(true);
                    }
                }
            }, "duplicate_node_names", "explicit_phandles");

    /** Splices each {@code = &ref} target's full path and a NUL into the value at the reference. */
    static final CheckDefinition PATH_REFERENCES = CheckDefinition.error("path_references",
            TreeFacts::withPathReferences, (ctx, n) -> {
                Node node = n.node();
                for (Property p : node.properties()) {
                    for (int i = 0; i < p.value().markers().size(); i++) {
                        if (!(p.value().markers().get(i) instanceof Marker.PathRef ref)) {
                            continue;
                        }
                        Optional<Node> target = ctx.lookup().nodeByReference(ref.target());
                        if (target.isEmpty()) {
                            ctx.fail(node, "Reference to non-existent node or label \"" + ref.target() + "\"\n");
                            continue;
                        }
                        byte[] path = (NodePaths.of(target.get()) + "\0").getBytes(StandardCharsets.ISO_8859_1);
                        p.setValue(p.value().withBytesInsertedAtMarker(i, path));
                        target.get().setReferenced(true);
                    }
                }
            }, "duplicate_node_names");

    /** Deletes an /omit-if-no-ref/ node nothing referenced (with -@, labelled nodes stay). */
    static final CheckDefinition OMIT_UNUSED_NODES = CheckDefinition.error("omit_unused_nodes",
            TreeFacts::omitIfNoRef, (ctx, n) -> {
                Node node = n.node();
                if (ctx.settings().symbols() && !node.labelEntries().isEmpty()) {
                    return;
                }
                if (node.isOmitIfNoRef() && !node.isReferenced()) {
                    deleteSubtree(node);
                    ctx.facts().subtreeDeleted(n);
                    ctx.treeChanged();
                }
            }, "phandle_references", "path_references");

    /** dtc's delete_node without recursion: deepest nodes first, so each delete() finds its children done. */
    private static void deleteSubtree(Node top) {
        List<Node> order = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Node x = stack.pop();
            order.add(x);
            for (Node c : x.children()) {
                stack.push(c);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).delete();
        }
    }
}
