package dev.hwdesc.fdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FdtEditorTest {

    @Test
    void newPropertiesAndNodesGoFirstAsWithLibfdt() {
        FdtEditor e = new FdtEditor();
        e.setCells("/", "a", 1).setCells("/", "b", 2);
        e.addNode("/x").addNode("/y");
        DeviceTree t = e.toDeviceTree();
        assertEquals(List.of("b", "a"), t.root().properties().stream().map(Property::name).toList());
        assertEquals(List.of("y", "x"), t.root().children().stream().map(Node::name).toList());
    }

    @Test
    void settingAgainKeepsThePlace() {
        FdtEditor e = new FdtEditor();
        e.setCells("/", "a", 1).setCells("/", "b", 2).setCells("/", "a", 3);
        DeviceTree t = e.toDeviceTree();
        assertEquals(List.of("b", "a"), t.root().properties().stream().map(Property::name).toList());
        assertEquals(3, t.root().value("a").orElseThrow().u32At(0));
    }

    @Test
    void addPathMakesTheMissingParentsTopmostFirst() {
        FdtEditor e = new FdtEditor();
        e.addNode("/cpus").addPath("/cpus/map/s0/c1").addPath("/cpus/map/s0/c0");
        Node map = e.toDeviceTree().root().child("cpus").orElseThrow().child("map").orElseThrow();
        assertEquals(List.of("c0", "c1"), map.child("s0").orElseThrow().children().stream().map(Node::name).toList());
    }

    @Test
    void pairsAreHighWordFirst() {
        FdtEditor e = new FdtEditor();
        e.setPairs("/", "reg", 0x4010000000L, 0x10000000L);
        PropertyValue v = e.toDeviceTree().root().value("reg").orElseThrow();
        assertEquals(List.of(0x40L, 0x10000000L, 0L, 0x10000000L), List.of(v.u32At(0), v.u32At(4), v.u32At(8), v.u32At(12)));
    }

    @Test
    void aMissingParentOrATwiceAddedNodeIsAMistake() {
        FdtEditor e = new FdtEditor();
        assertThrows(IllegalStateException.class, () -> e.addNode("/a/b"));
        e.addNode("/a");
        assertThrows(IllegalStateException.class, () -> e.addNode("/a"));
        assertThrows(IllegalStateException.class, () -> e.setEmpty("/nope", "x"));
    }
}
