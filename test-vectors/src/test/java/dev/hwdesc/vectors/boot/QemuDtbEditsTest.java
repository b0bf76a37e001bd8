package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbHeader;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import dev.hwdesc.vectors.ReferenceTool;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader half of {@link QemuDtbEdits} against QEMU 7.2 itself: {@code dumpdtb} taken together with
 * {@code -dtb}, {@code -kernel}, {@code -initrd} and {@code -append} writes the blob after QEMU's edits,
 * which on the boot test's DTBs is byte for byte what the guest reads back. Each case changes QEMU's own
 * virt DT where an edit acts (memory nodes, /chosen, /psci, reservations); the model must predict the
 * dump exactly. Needs no kernel: QEMU loads an all-zero file as one and never runs it.
 */
class QemuDtbEditsTest {

    private static final long INITRD_BYTES = 4096;

    static Stream<Arguments> cases() {
        return Stream.of(
                named("QEMU's own tree", t -> { }),
                named("memory nodes elsewhere, wrong and several", t -> {
                    t.root().removeChild(child(t.root(), "memory@40000000"));
                    t.root().addChild(memory("memory@40000000", 0x4000_0000L, 512L << 20));
                    t.root().addChild(memory("memory@c0000000", 0xc000_0000L, 0x1000));
                    t.root().addChild(memory("memory", 0xd000_0000L, 0x1000));
                    t.root().addChild(new Node("memoryx")).addProperty("kept", PropertyValue.empty());
                }),
                named("no /chosen, /psci or /memory", t -> {
                    for (String name : List.of("chosen", "psci", "memory@40000000")) {
                        t.root().removeChild(child(t.root(), name));
                    }
                }),
                named("a /chosen and a /psci of its own", t -> {
                    Node chosen = child(t.root(), "chosen");
                    chosen.addProperty("bootargs", PropertyValue.ofStrings("quiet"));
                    chosen.addProperty("linux,initrd-start", PropertyValue.ofCells(0, 1));
                    Node psci = child(t.root(), "psci");
                    t.root().removeChild(psci);
                    Node own = t.root().addChild(new Node("psci"));
                    own.addProperty("compatible", PropertyValue.ofStrings("arm,psci-0.2"));
                    own.addProperty("method", PropertyValue.ofStrings("smc"));
                    own.addProperty("extra", PropertyValue.ofCells(1));
                }),
                named("memory reservations and boot CPU 2", t -> {
                    t.addReservation(MemoryReservation.of(0x4800_0000L, 0x1000));
                    t.addReservation(MemoryReservation.of(0x5000_0000L, 0x2000));
                    t.setBootCpuId(2);
                }));
    }

    private static Arguments named(String name, Consumer<DeviceTree> change) {
        return Arguments.of(Named.of(name, change));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void qemuMakesExactlyTheLoaderEdits(Consumer<DeviceTree> change, @TempDir Path dir) throws IOException, FdtFormatException {
        String qemu = ReferenceTool.QEMU.require();
        DeviceTree input = qemuVirtTree();
        change.accept(input);
        byte[] given = DtbEncoder.encode(input);
        Path dtb = Files.write(dir.resolve("given.dtb"), given);
        Path kernel = Files.write(dir.resolve("kernel"), new byte[65536]);
        Path initrd = Files.write(dir.resolve("initrd"), new byte[(int) INITRD_BYTES]);
        Path dumped = dir.resolve("dumped.dtb");
        ReferenceTool.Result r = ReferenceTool.run(List.of(qemu, "-machine", "virt,gic-version=3,dumpdtb=" + dumped,
                "-cpu", BootConfig.CPU, "-smp", "4", "-m", BootConfig.MEMORY, "-display", "none",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", QemuBoot.APPEND,
                "-dtb", dtb.toString()), null, 60);
        assertEquals(0, r.exitCode(), "qemu: " + r.stderr());
        byte[] out = Files.readAllBytes(dumped);

        assertEquals(QemuDtbEdits.expectedTotalSize(given.length), DtbHeader.parse(out, out.length).totalSize());
        DeviceTree expected = DtbReader.read(given);
        QemuDtbEdits.apply(expected, new QemuDtbEdits.Boot(BootConfig.MEMORY_BYTES, QemuBoot.APPEND, INITRD_BYTES),
                QemuDtbEdits.loaderEdits());
        DeviceTree seen = DtbReader.read(out);
        assertEquals(List.of(), FdtDiff.between(expected, seen, Set.of()));
        assertNotEquals(List.of(), FdtDiff.between(DtbReader.read(given), seen, Set.of()), "QEMU changed nothing at all");
    }

    /** QEMU 7.2's virt DT for GICv3, cortex-a57, 4 CPUs, 1 GiB, from the dumps in data/qemu-virt. */
    private static DeviceTree qemuVirtTree() throws FdtFormatException {
        return DtbReader.read(TestVectors.bytes(TestVectors.data().resolve("qemu-virt/gicv3-a57-smp4-1G.dtb.gz")));
    }

    private static Node child(Node parent, String name) {
        return parent.child(name).orElseThrow(() -> new AssertionError("no " + name + " under " + parent.fullPath()));
    }

    private static Node memory(String name, long base, long size) {
        Node n = new Node(name);
        n.addProperty("reg", PropertyValue.ofCells(base >>> 32, base & 0xffffffffL, size >>> 32, size & 0xffffffffL));
        n.addProperty("device_type", PropertyValue.ofStrings("memory"));
        return n;
    }
}
