package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.List;

/** Small trees for the tests, written the way DTS reads: nodes of properties and children. */
final class Trees {

    /** The phandle of the GIC in {@link #vm}. */
    static final long GIC = 1;

    private Trees() {
    }

    static Node node(String name, Object... parts) {
        Node n = new Node(name);
        for (Object part : parts) {
            if (part instanceof Property p) {
                n.addProperty(p);
            } else if (part instanceof Node child) {
                n.addChild(child);
            } else {
                throw new IllegalArgumentException("not a property or node: " + part);
            }
        }
        return n;
    }

    static Property cells(String name, long... cells) {
        return new Property(name, PropertyValue.ofCells(cells));
    }

    static Property strings(String name, String... strings) {
        return new Property(name, PropertyValue.ofStrings(strings));
    }

    static Property empty(String name) {
        return new Property(name, PropertyValue.empty());
    }

    static Property bytes(String name, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new Property(name, PropertyValue.ofBytes(b));
    }

    /** An interrupts property of SPIs, level-high. */
    static Property spis(long... numbers) {
        long[] cells = new long[numbers.length * 3];
        for (int i = 0; i < numbers.length; i++) {
            cells[3 * i + 1] = numbers[i];
            cells[3 * i + 2] = 4;
        }
        return cells("interrupts", cells);
    }

    /**
     * A root with 2-cell addresses and sizes whose interrupt-parent is a GICv3 (phandle {@link #GIC})
     * at 0x8000000, and {@code devices} beside it.
     */
    static Node vm(Object... devices) {
        Node root = node("", cells("#address-cells", 2), cells("#size-cells", 2), cells("interrupt-parent", GIC),
                strings("compatible", "test,vm"), strings("model", "test"), gicV3());
        for (Object d : devices) {
            if (d instanceof Node n) {
                root.addChild(n);
            } else {
                root.addProperty((Property) d);
            }
        }
        return root;
    }

    static Node gicV3(Object... more) {
        Node gic = node("intc@8000000", strings("compatible", "arm,gic-v3"), empty("interrupt-controller"),
                cells("#interrupt-cells", 3), cells("reg", 0, 0x8000000, 0, 0x10000, 0, 0x80a0000, 0, 0xf60000),
                cells("phandle", GIC));
        for (Object m : more) {
            if (m instanceof Node n) {
                gic.addChild(n);
            } else {
                gic.addProperty((Property) m);
            }
        }
        return gic;
    }

    static PlatformReading read(Node root) {
        return TreeToPlatform.read(new DeviceTree(root, List.of(), 0));
    }

    /** The uninterpreted entries as text ("path property: reason"). */
    static List<String> left(PlatformReading r) {
        return r.uninterpreted().stream().map(Uninterpreted::toString).toList();
    }
}
