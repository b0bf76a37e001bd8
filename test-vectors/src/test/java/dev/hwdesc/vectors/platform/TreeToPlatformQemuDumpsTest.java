package dev.hwdesc.vectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.DtbWriteOptions;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.PlatformBus;
import dev.hwdesc.platform.fromtree.PlatformReading;
import dev.hwdesc.platform.fromtree.TreeToPlatform;
import dev.hwdesc.platform.fromtree.Uninterpreted;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Tree to platform on QEMU 7.2's own virt dumps (test-vectors/data/qemu-virt). Each dump is read
 * into a platform, and the platform rendered back by the qemu-virt profile; both blobs are packed by
 * hwdesc's DtbEncoder (dtc's packing). Every dump must read whole and render back byte for byte but
 * for the exceptions pinned below, each with what it leaves and why. For every dump
 * QemuVirtEquivalenceTest compares (those whose command line a config expresses), nothing may stay
 * uninterpreted, the rendering must equal the dump, and the platform read must be the one the config
 * gives, but for what a tree does not say (the GICv2m and platform-bus SPIs, the redistributor stride).
 */
class TreeToPlatformQemuDumpsTest {

    /** What reading a dump leaves uninterpreted ("path property"), and whether rendering its platform gives it again. */
    private record Outcome(List<String> uninterpreted, boolean roundTrips) {
    }

    /** The dumps that do not read whole or do not render back; every other dump does both. */
    private static final Map<String, Outcome> EXCEPTIONS = new TreeMap<>(Map.ofEntries(
            // -device guest-loader adds multiboot modules under /chosen, which the platform does not hold.
            Map.entry("gicv3-a57-smp2-1G-guest-loader", new Outcome(
                    List.of("/chosen/module@0x4a000000", "/chosen/module@0x48000000"), false)),
            // Read whole, but these machine types write no cpu-map, and the model always has a topology,
            // which the profile writes (virt-2.6's edge-triggered timers and missing PMU the model holds).
            Map.entry("virt-2.6-gicv2-a57-smp2-1G", new Outcome(List.of(), false)),
            Map.entry("virt-2.12-gicv3-a57-smp4-1G", new Outcome(List.of(), false)),
            Map.entry("virt-4.2-gicv3-a57-smp2-2G", new Outcome(List.of(), false)),
            Map.entry("virt-6.1-gicv3-a57-smp4-1G", new Outcome(List.of(), false))));

    @Test
    void everyDumpReadsAndRendersBackButThePinnedExceptions() throws IOException, FdtFormatException {
        Path dir = TestVectors.data().resolve("qemu-virt");
        List<String> rows = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
        QemuVirt profile = new QemuVirt();
        List<String> roundTrips = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Outcome> exceptions = new TreeMap<>();
        int compared = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t");
            String name = f[0];
            DeviceTree dump = DtbReader.read(TestVectors.bytes(dir.resolve(name + ".dtb.gz")));
            byte[] packed = DtbEncoder.encode(dump, DtbWriteOptions.DEFAULT, w -> { });
            PlatformReading reading = TreeToPlatform.read(dump);
            byte[] rendered = DtbEncoder.encode(profile.deviceTree(reading.platform()), DtbWriteOptions.DEFAULT, w -> { });
            boolean identical = Arrays.equals(packed, rendered);
            if (identical) {
                roundTrips.add(name);
            }
            if (!identical || !reading.isComplete()) {
                exceptions.put(name, new Outcome(reading.uninterpreted().stream().map(TreeToPlatformQemuDumpsTest::brief).toList(),
                        identical));
                System.out.println(name + ": " + (identical ? "round-trips" : "does not round-trip") + "; uninterpreted:");
                reading.uninterpreted().forEach(u -> System.out.println("    " + u));
            }
            Optional<MachineConfig> config = QemuCommand.parse(f[3]).config();
            if (config.isEmpty()) {
                continue;
            }
            compared++;
            if (!reading.isComplete()) {
                failures.add(name + ": uninterpreted " + reading.uninterpreted());
            }
            if (!identical) {
                failures.add(name + ": the rendering differs from the dump");
            }
            try {
                Platform expected = withoutWhatTreesOmit(profile.platform(config.get()));
                if (!expected.equals(reading.platform())) {
                    failures.add(name + ": read " + reading.platform() + "\n    config gives " + expected);
                }
            } catch (ConfigException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        System.out.println("tree to platform on " + (rows.size() - 1) + " qemu-virt dumps: " + roundTrips.size()
                + " read whole and round-trip byte for byte; " + compared + " of them compared with their configs' platforms");
        assertEquals(List.of(), failures);
        assertEquals(EXCEPTIONS, exceptions, "the dumps that do not read whole or do not round-trip");
        assertEquals(rows.size() - 1 - EXCEPTIONS.size(), roundTrips.size());
    }

    private static String brief(Uninterpreted u) {
        return u.path() + u.property().map(p -> " " + p).orElse("");
    }

    /** The platform without what QEMU's tree does not say: the GICv2m and platform-bus SPIs, the redistributor stride. */
    private static Platform withoutWhatTreesOmit(Platform p) {
        Optional<InterruptController> gic = p.gic().map(g -> {
            if (g instanceof GicV2 v2) {
                return new GicV2(v2.distributor(), v2.cpuInterface(), v2.hypervisorInterface(), v2.virtualCpuInterface(),
                        v2.v2m().map(f -> new GicV2.V2mFrame(f.frame(), Optional.empty())), v2.maintenance());
            }
            GicV3 v3 = (GicV3) g;
            return new GicV3(v3.distributor(), v3.redistributorRegions(), Optional.empty(), v3.its(), v3.maintenance());
        });
        return new Platform(p.model(), p.compatible(), p.architecture(), p.cpus(), p.topology(), p.memory(),
                p.numaDistances(), gic, p.timer(), p.pmu(), p.psci(), p.peripheralClock(), p.uarts(), p.rtc(), p.gpio(),
                p.virtioMmio(), p.pcie(), p.smmu(), p.fwCfg(), p.flash(),
                p.platformBus().map(b -> new PlatformBus(b.window(), Optional.empty())), p.ged(), p.secureWorld(), p.xen(),
                p.chosen());
    }
}
