package dev.hwdesc.vectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbWriteOptions;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.ReferenceTool;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hwdesc's qemu-virt profile against QEMU 7.2's own dumps (test-vectors/data/qemu-virt): for every
 * dump whose command line the config can express, the generated DTB equals QEMU's byte for byte once
 * both are packed by dtc 1.6.1 ({@code dtc -I dtb -O dtb}; QEMU pads its dump to 1 MiB).
 */
class QemuVirtEquivalenceTest {

    /**
     * Dumps whose command lines the config cannot express (yet), each with the option that stops it.
     * The test fails when this list and the manifest disagree, so a newly expressible dump is compared.
     */
    private static final Map<String, String> NOT_EXPRESSIBLE = new TreeMap<>(Map.ofEntries(
            Map.entry("gicv3-a57-smp2-1G-guest-loader", "-device guest-loader"),
            Map.entry("virt-2.6-gicv2-a57-smp2-1G", "machine type virt-2.6"),
            Map.entry("virt-2.12-gicv3-a57-smp4-1G", "machine type virt-2.12"),
            Map.entry("virt-4.2-gicv3-a57-smp2-2G", "machine type virt-4.2"),
            Map.entry("virt-6.1-gicv3-a57-smp4-1G", "machine type virt-6.1")));

    @TempDir
    Path tmp;

    @Test
    void everyExpressibleDumpIsIdentical() throws IOException {
        Path dir = TestVectors.data().resolve("qemu-virt");
        List<String> rows = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
        ReferenceTool.DTC.require();
        List<String> identical = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        QemuVirt profile = new QemuVirt();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t");
            String name = f[0];
            QemuCommand command = QemuCommand.parse(f[3]);
            if (command.config().isEmpty()) {
                skipped.put(name, command.unsupported());
                continue;
            }
            byte[] ours;
            try {
                Platform platform = profile.platform(command.config().get());
                ours = DtbEncoder.encode(profile.deviceTree(platform), DtbWriteOptions.DEFAULT, w -> { });
            } catch (Exception e) {
                differing.add(name + ": " + e);
                continue;
            }
            byte[] qemu = ReferenceTool.dtcRepack(tmp, TestVectors.bytes(dir.resolve(name + ".dtb.gz")));
            byte[] oursPacked = ReferenceTool.dtcRepack(tmp, ours);
            if (java.util.Arrays.equals(qemu, oursPacked)) {
                identical.add(name);
            } else {
                differing.add(name + " (ours " + oursPacked.length + " bytes, QEMU's " + qemu.length + ")");
            }
        }
        System.out.println("qemu-virt dumps: " + identical.size() + " identical, " + differing.size() + " differ, "
                + skipped.size() + " not expressible");
        assertEquals(List.of(), differing, "generated DTBs that differ from QEMU's");
        assertEquals(NOT_EXPRESSIBLE, skipped, "dumps the config cannot express");
        assertTrue(identical.size() >= 24, "only " + identical.size() + " identical");
        assertTrue(identical.size() + skipped.size() == rows.size() - 1);
    }
}
