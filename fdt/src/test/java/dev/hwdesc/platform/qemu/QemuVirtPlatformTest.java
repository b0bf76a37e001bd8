package dev.hwdesc.platform.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Region;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuVirtPlatformTest {

    private static Platform of(MachineConfig.Builder b) throws ConfigException {
        return QemuVirtPlatform.of(b.build());
    }

    @Test
    void theDefaultsAreFourA57sTwoGibAndGicV3WithIts() throws ConfigException {
        Platform p = of(MachineConfig.builder());
        assertEquals(4, p.cpus().size());
        assertEquals("arm,cortex-a57", p.cpus().get(0).compatible());
        assertEquals(new Region(0x40000000L, 2L << 30), p.memory().get(0).range());
        GicV3 gic = (GicV3) p.gic().orElseThrow();
        assertTrue(gic.its().isPresent());
        assertEquals(32, p.virtioMmio().size());
    }

    @Test
    void theHighRegionsStartAt256GibAlignedToTheirSize() {
        QemuVirtMemoryMap.HighRegions r = QemuVirtMemoryMap.highRegions(1L << 30, 0, 44);
        assertEquals(Optional.of(new Region(0x4000000000L, 64L << 20)), r.redistributor2());
        assertEquals(Optional.of(new Region(0x4010000000L, 256L << 20)), r.ecam());
        assertEquals(Optional.of(new Region(0x8000000000L, 512L << 30)), r.mmio());
    }

    @Test
    void withoutHighmemNothingHighFits() {
        QemuVirtMemoryMap.HighRegions r = QemuVirtMemoryMap.highRegions(1L << 30, 0, 32);
        assertTrue(r.redistributor2().isEmpty() && r.ecam().isEmpty() && r.mmio().isEmpty());
    }

    @Test
    void moreRamMovesTheHighRegionsUp() {
        QemuVirtMemoryMap.HighRegions r = QemuVirtMemoryMap.highRegions(300L << 30, 0, 48);
        assertEquals(0x4B40000000L, r.redistributor2().orElseThrow().base(), "the first GiB above RAM's end");
    }

    @Test
    void mpidrsFollowTheGicsTargetList() {
        assertEquals(0x107L, QemuVirtPlatform.mpidr(15, 2));
        assertEquals(0x00fL, QemuVirtPlatform.mpidr(15, 3));
        assertEquals(0x100L, QemuVirtPlatform.mpidr(16, 3));
    }

    @Test
    void moreThan123CpusTakeASecondRedistributorRegion() throws ConfigException {
        GicV3 gic = (GicV3) of(MachineConfig.builder().cpus(124)).gic().orElseThrow();
        assertEquals(2, gic.redistributorRegions().size());
        ConfigException e = assertThrows(ConfigException.class, () -> of(MachineConfig.builder().cpus(124).highmem(false)));
        assertEquals("cpus", e.problems().get(0).key());
    }

    @Test
    void theConduitFollowsTheExceptionLevels() throws ConfigException {
        assertEquals("hvc", of(MachineConfig.builder()).psci().orElseThrow().method().text());
        assertEquals("smc", of(MachineConfig.builder().virtualization(true)).psci().orElseThrow().method().text());
        assertTrue(of(MachineConfig.builder().secure(true)).psci().isEmpty());
    }
}
