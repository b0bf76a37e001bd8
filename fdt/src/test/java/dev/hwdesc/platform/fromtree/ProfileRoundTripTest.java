package dev.hwdesc.platform.fromtree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.PlatformBus;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Config to platform to tree (the qemu-virt profile) and back: the tree reads whole, into the same
 * platform but for what a tree does not say (the GICv2m and platform-bus SPIs, the redistributor
 * stride). The QEMU dumps themselves are read in test-vectors.
 */
class ProfileRoundTripTest {

    private static final QemuVirt PROFILE = new QemuVirt();

    private static final List<MachineConfig> CONFIGS = List.of(
            MachineConfig.defaults(),
            MachineConfig.builder().gicVersion(2).cpus(8).secure(true).virtualization(true).build(),
            MachineConfig.builder().gicVersion(2).cpus(2).virtualization(true).build(),
            MachineConfig.builder().architecture(Architecture.AARCH32).cpu("cortex-a15").gicVersion(2).cpus(2).build(),
            MachineConfig.builder().gicVersion(3).cpus(300).cpu("max").memory(8L << 30).build(),
            MachineConfig.builder().gicVersion(4).virtualization(true).cpu("max").cpus(4).build(),
            MachineConfig.builder().its(false).highmem(false).iommu(MachineConfig.Iommu.SMMUV3).build(),
            MachineConfig.builder().cpus(16).topology(new MachineConfig.Topology(Optional.of(2), Optional.of(2), Optional.of(2),
                    Optional.of(2))).build(),
            MachineConfig.builder().pcie(false).pmu(false).virtioMmio(0).bootargs("console=ttyAMA0")
                    .initrd(new MachineConfig.Initrd(Optional.empty(), 4096)).build(),
            MachineConfig.builder().secure(true).cpu("cortex-a53").psciMethod(MachineConfig.PsciMethod.NONE).build());

    @Test
    void everyConfigsTreeReadsBackWhole() throws ConfigException {
        for (MachineConfig config : CONFIGS) {
            Platform platform = PROFILE.platform(config);
            PlatformReading r = TreeToPlatform.read(PROFILE.deviceTree(platform));
            assertEquals(List.of(), r.uninterpreted(), config.toString());
            assertEquals(withoutWhatTreesOmit(platform), r.platform(), config.toString());
        }
    }

    static Platform withoutWhatTreesOmit(Platform p) {
        Optional<InterruptController> gic = p.gic().map(g -> g instanceof GicV2 v2
                ? new GicV2(v2.distributor(), v2.cpuInterface(), v2.hypervisorInterface(), v2.virtualCpuInterface(),
                        v2.v2m().map(f -> new GicV2.V2mFrame(f.frame(), Optional.empty())), v2.maintenance())
                : new GicV3(g.distributor(), ((GicV3) g).redistributorRegions(), Optional.empty(), ((GicV3) g).its(), g.maintenance()));
        return new Platform(p.model(), p.compatible(), p.architecture(), p.cpus(), p.topology(), p.memory(), p.numaDistances(), gic,
                p.timer(), p.pmu(), p.psci(), p.peripheralClock(), p.uarts(), p.rtc(), p.gpio(), p.virtioMmio(), p.pcie(), p.smmu(),
                p.fwCfg(), p.flash(), p.platformBus().map(b -> new PlatformBus(b.window(), Optional.empty())), p.ged(),
                p.secureWorld(), p.xen(), p.chosen());
    }
}
