package dev.hwdesc.fdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Structural comparison of trees: same nodes, properties and value bytes, in the same order. */
public final class TreeAssertions {

    private TreeAssertions() {
    }

    public static void assertSameTree(DeviceTree expected, DeviceTree actual) {
        assertEquals(expected.reservations().stream().map(r -> r.address() + "/" + r.size()).toList(),
                actual.reservations().stream().map(r -> r.address() + "/" + r.size()).toList(), "reservations");
        assertEquals(expected.bootCpuId(), actual.bootCpuId(), "boot cpu id");
        assertSameNode(expected.root(), actual.root());
    }

    public static void assertSameNode(Node expected, Node actual) {
        assertEquals(expected.name(), actual.name(), "node name");
        List<Property> ep = expected.properties();
        List<Property> ap = actual.properties();
        assertEquals(ep.stream().map(Property::name).toList(), ap.stream().map(Property::name).toList(),
                "properties of " + expected.fullPath());
        for (int i = 0; i < ep.size(); i++) {
            Property e = ep.get(i);
            assertTrue(e.value().sameBytes(ap.get(i).value()), () -> "value of " + expected.fullPath() + ":" + e.name());
        }
        List<Node> ec = expected.children();
        List<Node> ac = actual.children();
        assertEquals(ec.stream().map(Node::name).toList(), ac.stream().map(Node::name).toList(),
                "children of " + expected.fullPath());
        for (int i = 0; i < ec.size(); i++) {
            assertSameNode(ec.get(i), ac.get(i));
        }
    }
}
