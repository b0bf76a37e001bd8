package dev.hwdesc.fdt.dtc;

import static dev.hwdesc.fdt.dtc.DtcRun.cells;
import static dev.hwdesc.fdt.dtc.DtcRun.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import org.junit.jupiter.api.Test;

/**
 * Shapes that a generation step walking the tree per reference or label, rebuilding a value per
 * appended entry, or recursing per level would make quadratic or overflow the stack. The time limits
 * are loose enough for a slow machine and far below what quadratic work would need.
 */
class GenerationScaleTest {

    private static final int WIDE = 100_000;
    private static final int DEEP = 20_000;

    /**
     * One node with 100,000 labelled children, each referencing the one before it (a local fixup in
     * a node of its own) and one unknown label (100,000 entries in one /__fixups__ property); -@ and
     * -A list them all.
     */
    @Test
    void wideOverlay() {
        Node root = new Node("");
        Node bus = root.addChild(new Node("bus"));
        for (int i = 0; i < WIDE; i++) {
            Node d = bus.addChild(new Node("dev" + i));
            d.addLabel("d" + i);
            d.addProperty("#clock-cells", PropertyValue.ofCells(0));
            if (i > 0) {
                d.addProperty("clocks", cells("d" + (i - 1)));
            }
            d.addProperty("ext", cells(1, "ext"));
        }
        long start = System.nanoTime();
        DtcRun run = DtcRun.of(plugin(root), "-@", "-A");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DtcProcessor.Outcome.OK, run.outcome());
        assertEquals("", run.stderr());
        assertEquals(WIDE - 1, bus.childAt(WIDE - 2).phandle(), "the references numbered all but the last");
        assertEquals(WIDE, bus.childAt(WIDE - 1).phandle(), "-@ numbered the last");
        assertEquals(WIDE, root.child("__symbols__").orElseThrow().propertyCount());
        assertEquals(WIDE, root.child("aliases").orElseThrow().propertyCount());
        PropertyValue ext = root.child("__fixups__").flatMap(n -> n.value("ext")).orElseThrow();
        assertEquals(WIDE, ext.markers().size());
        assertEquals("/bus/dev99999:ext:4", ext.strings().get(WIDE - 1));
        Node mirror = root.child("__local_fixups__").flatMap(n -> n.child("bus")).orElseThrow();
        assertEquals(WIDE - 1, mirror.childCount());
        assertEquals("dev99999", mirror.childAt(WIDE - 2).name());
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    /** A chain 20,000 levels deep whose deepest node is labelled, referenced and referencing. */
    @Test
    void deepOverlay() {
        Node root = new Node("");
        Node at = root;
        for (int i = 0; i < DEEP; i++) {
            at = at.addChild(new Node("n"));
        }
        Node deepest = at;
        deepest.addLabel("deep");
        deepest.addProperty("self", cells("deep", "ext"));
        root.addProperty("r", cells("deep"));
        long start = System.nanoTime();
        DtcRun run = DtcRun.of(plugin(root), "-@");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DtcProcessor.Outcome.OK, run.outcome());
        assertEquals(1, deepest.phandle());
        String path = "/n".repeat(DEEP);
        assertEquals(path, root.child("__symbols__").flatMap(n -> n.value("deep")).orElseThrow().firstString());
        assertEquals(path + ":self:4",
                root.child("__fixups__").flatMap(n -> n.value("ext")).orElseThrow().firstString());
        Node mirror = root.child("__local_fixups__").orElseThrow();
        assertEquals(0, mirror.value("r").orElseThrow().u32At(0));
        for (int i = 0; i < DEEP; i++) {
            mirror = mirror.child("n").orElseThrow();
        }
        assertEquals(0, mirror.value("self").orElseThrow().u32At(0));
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }
}
