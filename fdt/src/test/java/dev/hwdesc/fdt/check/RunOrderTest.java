package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import org.junit.jupiter.api.Test;

/** dtc's process_checks: table order, and nothing at all after an error-level failure. */
class RunOrderTest {

    /** A wrong "name" (an error) in one node, and a warning before and after it in the table. */
    private static Node wrongNameTree() {
        Node root = new Node("");
        root.addProperty("model", PropertyValue.ofCells(1));
        root.addProperty("#address-cells", PropertyValue.ofCells(1));
        root.addProperty("#size-cells", PropertyValue.ofCells(1));
        root.addChild(new Node("node")).addProperty("name", PropertyValue.ofStrings("wrong"));
        root.addChild(new Node("nounit")).addProperty("reg", PropertyValue.ofCells(1, 1));
        return root;
    }

    @Test
    void anErrorStopsEveryLaterCheck() {
        CheckRun run = CheckRun.of(tree(wrongNameTree()));
        assertEquals("out.dtb: ERROR (name_properties): /node: \"name\" property is incorrect (\"wrong\" instead of base "
                + "node name)\n", run.text(), "model_is_string and unit_address_vs_reg never run");
        assertTrue(run.failed());
    }

    @Test
    void asAWarningTheSameFailureLetsLaterChecksRun() {
        CheckRun run = CheckRun.of(tree(wrongNameTree()), "-E", "no-name_properties", "-W", "name_properties");
        assertEquals("""
                out.dtb: Warning (name_properties): /node: "name" property is incorrect ("wrong" instead of base node name)
                out.dtb: Warning (model_is_string): /:model: property is not a string
                out.dtb: Warning (unit_address_vs_reg): /nounit: node has a reg or ranges property, but no unit name
                """, run.text());
        assertFalse(run.failed());
    }

    @Test
    void messagesComeCheckByCheckThenInPreOrder() {
        Node root = new Node("");
        Node a = root.addChild(new Node("a@1"));
        a.addProperty("status", PropertyValue.ofCells(1));
        a.addChild(new Node("b@2")).addProperty("status", PropertyValue.ofCells(1));
        root.addChild(new Node("c@3")).addProperty("status", PropertyValue.ofCells(1));
        assertEquals("""
                out.dtb: Warning (status_is_string): /a@1:status: property is not a string
                out.dtb: Warning (status_is_string): /a@1/b@2:status: property is not a string
                out.dtb: Warning (status_is_string): /c@3:status: property is not a string
                out.dtb: Warning (unit_address_vs_reg): /a@1: node has a unit name, but no reg or ranges property
                out.dtb: Warning (unit_address_vs_reg): /a@1/b@2: node has a unit name, but no reg or ranges property
                out.dtb: Warning (unit_address_vs_reg): /c@3: node has a unit name, but no reg or ranges property
                """, CheckRun.of(tree(root)).text());
    }

    @Test
    void alwaysFailVisitsEveryNode() {
        Node root = new Node("");
        root.addChild(new Node("a")).addChild(new Node("b"));
        root.addChild(new Node("c"));
        CheckRun run = CheckRun.of(tree(root), "-E", "always_fail");
        assertEquals("""
                out.dtb: ERROR (always_fail): /: always_fail check
                out.dtb: ERROR (always_fail): /a: always_fail check
                out.dtb: ERROR (always_fail): /a/b: always_fail check
                out.dtb: ERROR (always_fail): /c: always_fail check
                """, run.text());
        assertTrue(run.failed());
    }
}
