package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** FdtDiff sees every kind of difference the boot test must fail on, and nothing when trees are equal. */
class FdtDiffTest {

    /** / { #address-cells; a; b; cpus { cpu@0 {...}; cpu@1 {...} }; uart@9000000 { compatible } } */
    private static DeviceTree tree() {
        Node root = new Node("");
        root.addProperty("#address-cells", PropertyValue.ofCells(2));
        root.addProperty("a", PropertyValue.ofStrings("x"));
        root.addProperty("b", PropertyValue.ofCells(1, 2));
        Node cpus = root.addChild(new Node("cpus"));
        cpus.addChild(new Node("cpu@0")).addProperty("reg", PropertyValue.ofCells(0));
        cpus.addChild(new Node("cpu@1")).addProperty("reg", PropertyValue.ofCells(1));
        root.addChild(new Node("uart@9000000")).addProperty("compatible", PropertyValue.ofStrings("arm,pl011", "arm,primecell"));
        // Through a blob, as the boot test reads both trees.
        try {
            return DtbReader.read(DtbEncoder.encode(new DeviceTree(root, List.of(), 0)));
        } catch (FdtFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> diff(Consumer<DeviceTree> change) {
        DeviceTree changed = tree();
        change.accept(changed);
        return FdtDiff.between(tree(), changed, Set.of("seed"));
    }

    private static Node node(DeviceTree t, String path) {
        Node n = t.root();
        for (String part : path.substring(1).split("/")) {
            n = n.child(part).orElseThrow();
        }
        return n;
    }

    @Test
    void equalTreesHaveNoDifference() {
        assertEquals(List.of(), diff(t -> { }));
    }

    @Test
    void aChangedValue() {
        assertEquals(List.of("/cpus/cpu@1: property reg = <0x2>, expected <0x1>"),
                diff(t -> node(t, "/cpus/cpu@1").property("reg").orElseThrow().setValue(PropertyValue.ofCells(2))));
    }

    @Test
    void aMissingAndAnAddedProperty() {
        assertEquals(List.of("/uart@9000000: property compatible is missing (expected \"arm,pl011\", \"arm,primecell\")",
                        "/uart@9000000: property status = \"okay\" was added"),
                diff(t -> {
                    Node uart = node(t, "/uart@9000000");
                    uart.removeProperty(uart.property("compatible").orElseThrow());
                    uart.addProperty("status", PropertyValue.ofStrings("okay"));
                }));
    }

    @Test
    void propertiesInAnotherOrder() {
        assertEquals(List.of("/: property 0 is a, expected #address-cells (same property names in another order)"),
                diff(t -> {
                    var props = t.root().takeProperties();
                    t.root().addProperty(props.get(1));
                    t.root().addProperty(props.get(0));
                    t.root().addProperty(props.get(2));
                }));
    }

    @Test
    void aMissingAndAnAddedNode() {
        assertEquals(List.of("/cpus/cpu@1: node is missing", "/cpus/cpu@2: node was added"),
                diff(t -> {
                    Node cpus = node(t, "/cpus");
                    cpus.removeChild(node(t, "/cpus/cpu@1"));
                    cpus.addChild(new Node("cpu@2"));
                }));
    }

    @Test
    void childrenInAnotherOrder() {
        assertEquals(List.of("/: child 0 is uart@9000000, expected cpus (same child names in another order)"),
                diff(t -> {
                    var children = t.root().takeChildren();
                    t.root().addChild(children.get(1));
                    t.root().addChild(children.get(0));
                }));
    }

    @Test
    void reservationsAndBootCpu() {
        assertEquals(List.of("memory reservation map is [0x48000000 size 0x1000], expected []", "boot_cpuid_phys is 2, expected 0"),
                diff(t -> {
                    t.addReservation(MemoryReservation.of(0x4800_0000L, 0x1000));
                    t.setBootCpuId(2);
                }));
    }

    @Test
    void aRandomPropertyMayHoldAnyBytesButNotAnotherLength() {
        Consumer<DeviceTree> seed = t -> t.root().addProperty("seed", PropertyValue.ofCells(1, 2));
        DeviceTree expected = tree();
        seed.accept(expected);
        DeviceTree sameLength = tree();
        sameLength.root().addProperty("seed", PropertyValue.ofCells(7, 8));
        DeviceTree longer = tree();
        longer.root().addProperty("seed", PropertyValue.ofCells(1, 2, 3));
        assertEquals(List.of(), FdtDiff.between(expected, sameLength, Set.of("seed")));
        assertEquals(List.of("/: property seed = <0x1 0x2 0x3>, expected <0x1 0x2>"),
                FdtDiff.between(expected, longer, Set.of("seed")));
    }
}
