package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import org.junit.jupiter.api.Test;

/** name_is_string and name_properties: a correct "name" property is removed, a wrong one is an error. */
class NamePropertyTest {

    @Test
    void aCorrectNameIsRemovedSilently() {
        Node root = new Node("");
        root.addProperty("name", PropertyValue.ofStrings(""));
        root.addProperty("#address-cells", PropertyValue.ofCells(1));
        root.addProperty("#size-cells", PropertyValue.ofCells(1));
        Node dev = root.addChild(new Node("dev@1"));
        dev.addProperty("name", PropertyValue.ofStrings("dev"));
        dev.addProperty("reg", PropertyValue.ofCells(1, 2));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("", run.text());
        assertFalse(dev.hasProperty("name"));
        assertFalse(root.hasProperty("name"), "the root's base name is empty");
        assertEquals(1, dev.propertiesWithDeleted().size(), "removed, not left as a tombstone");
    }

    @Test
    void aWrongNameIsAnError() {
        Node root = new Node("");
        root.addChild(new Node("node")).addProperty("name", PropertyValue.ofStrings("nodex"));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("out.dtb: ERROR (name_properties): /node: \"name\" property is incorrect (\"nodex\" instead of base "
                + "node name)\n", run.text());
        assertTrue(run.failed());
    }

    @Test
    void aNameThatIsNotAStringStopsTheRunAtNameIsString() {
        Node root = new Node("");
        root.addChild(new Node("node")).addProperty("name", PropertyValue.ofCells(0x6e6f6465L));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("out.dtb: ERROR (name_is_string): /node:name: property is not a string\n", run.text(),
                "an error stops the run before name_properties");
    }

    @Test
    void theFirstNamePropertyCountsEvenWhenDeleted() {
        Node root = new Node("");
        Node node = root.addChild(new Node("node"));
        Property tombstone = new Property("name", PropertyValue.ofStrings("old"));
        tombstone.setDeleted(true);
        node.addProperty(tombstone);
        node.addProperty("name", PropertyValue.ofStrings("node"));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("out.dtb: ERROR (name_properties): /node: \"name\" property is incorrect (\"old\" instead of base "
                + "node name)\n", run.text());
    }
}
