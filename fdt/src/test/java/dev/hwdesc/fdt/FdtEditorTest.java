package dev.hwdesc.fdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class FdtEditorTest {

    @Test
    void newPropertiesAndNodesGoFirstAsWithLibfdt() {
        FdtEditor e = new FdtEditor();
        e.setCells(e.root(), "a", 1).setCells(e.root(), "b", 2);
        e.addNode(e.root(), "x");
        e.addNode(e.root(), "y");
        DeviceTree t = e.toDeviceTree();
        assertEquals(List.of("b", "a"), t.root().properties().stream().map(Property::name).toList());
        assertEquals(List.of("y", "x"), t.root().children().stream().map(Node::name).toList());
    }

    @Test
    void settingAgainKeepsThePlace() {
        FdtEditor e = new FdtEditor();
        e.setCells(e.root(), "a", 1).setCells(e.root(), "b", 2).setCells(e.root(), "a", 3);
        DeviceTree t = e.toDeviceTree();
        assertEquals(List.of("b", "a"), t.root().properties().stream().map(Property::name).toList());
        assertEquals(3, t.root().value("a").orElseThrow().u32At(0));
    }

    @Test
    void addPathMakesTheMissingNodesTopmostFirstAndReusesTheOthers() {
        FdtEditor e = new FdtEditor();
        FdtEditor.EditedNode cpus = e.addNode(e.root(), "cpus");
        FdtEditor.EditedNode c1 = e.addPath(cpus, List.of("map", "s0", "c1"));
        FdtEditor.EditedNode c0 = e.addPath(cpus, List.of("map", "s0", "c0"));
        assertSame(c1, e.addPath(cpus, List.of("map", "s0", "c1")));
        assertEquals("c0", c0.name());
        Node map = e.toDeviceTree().root().child("cpus").orElseThrow().child("map").orElseThrow();
        assertEquals(List.of("c0", "c1"), map.child("s0").orElseThrow().children().stream().map(Node::name).toList());
    }

    @Test
    void pairsAreHighWordFirst() {
        FdtEditor e = new FdtEditor();
        e.setPairs(e.root(), "reg", 0x4010000000L, 0x10000000L);
        PropertyValue v = e.toDeviceTree().root().value("reg").orElseThrow();
        assertEquals(List.of(0x40L, 0x10000000L, 0L, 0x10000000L), List.of(v.u32At(0), v.u32At(4), v.u32At(8), v.u32At(12)));
    }

    @Test
    void addPathFindsNodesAmongManyChildren() {
        FdtEditor e = new FdtEditor();
        FdtEditor.EditedNode map = e.addNode(e.root(), "cpu-map");
        for (int core = 99; core >= 0; core--) {
            e.addPath(map, List.of("socket0", "cluster0", "core" + core));
        }
        Node cluster = e.toDeviceTree().root().child("cpu-map").orElseThrow().child("socket0").orElseThrow()
                .child("cluster0").orElseThrow();
        assertEquals(100, cluster.childCount());
        assertEquals("core0", cluster.childAt(0).name());
    }
}
