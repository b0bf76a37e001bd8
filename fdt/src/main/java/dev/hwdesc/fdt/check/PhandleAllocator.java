package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.PropertyValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The phandles of one dtc run: which live node has which phandle, and dtc's get_node_phandle, which
 * gives a node without one the next free value of a counter that starts at 1, never goes back and
 * skips values already taken, and appends "linux,phandle" and/or "phandle" properties as the
 * {@link PhandleFormat} says. The checks use it, and so must whatever assigns phandles after them in
 * the same run (dtc's -@ symbols), so that the counter carries on where the checks left it.
 */
public final class PhandleAllocator {

    private static final long NONE = 0;
    private static final long UNRESOLVED = 0xffffffffL;

    private final PhandleFormat format;
    private final Map<Long, Node> nodesByPhandle = new HashMap<>();
    private long counter = 1;

    public PhandleAllocator(PhandleFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    public PhandleFormat format() {
        return format;
    }

    /** dtc's get_node_by_phandle: the live node with this phandle, never one for 0 or 0xffffffff. */
    public Optional<Node> nodeWithPhandle(long phandle) {
        if (phandle == NONE || phandle == UNRESOLVED) {
            return Optional.empty();
        }
        Node n = nodesByPhandle.get(phandle);
        return n == null || n.isDeleted() ? Optional.empty() : Optional.of(n);
    }

    /** Gives {@code node} the phandle its properties declare (dtc's check_explicit_phandles does this). */
    public void record(Node node, long phandle) {
        node.setPhandle(phandle);
        Node earlier = nodesByPhandle.get(phandle);
        if (earlier == null || earlier.isDeleted()) {
            nodesByPhandle.put(phandle, node);
        }
    }

    /**
     * dtc's get_node_phandle: the node's phandle, allocating one (and adding its properties) when
     * it has none yet.
     */
    public long phandleOf(Node node) {
        long current = node.phandle();
        if (current != NONE && current != UNRESOLVED) {
            return current;
        }
        while (nodeWithPhandle(counter).isPresent()) {
            counter = (counter + 1) & 0xffffffffL;
        }
        long phandle = counter;
        if (format.writesLegacy() && !node.hasProperty("linux,phandle")) {
            node.addProperty("linux,phandle", PropertyValue.ofCells(phandle));
        }
        if (format.writesEpapr() && !node.hasProperty("phandle")) {
            node.addProperty("phandle", PropertyValue.ofCells(phandle));
        }
        record(node, phandle);
        return phandle;
    }

    /** Forgets every recorded phandle (the counter keeps its value). */
    void forgetAll() {
        nodesByPhandle.clear();
    }
}
