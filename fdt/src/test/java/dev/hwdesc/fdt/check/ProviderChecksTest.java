package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.at;
import static dev.hwdesc.fdt.check.CheckRun.tree;
import static dev.hwdesc.fdt.check.Values.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import org.junit.jupiter.api.Test;

/** Phandle-plus-arguments lists: what only a compiled source (with markers) can show. */
class ProviderChecksTest {

    /**
     * dtc 1.6.1 on {@code clk: clk { #clock-cells = <0>; }; dev { clocks = <&clk &clk 1>; };}: cell 2
     * is read as a phandle (1, which is clk's) but was written as a number.
     */
    @Test
    void aCellThatShouldBeAPhandleButWasWrittenAsANumber() {
        Node root = new Node("");
        Node clk = root.addChild(new Node("clk"));
        clk.addLabel("clk");
        clk.addProperty("#clock-cells", PropertyValue.ofCells(0));
        Node dev = root.addChild(new Node("dev"));
        dev.addProperty(new Property("clocks", cells("clk", "clk", 1), at("cr.dts", 4, 8, 31)));
        assertEquals("cr.dts:4.8-31: Warning (clocks_property): /dev:clocks: cell 2 is not a phandle reference\n",
                CheckRun.of(tree(root)).text());
    }

    @Test
    void withoutMarkersOnlyTheNumbersCount() {
        Node root = new Node("");
        Node clk = root.addChild(new Node("clk"));
        clk.addProperty("#clock-cells", PropertyValue.ofCells(1));
        clk.addProperty("phandle", PropertyValue.ofBytes(new byte[] {0, 0, 0, 1}));
        root.addChild(new Node("plain")).addProperty("phandle", PropertyValue.ofBytes(new byte[] {0, 0, 0, 2}));
        Node dev = root.addChild(new Node("dev"));
        dev.addProperty("clocks", PropertyValue.ofBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 1}));
        dev.addProperty("resets", PropertyValue.ofBytes(new byte[] {0, 0, 0, 2}));
        dev.addProperty("pwms", PropertyValue.ofBytes(new byte[] {0, 0, 0, 9}));
        dev.addProperty("msi-parent", PropertyValue.ofBytes(new byte[] {0, 0, 0, 2}));
        assertEquals("""
                out.dtb: Warning (clocks_property): /dev:clocks: property size (12) too small for cell size 1
                out.dtb: Warning (pwms_property): /dev:pwms: Could not get phandle node for (cell 0)
                out.dtb: Warning (resets_property): /dev: Missing property '#reset-cells' in node /plain or bad phandle (referred from resets[0])
                """, CheckRun.of(tree(root)).text(), "#msi-cells is optional");
    }
}
