package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.tree;
import static dev.hwdesc.fdt.check.Values.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Shapes that a check walking the tree per node, or comparing every pair of siblings, would make
 * quadratic. Each must take a small multiple of one pass over the tree; the time limits are loose
 * enough for a slow machine and far below what quadratic work would need.
 */
class ScaleTest {

    private static final int WIDE = 200_000;

    private static long run(DeviceTree t, List<String> messages) {
        long start = System.nanoTime();
        Checker.run(t, CheckSelection.defaults(), new Checker.Settings("out.dtb", 0, PhandleFormat.EPAPR, false),
                messages::add);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One bus with 200,000 children, each referenced by label from the next and by path from an alias. */
    @Test
    void wideTreeWithReferences() {
        Node root = new Node("");
        root.addProperty("#address-cells", PropertyValue.ofCells(1));
        root.addProperty("#size-cells", PropertyValue.ofCells(1));
        Node bus = root.addChild(new Node("bus"));
        bus.addProperty("compatible", PropertyValue.ofStrings("simple-bus"));
        bus.addProperty("#address-cells", PropertyValue.ofCells(1));
        bus.addProperty("#size-cells", PropertyValue.ofCells(1));
        bus.addProperty("ranges", PropertyValue.empty());
        Node aliases = root.addChild(new Node("aliases"));
        for (int i = 0; i < WIDE; i++) {
            Node d = bus.addChild(new Node("dev@" + Integer.toHexString(i)));
            d.addLabel("d" + i);
            d.addProperty("reg", PropertyValue.ofCells(i, 1));
            d.addProperty("#clock-cells", PropertyValue.ofCells(0));
            if (i > 0) {
                d.addProperty("clocks", cells("d" + (i - 1)));
            }
            if (i % 10 == 0) {
                aliases.addProperty("serial" + i,
                        PropertyValue.builder().marker(new Marker.PathRef(0, "d" + i)).build());
            }
        }
        List<String> messages = new ArrayList<>();
        long ms = run(tree(root), messages);
        assertEquals(List.of(), messages);
        assertEquals(1, bus.children().get(0).phandle(), "phandles were written in walk order");
        assertEquals(2, bus.children().get(1).phandle());
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    /** 200,000 siblings sharing one name and one unit address: the messages are many, the work per message small. */
    @Test
    void manyDuplicateSiblingsStayLinearInTheOutput() {
        Node root = new Node("");
        root.addProperty("#address-cells", PropertyValue.ofCells(1));
        root.addProperty("#size-cells", PropertyValue.ofCells(0));
        for (int i = 0; i < WIDE; i++) {
            root.addChild(new Node("n@" + Integer.toHexString(i))).addProperty("reg", PropertyValue.ofCells(i));
        }
        root.addChild(new Node("n@0")).addProperty("reg", PropertyValue.ofCells(0));
        List<String> messages = new ArrayList<>();
        long ms = run(tree(root), messages);
        assertEquals(List.of("out.dtb: ERROR (duplicate_node_names): /n@0: Duplicate node name\n"), messages);
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    /** The checker on a 1,000,000-node tree (runs under CI, or with -Dhwdesc.ci=true). */
    @Test
    void millionNodes() {
        Assumptions.assumeTrue(Boolean.getBoolean("hwdesc.ci") || "true".equalsIgnoreCase(System.getenv("CI")),
                "a slow suite: runs under CI");
        Node root = new Node("");
        root.addProperty("#address-cells", PropertyValue.ofCells(1));
        root.addProperty("#size-cells", PropertyValue.ofCells(1));
        Node intc = root.addChild(new Node("intc"));
        intc.addProperty("interrupt-controller", PropertyValue.empty());
        intc.addProperty("#interrupt-cells", PropertyValue.ofCells(1));
        intc.addProperty("#address-cells", PropertyValue.ofCells(0));
        intc.addProperty("phandle", PropertyValue.ofCells(1));
        for (int i = 0; i < 1000; i++) {
            Node bus = root.addChild(new Node("bus@" + Integer.toHexString(i)));
            bus.addProperty("compatible", PropertyValue.ofStrings("simple-bus"));
            bus.addProperty("reg", PropertyValue.ofCells(i, 1));
            bus.addProperty("#address-cells", PropertyValue.ofCells(1));
            bus.addProperty("#size-cells", PropertyValue.ofCells(1));
            bus.addProperty("ranges", PropertyValue.empty());
            for (int j = 0; j < 999; j++) {
                Node d = bus.addChild(new Node("dev@" + Integer.toHexString(j)));
                d.addProperty("compatible", PropertyValue.ofStrings("vendor,dev"));
                d.addProperty("reg", PropertyValue.ofCells(j, 1));
                d.addProperty("interrupt-parent", PropertyValue.ofCells(1));
                d.addProperty("interrupts", PropertyValue.ofCells(j));
                d.addProperty("status", PropertyValue.ofStrings("okay"));
            }
        }
        DeviceTree t = tree(root);
        List<String> messages = new ArrayList<>();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            messages.clear();
            best = Math.min(best, run(t, messages));
        }
        System.out.println("checks on 1,000,002 nodes: best of 3 runs " + best + " ms");
        assertEquals(List.of(), messages);
        assertTrue(best < 10_000, "took " + best + " ms");
    }
}
