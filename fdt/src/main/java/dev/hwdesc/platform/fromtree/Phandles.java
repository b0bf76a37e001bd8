package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every node's phandle, indexed once: from the "phandle" and "linux,phandle" properties (what a DTB
 * holds) or, for a tree compiled in memory, the phandle dtc assigned. The first node in pre-order
 * keeps a value given twice, as libfdt's lookup would find it.
 */
final class Phandles {

    private final Map<Long, Node> byValue = new HashMap<>();

    static Phandles of(List<Node> preOrder) {
        Phandles p = new Phandles();
        for (Node n : preOrder) {
            for (String name : new String[] {"phandle", "linux,phandle"}) {
                n.value(name).flatMap(Phandles::cell).ifPresent(v -> p.byValue.putIfAbsent(v, n));
            }
            if (n.phandle() != 0 && n.phandle() != 0xffffffffL) {
                p.byValue.putIfAbsent(n.phandle(), n);
            }
        }
        return p;
    }

    Optional<Node> node(long phandle) {
        return Optional.ofNullable(byValue.get(phandle));
    }

    /** The node {@code cells[index]} names, or why it names none. */
    Node node(Cells cells, int index) throws Malformed {
        long v = cells.u32(index);
        Node n = byValue.get(v);
        if (n == null) {
            throw new Malformed(String.format("%s: phandle 0x%x names no node", cells.name(), v));
        }
        return n;
    }

    /** True when {@code p} is a phandle property by which the index finds its node. */
    boolean isOwnPhandle(Node node, Property p) {
        if (!p.name().equals("phandle") && !p.name().equals("linux,phandle")) {
            return false;
        }
        return cell(p.value()).map(v -> byValue.get(v) == node).orElse(false);
    }

    private static Optional<Long> cell(PropertyValue v) {
        if (v.length() != 4) {
            return Optional.empty();
        }
        long value = v.u32At(0);
        return value == 0 || value == 0xffffffffL ? Optional.empty() : Optional.of(value);
    }
}
