package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.at;
import static dev.hwdesc.fdt.check.CheckRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dtc's check_msg: position, level, check name, path, property, text, and "also defined at" lines. */
class CheckMessageTest {

    /**
     * <pre>
     * /dts-v1/;
     * / {
     *     model = &lt;1&gt;;
     *     noreg@1 { };
     * };
     * / { noreg@1 { x; }; };
     * / { noreg@1 { y = &lt;1&gt;; }; };
     * </pre>
     */
    private static DeviceTree mergedTree() {
        Node root = new Node("");
        root.addPosition(new dev.hwdesc.fdt.SourcePosition("also.dts", 2, 3, 5, 2));
        root.addProperty(new Property("model", PropertyValue.ofCells(1), at("also.dts", 3, 2, 14)));
        Node noreg = root.addChild(new Node("noreg@1"));
        noreg.addPosition(at("also.dts", 4, 10, 14));
        noreg.addPosition(at("also.dts", 6, 13, 20));
        noreg.addPosition(at("also.dts", 7, 13, 26));
        noreg.addProperty(new Property("x", PropertyValue.empty(), at("also.dts", 6, 15, 16)));
        noreg.addProperty(new Property("y", PropertyValue.ofCells(1), at("also.dts", 7, 15, 24)));
        return tree(root);
    }

    @Test
    void positionsAndAlsoDefinedAtAsDtcPrintsThem() {
        CheckRun run = CheckRun.of(mergedTree());
        assertEquals("""
                also.dts:3.2-14: Warning (model_is_string): /:model: property is not a string
                also.dts:4.10-14: Warning (unit_address_vs_reg): /noreg@1: node has a unit name, but no reg or ranges property
                  also defined at also.dts:6.13-20
                  also defined at also.dts:7.13-26
                """, run.text());
        assertFalse(run.failed());
    }

    @Test
    void aCheckThatIsBothWarningAndErrorPrintsAsError() {
        CheckRun run = CheckRun.of(mergedTree(), PhandleFormat.EPAPR, false, 1, "-W", "no-model_is_string", "-E",
                "unit_address_vs_reg");
        assertEquals("""
                also.dts:4.10-14: ERROR (unit_address_vs_reg): /noreg@1: node has a unit name, but no reg or ranges property
                  also defined at also.dts:6.13-20
                  also defined at also.dts:7.13-26
                """, run.text(), "-q hides warnings, not errors");
        assertTrue(run.failed());
    }

    @Test
    void doubleQuietHidesErrorsButTheyStillCount() {
        CheckRun run = CheckRun.of(mergedTree(), PhandleFormat.EPAPR, false, 2, "-E", "unit_address_vs_reg");
        assertEquals(List.of(), run.messages());
        assertTrue(run.failed());
    }

    @Test
    void withoutPositionsTheOutputNameIsUsed() {
        Node root = new Node("");
        root.addChild(new Node("noreg@1")).addProperty("status", PropertyValue.ofCells(7));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("""
                out.dtb: Warning (status_is_string): /noreg@1:status: property is not a string
                out.dtb: Warning (unit_address_vs_reg): /noreg@1: node has a unit name, but no reg or ranges property
                """, run.text());
    }

    @Test
    void aPropertyWithoutPositionFallsBackToItsNodeWithoutAlsoDefinedLines() {
        Node root = new Node("");
        Node n = root.addChild(new Node("n"));
        n.addPosition(at("t.dts", 3, 4, 20));
        n.addPosition(at("t.dts", 5, 4, 20));
        n.addProperty("status", PropertyValue.ofCells(7));
        assertEquals("t.dts:3.4-20: Warning (status_is_string): /n:status: property is not a string\n",
                CheckRun.of(tree(root)).text());
    }

    @Test
    void failedPrerequisitesNameNoNode() {
        Node root = new Node("");
        root.addProperty("#address-cells", PropertyValue.ofCells(1, 2));
        root.addChild(new Node("dev@1")).addProperty("reg", PropertyValue.ofCells(1));
        CheckRun run = CheckRun.of(tree(root), "-W", "no-unit_address_vs_reg");
        assertEquals("out.dtb: Warning (address_cells_is_cell): /:#address-cells: property is not a single cell\n",
                run.messages().get(0));
        assertEquals("out.dtb: Warning (addr_size_cells): Failed prerequisite 'address_cells_is_cell'\n",
                run.messages().get(1));
        assertEquals("out.dtb: Warning (reg_format): Failed prerequisite 'addr_size_cells'\n",
                run.messages().get(2));
    }

    @Test
    void disabledPrerequisitesStillRunSilently() {
        Node root = new Node("");
        root.addChild(new Node("a")).addProperty("phandle", PropertyValue.ofCells(0));
        CheckRun run = CheckRun.of(tree(root), "-E", "no-explicit_phandles");
        assertEquals(17, run.messages().size());
        assertEquals("out.dtb: Warning (clocks_property): Failed prerequisite 'phandle_references'\n",
                run.messages().get(0));
        assertEquals("out.dtb: Warning (gpios_property): Failed prerequisite 'phandle_references'\n",
                run.messages().get(16));
        assertFalse(run.failed());
    }

    @Test
    void unresolvedReferenceMessagesEndWithAnEmptyLine() {
        Node root = new Node("");
        Node user = root.addChild(new Node("user"));
        user.addPosition(at("pr.dts", 5, 7, 45));
        user.addProperty(new Property("x", PropertyValue.builder().chunk(dev.hwdesc.fdt.ValueType.CELLS32)
                .marker(new dev.hwdesc.fdt.Marker.PhandleRef(0, "nope")).element(4, 0xffffffffL).build(),
                at("pr.dts", 5, 9, 44)));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("pr.dts:5.7-45: ERROR (phandle_references): /user: Reference to non-existent node or label "
                + "\"nope\"\n\n", run.text());
        assertTrue(run.failed());
    }
}
