package dev.hwdesc.fdt.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which trees the checks can change the output of (so output may be rendered while they run). */
class MayChangeOutputTest {

    private static DeviceTree tree(Node child) {
        Node root = new Node("");
        root.addProperty("model", PropertyValue.ofStrings("m"));
        root.addChild(child);
        return new DeviceTree(root, List.of(), 0);
    }

    @Test
    void aPlainBlobCannotChange() {
        Node n = new Node("n@1");
        n.addProperty("reg", PropertyValue.ofCells(1));
        n.addProperty("phandle", PropertyValue.ofCells(5));
        assertFalse(Checker.mayChangeOutput(tree(n)));
    }

    @Test
    void aNamePropertyMayBeRemoved() {
        Node n = new Node("n");
        n.addProperty("name", PropertyValue.ofStrings("n"));
        assertTrue(Checker.mayChangeOutput(tree(n)));
    }

    @Test
    void aDeletedNamePropertyDoesNotCount() {
        Node n = new Node("n");
        n.addProperty("name", PropertyValue.ofStrings("n"));
        n.propertyAt(0).setDeleted(true);
        assertFalse(Checker.mayChangeOutput(tree(n)));
    }

    @Test
    void referencesAndOmittableNodesMayChange() {
        Node ref = new Node("r");
        ref.addProperty("p", PropertyValue.builder().chunk(dev.hwdesc.fdt.ValueType.CELLS32)
                .marker(new Marker.PhandleRef(0, "x")).element(4, 0).build());
        assertTrue(Checker.mayChangeOutput(tree(ref)));
        Node path = new Node("q");
        path.addProperty("p", PropertyValue.builder().chunk(dev.hwdesc.fdt.ValueType.STRING)
                .marker(new Marker.PathRef(0, "x")).build());
        assertTrue(Checker.mayChangeOutput(tree(path)));
        Node omit = new Node("o");
        omit.setOmitIfNoRef(true);
        assertTrue(Checker.mayChangeOutput(tree(omit)));
    }
}
