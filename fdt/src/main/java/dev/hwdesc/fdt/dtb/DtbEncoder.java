package dev.hwdesc.fdt.dtb;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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
        DtbWriter w = new DtbWriter(options, tree.reservations());
        boolean legacy = options.version().fullPathNames();
        // An explicit stack keeps deep trees off the Java call stack.
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(open(w, tree.root(), legacy));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.children().hasNext()) {
                Node child = top.children().next();
                if (!child.isDeleted()) {
                    stack.push(open(w, child, legacy));
                }
            } else {
                w.endNode(top.handle());
                stack.pop();
            }
        }
        return w.finish(tree.bootCpuId(), warnings);
    }

    private record Frame(Node node, DtbWriter.NodeHandle handle, Iterator<Node> children) {
    }

    private static Frame open(DtbWriter w, Node node, boolean legacy) {
        DtbWriter.NodeHandle h = w.beginNode(legacy ? node.fullPath() : node.name());
        boolean sawName = false;
        for (Property p : node.propertiesWithDeleted()) {
            if (p.isDeleted()) {
                continue;
            }
            sawName |= p.name().equals("name");
            w.property(p.name(), p.value());
        }
        if (legacy && !sawName) {
            byte[] base = (node.baseName() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            w.property("name", PropertyValue.ofBytes(base));
        }
        return new Frame(node, h, node.childrenWithDeleted().iterator());
    }
}
