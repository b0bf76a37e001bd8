package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.empty;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.spis;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static dev.hwdesc.platform.fromtree.Trees.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.RandomTrees;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.VirtioMmio;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Untrusted input never throws: random trees, QEMU trees with property values replaced by random
 * bytes (fixed seeds), and trees deep enough to break recursion. Whatever is wrong is listed.
 */
class MalformedInputTest {

    @Test
    void randomTreesRead() {
        int[] entries = {0};
        qt().withFixedSeed(0x7a11_0001L).withExamples(400).forAll(RandomTrees.anyTree()).checkAssert(s -> {
            entries[0] += TreeToPlatform.read(s.tree()).uninterpreted().size();
        });
        assertTrue(entries[0] > 400, "random trees are listed, not read: " + entries[0] + " entries");
    }

    @Test
    void qemuTreesWithGarbledPropertiesRead() throws ConfigException {
        QemuVirt profile = new QemuVirt();
        MachineConfig[] configs = {MachineConfig.defaults(),
            MachineConfig.builder().gicVersion(2).cpus(4).secure(true).virtualization(true).build(),
            MachineConfig.builder().iommu(MachineConfig.Iommu.SMMUV3).cpus(3).build()};
        List<dev.hwdesc.platform.Platform> platforms = new ArrayList<>();
        for (MachineConfig c : configs) {
            platforms.add(profile.platform(c));
        }
        int[] listed = {0};
        qt().withFixedSeed(0x7a11_0002L).withExamples(1500).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            DeviceTree tree = profile.deviceTree(platforms.get(random.nextInt(platforms.size())));
            List<Property> all = new ArrayList<>();
            tree.index().nodes().forEach(n -> all.addAll(n.properties()));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                Property p = all.get(random.nextInt(all.size()));
                p.setValue(garble(random, p.value()));
            }
            PlatformReading r = TreeToPlatform.read(tree);
            listed[0] += r.isComplete() ? 0 : 1;
        });
        assertTrue(listed[0] > 1000, "garbled trees with something listed: " + listed[0] + " of 1500");
    }

    /** Random bytes, the value cut short or lengthened, or one cell changed. */
    private static PropertyValue garble(Random random, PropertyValue v) {
        byte[] bytes = v.toByteArray();
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] b = new byte[random.nextInt(25)];
                random.nextBytes(b);
                return PropertyValue.ofBytes(b);
            }
            case 1 -> {
                return PropertyValue.ofBytes(java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length)));
            }
            case 2 -> {
                return PropertyValue.ofBytes(java.util.Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8)));
            }
            default -> {
                if (bytes.length >= 4) {
                    int at = random.nextInt(bytes.length / 4) * 4;
                    int value = random.nextInt(4) == 0 ? -1 : random.nextInt(0x10000);
                    bytes[at] = (byte) (value >>> 24);
                    bytes[at + 1] = (byte) (value >>> 16);
                    bytes[at + 2] = (byte) (value >>> 8);
                    bytes[at + 3] = (byte) value;
                }
                return PropertyValue.ofBytes(bytes);
            }
        }
    }

    @Test
    void aMalformedRootModelOrCompatibleIsListedAndTheRootStillRead() {
        Node root = vm();
        root.removeProperty(root.property("model").orElseThrow());
        root.addProperty(Trees.bytes("model", 'a', 0, 'b', 0));
        root.removeProperty(root.property("compatible").orElseThrow());
        root.addProperty(Trees.bytes("compatible", 'x'));
        root.addProperty(strings("status", "fail"));
        PlatformReading r = Trees.read(root);
        assertEquals("", r.platform().model());
        assertEquals(List.of("/ model: model: not one string",
                "/ compatible: compatible: not a list of NUL-terminated strings",
                "/ status: not interpreted"), Trees.left(r));
    }

    @Test
    void aDeviceUnderThousandsOfBusesIsTranslatedThroughAllOfThem() {
        Node top = node("bus0", cells("#address-cells", 1), cells("#size-cells", 1), cells("ranges", 0, 0, 0x10000000, 0x100000));
        Node bus = top;
        for (int i = 1; i < 5000; i++) {
            // Each bus maps its addresses 0x10 up into the one above, in a window that ends where that one's does.
            Node next = node("bus" + i, cells("#address-cells", 1), cells("#size-cells", 1), cells("ranges", 0, 0x10, 0x100000 - 0x10 * i));
            bus.addChild(next);
            bus = next;
        }
        bus.addChild(node("virtio@0", strings("compatible", "virtio,mmio"), cells("reg", 0, 0x200), spis(16)));
        PlatformReading r = Trees.read(vm(top));
        assertEquals(List.of(new Region(0x10000000L + 4999 * 0x10, 0x200)), r.platform().virtioMmio().stream().map(VirtioMmio::mmio).toList());
        assertEquals(List.of(), r.uninterpreted());
    }

    @Test
    void aLongInterruptParentChainIsFollowedOnce() {
        Node root = vm();
        Node bus = root;
        for (int i = 0; i < 5000; i++) {
            Node next = node("n" + i, cells("#address-cells", 2), cells("#size-cells", 2), empty("ranges"));
            bus.addChild(next);
            bus = next;
        }
        for (int i = 0; i < 100; i++) {
            bus.addChild(node("virtio@" + i, strings("compatible", "virtio,mmio"), cells("reg", 0, 0xa000000 + i * 0x200, 0, 0x200),
                    spis(16)));
        }
        PlatformReading r = Trees.read(root);
        assertEquals(100, r.platform().virtioMmio().size());
        assertEquals(List.of(), r.uninterpreted());
    }
}
