package dev.hwdesc.fdt.dtb;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Flattens a {@link DeviceTree} into a blob as dtc's flatten_tree does: live nodes in pre-order,
 * live properties in order, deleted entries skipped; versions below 16 name nodes by full path and
 * add a "name" property to nodes that lack one.
 */
public final class DtbEncoder {

    private DtbEncoder() {
    }

    public static byte[] encode(DeviceTree tree) {
        return encode(tree, DtbWriteOptions.DEFAULT, w -> { });
    }

    public static byte[] encode(DeviceTree tree, DtbWriteOptions options, Consumer<String> warnings) {
        boolean legacy = options.version().fullPathNames();
        // The buffer starts small and doubles: sizing it exactly would take a second walk of the
        // tree, which costs more than the copies (measured on QEMU's DTB and a 100,000-node tree).
        DtbWriter w = new DtbWriter(options, tree.reservations(), 8192);
        if (tree.root().isDeleted()) {
            return w.finish(tree.bootCpuId(), warnings); // dtc's flatten_tree writes nothing for a deleted root
        }
        // An explicit stack keeps deep trees off the Java call stack.
        Node[] nodes = new Node[16];
        DtbWriter.NodeHandle[] handles = new DtbWriter.NodeHandle[16];
        int[] nextChild = new int[16];
        int depth = 0;
        nodes[0] = tree.root();
        handles[0] = open(w, tree.root(), legacy);
        depth = 1;
        while (depth > 0) {
            Node top = nodes[depth - 1];
            int count = top.childCount();
            int i = nextChild[depth - 1];
            while (i < count && top.childAt(i).isDeleted()) {
                i++;
            }
            if (i < count) {
                nextChild[depth - 1] = i + 1;
                Node child = top.childAt(i);
                if (depth == nodes.length) {
                    nodes = Arrays.copyOf(nodes, depth * 2);
                    handles = Arrays.copyOf(handles, depth * 2);
                    nextChild = Arrays.copyOf(nextChild, depth * 2);
                }
                nodes[depth] = child;
                handles[depth] = open(w, child, legacy);
                nextChild[depth] = 0;
                depth++;
            } else {
                depth--;
                w.endNode(handles[depth]);
                nodes[depth] = null;
                handles[depth] = null;
            }
        }
        return w.finish(tree.bootCpuId(), warnings);
    }

    private static DtbWriter.NodeHandle open(DtbWriter w, Node node, boolean legacy) {
        DtbWriter.NodeHandle h = w.beginNode(legacy ? node.fullPath() : node.name());
        boolean sawName = false;
        for (int i = 0, n = node.propertyCount(); i < n; i++) {
            Property p = node.propertyAt(i);
            if (p.isDeleted()) {
                continue;
            }
            sawName |= legacy && p.name().equals("name");
            w.property(p.name(), p.value());
        }
        if (legacy && !sawName) {
            byte[] base = (node.baseName() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            w.property("name", PropertyValue.ofBytes(base));
        }
        return h;
    }
}
