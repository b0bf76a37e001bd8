package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.at;
import static dev.hwdesc.fdt.check.CheckRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import org.junit.jupiter.api.Test;

class StructureChecksTest {

    /**
     * q02: {@code / { n1 { a; }; /delete-node/ n1; };} leaves a tombstone beside n1, which dtc
     * compares too and, having never given it a path, prints as "(null)".
     */
    @Test
    void aTombstoneSiblingIsADuplicateWithoutAPath() {
        Node root = new Node("");
        root.addChild(new Node("n1")).addProperty("a", PropertyValue.empty());
        Node tombstone = root.addChild(new Node("n1"));
        tombstone.addPosition(at("q02.dts", 6, 2, 19));
        tombstone.delete();
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("q02.dts:6.2-19: ERROR (duplicate_node_names): (null): Duplicate node name\n", run.text());
    }

    @Test
    void everyLaterNamesakeIsReportedOncePerEarlierLiveOne() {
        Node root = new Node("");
        for (String name : new String[] {"x", "y", "x", "x"}) {
            root.addChild(new Node(name));
        }
        assertEquals("""
                out.dtb: ERROR (duplicate_node_names): /x: Duplicate node name
                out.dtb: ERROR (duplicate_node_names): /x: Duplicate node name
                out.dtb: ERROR (duplicate_node_names): /x: Duplicate node name
                """, CheckRun.of(tree(root)).text());
    }

    @Test
    void manySiblingsAreComparedByName() {
        Node root = new Node("");
        for (int i = 0; i < 100; i++) {
            root.addChild(new Node("n" + i));
        }
        root.addChild(new Node("n7"));
        assertEquals("out.dtb: ERROR (duplicate_node_names): /n7: Duplicate node name\n",
                CheckRun.of(tree(root)).text());
    }

    @Test
    void theEarlierPropertyIsReportedForEachLaterOne() {
        Node root = new Node("");
        root.addProperty(new Property("p", PropertyValue.empty(), at("t.dts", 3, 2, 6)));
        root.addProperty(new Property("p", PropertyValue.ofCells(1), at("t.dts", 4, 2, 12)));
        Property deleted = new Property("p", PropertyValue.empty());
        deleted.setDeleted(true);
        root.addProperty(deleted);
        root.addProperty(new Property("p", PropertyValue.ofStrings("x"), at("t.dts", 5, 2, 10)));
        assertEquals("""
                t.dts:3.2-6: ERROR (duplicate_property_names): /:p: Duplicate property name
                t.dts:3.2-6: ERROR (duplicate_property_names): /:p: Duplicate property name
                t.dts:4.2-12: ERROR (duplicate_property_names): /:p: Duplicate property name
                """, CheckRun.of(tree(root)).text());
    }
}
