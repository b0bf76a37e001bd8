package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.qemu.QemuDefect;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.VirtioMmio;
import dev.hwdesc.platform.fromtree.TreeToPlatform;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The platform is the truth: hwdesc's tables on its defaults against QEMU 7.2's, for every captured
 * config (data/qemu-acpi/live-7.2 and fwcfg-7.2) and QEMU's v7.2.0 vectors. Each table is QEMU's byte
 * for byte or differs only by {@link QemuDefect}s: QEMU's bytes are hwdesc's with exactly those
 * defects reproduced, the defects are the ones recorded below, and for each QEMU's own device tree of
 * the same VM (qemu.dtb.gz, dumped by scripts/dump-qemu-dtb-of-acpi-configs.sh and read with
 * TreeToPlatform) says what hwdesc's tables say, not what QEMU's do.
 */
class QemuDefectEvidenceTest {

    /**
     * Every difference between hwdesc's default tables and QEMU's, by capture and table. Of QEMU's
     * v7.2.0 vectors, every APIC and IORT (all of the GICv2 base machine without EL2) has the same two.
     */
    private static final Map<String, Set<QemuDefect>> RECORDED = new TreeMap<>(Map.ofEntries(
            Map.entry("live-7.2/gicv2-smp1/APIC", Set.of(QemuDefect.GICV2_VIRTUAL_FRAMES_WITHOUT_EL2)),
            Map.entry("live-7.2/gicv2-smp1/DSDT", Set.of(QemuDefect.VIRTIO_MMIO_LEVEL_TRIGGERED)),
            Map.entry("live-7.2/gicv2-smp1/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS)),
            Map.entry("live-7.2/gicv3-its-smp1/DSDT", Set.of(QemuDefect.VIRTIO_MMIO_LEVEL_TRIGGERED)),
            Map.entry("live-7.2/gicv2-el2-smp2/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS)),
            Map.entry("live-7.2/gicv3-noits-smp2/APIC", Set.of(QemuDefect.ITS_IN_MADT_WITHOUT_ITS)),
            Map.entry("live-7.2/gicv3-noits-smp2/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS)),
            Map.entry("fwcfg-7.2/gicv2-smp1/APIC", Set.of(QemuDefect.GICV2_VIRTUAL_FRAMES_WITHOUT_EL2)),
            Map.entry("fwcfg-7.2/gicv2-smp1/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS)),
            Map.entry("fwcfg-7.2/gicv2-el2-smp2/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS)),
            Map.entry("fwcfg-7.2/gicv2-numa3-memless-viommu-smp4/APIC", Set.of(QemuDefect.GICV2_VIRTUAL_FRAMES_WITHOUT_EL2)),
            Map.entry("fwcfg-7.2/gicv2-numa3-memless-viommu-smp4/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS)),
            Map.entry("fwcfg-7.2/gicv3-noits-smp2/APIC", Set.of(QemuDefect.ITS_IN_MADT_WITHOUT_ITS)),
            Map.entry("fwcfg-7.2/gicv3-noits-smp2/IORT", Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS))));

    static {
        // Every fw_cfg capture keeps its DSDT, and every DSDT has virtio-mmio transports.
        for (String c : QemuAcpiCaptures.FW_CFG.keySet()) {
            RECORDED.put("fwcfg-7.2/" + c + "/DSDT", Set.of(QemuDefect.VIRTIO_MMIO_LEVEL_TRIGGERED));
        }
        for (String v : List.of("APIC", "APIC.memhp", "APIC.numamem", "APIC.acpihmatvirt")) {
            RECORDED.put("v7.2.0/" + v, Set.of(QemuDefect.GICV2_VIRTUAL_FRAMES_WITHOUT_EL2));
        }
        for (String v : List.of("IORT", "IORT.memhp", "IORT.numamem", "IORT.pxb")) {
            RECORDED.put("v7.2.0/" + v, Set.of(QemuDefect.ITS_GROUP_WITHOUT_ITS));
        }
    }

    /**
     * One of QEMU's tables and how to make hwdesc's: the config, where the tables are placed, how
     * both sides are made comparable, and the device tree QEMU gave the same VM.
     */
    record Capture(String name, String signature, byte[] qemu, MachineConfig config, Map<String, Long> addresses,
            UnaryOperator<byte[]> comparable, Path dtb) {

        @Override
        public String toString() {
            return name;
        }

        byte[] ours(Set<QemuDefect> defects) {
            Platform p = platform(config);
            QemuVirtTables.Options o = QemuVirtTables.Options.defaults().withDefects(defects).withConfig(config, p);
            if (!addresses.isEmpty()) {
                o = o.withAddresses(addresses);
            }
            return comparable.apply(QemuVirtTables.of(p, o).bytes(signature));
        }
    }

    static Stream<Capture> captures() throws IOException {
        List<Capture> out = new ArrayList<>();
        for (String c : QemuAcpiCaptures.LIVE.keySet().stream().sorted().toList()) {
            Path dir = QemuAcpiCaptures.liveDir(c);
            for (String sig : signatures(dir)) {
                if (!sig.equals("RSDP") && !sig.equals("XSDT")) { // the firmware's own, not QEMU's
                    out.add(new Capture("live-7.2/" + c + "/" + sig, sig, QemuAcpiVectors.unlinked(TestVectors.bytes(dir.resolve(sig))),
                            QemuAcpiCaptures.LIVE.get(c), Map.of(), QemuAcpiVectors::unlinked, dir.resolve("qemu.dtb.gz")));
                }
            }
        }
        for (String c : QemuAcpiCaptures.FW_CFG.keySet().stream().sorted().toList()) {
            Path dir = QemuAcpiCaptures.fwCfgDir(c);
            for (String sig : signatures(dir)) {
                out.add(new Capture("fwcfg-7.2/" + c + "/" + sig, sig, QemuAcpiCaptures.checksumsZeroed(TestVectors.bytes(dir.resolve(sig))),
                        QemuAcpiCaptures.FW_CFG.get(c), QemuAcpiCaptures.fwCfgOffsets(c), QemuAcpiCaptures::checksumsZeroed,
                        dir.resolve("qemu.dtb.gz")));
            }
        }
        // QEMU's own test's base machine (-machine virt -cpu cortex-a57, GICv2, 128M, UEFI) is fwcfg-7.2's gicv2-smp1.
        Path baseDtb = QemuAcpiCaptures.fwCfgDir("gicv2-smp1").resolve("qemu.dtb.gz");
        List<String> base = new ArrayList<>(List.of("APIC", "FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT"));
        base.addAll(QemuVirtTablesVectorTest.sameAsBase());
        for (String v : base) {
            out.add(new Capture("v7.2.0/" + v, v.substring(0, 4), QemuAcpiVectors.unlinked(QemuAcpiVectors.vector(v)),
                    QemuAcpiVectors.base(), Map.of(), QemuAcpiVectors::unlinked, baseDtb));
        }
        for (String v : List.of("APIC.acpihmatvirt", "PPTT.acpihmatvirt")) {
            out.add(new Capture("v7.2.0/" + v, v.substring(0, 4), QemuAcpiVectors.unlinked(QemuAcpiVectors.vector(v)),
                    QemuAcpiVectors.acpihmatvirt(), Map.of(), QemuAcpiVectors::unlinked, baseDtb));
        }
        return out.stream();
    }

    private static List<String> signatures(Path dir) {
        return TestVectors.files(dir, "").stream().map(f -> f.getFileName().toString()).filter(n -> n.length() == 4).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyDifferenceIsARecordedQemuDefectThatQemusOwnTreeContradicts(Capture c) throws Exception {
        Set<QemuDefect> shown = EnumSet.noneOf(QemuDefect.class);
        for (QemuDefect d : QemuDefect.values()) {
            Set<QemuDefect> allBut = EnumSet.allOf(QemuDefect.class);
            allBut.remove(d);
            if (!java.util.Arrays.equals(c.qemu(), c.ours(allBut))) {
                shown.add(d);
            }
        }
        assertEquals(RECORDED.getOrDefault(c.name(), Set.of()), shown, "the QEMU defects this table shows");
        assertArrayEquals(c.qemu(), c.ours(shown), "QEMU's bytes are hwdesc's with exactly these defects");
        assertEquals(shown.isEmpty(), java.util.Arrays.equals(c.qemu(), c.ours(Set.of())),
                "hwdesc's default table is QEMU's exactly when QEMU shows no defect");
        Platform tree = TreeToPlatform.read(DtbReader.read(TestVectors.bytes(c.dtb()))).platform();
        for (QemuDefect d : shown) {
            assertTrue(treeContradicts(d, tree), c.name() + ": QEMU's device tree does not contradict " + d);
            assertTrue(treeContradicts(d, platform(c.config())), c.name() + ": hwdesc's platform does not contradict " + d);
        }
    }

    /**
     * Whether a device tree's platform says the opposite of what a QEMU defect writes into the tables.
     */
    static boolean treeContradicts(QemuDefect d, Platform p) {
        InterruptController gic = p.gic().orElseThrow();
        boolean its = gic instanceof GicV3 v3 && v3.its().isPresent();
        return switch (d) {
            case VIRTIO_MMIO_LEVEL_TRIGGERED -> !p.virtioMmio().isEmpty()
                    && p.virtioMmio().stream().map(VirtioMmio::interrupt).allMatch(i -> i.trigger().isEdge());
            case ITS_IN_MADT_WITHOUT_ITS -> gic instanceof GicV3 && !its;
            case ITS_GROUP_WITHOUT_ITS -> !its && p.pcie().isPresent();
            case GICV2_VIRTUAL_FRAMES_WITHOUT_EL2 -> gic instanceof GicV2 v2
                    && v2.hypervisorInterface().isEmpty() && v2.virtualCpuInterface().isEmpty();
        };
    }

    /** Every recorded exception is one a capture shows (none is stale). */
    @Test
    void everyRecordedExceptionIsACapture() throws IOException {
        Set<String> names = new java.util.TreeSet<>(captures().map(Capture::name).toList());
        for (String recorded : RECORDED.keySet()) {
            assertTrue(names.contains(recorded), recorded);
        }
    }

    static Platform platform(MachineConfig config) {
        try {
            return new QemuVirt().platform(config);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
