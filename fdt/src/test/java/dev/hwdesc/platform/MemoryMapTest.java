package dev.hwdesc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryMapTest {

    private static final Interrupt UART_SPI = Interrupt.spi(1, Interrupt.Trigger.LEVEL_HIGH);

    @Test
    void ramOverADeviceWindowIsAnOverlap() {
        Platform p = Platform.builder()
                .memory(new MemoryRegion(new Region(0x08000000L, 0x40000000L), -1))
                .uart(new Pl011(new Region(0x09000000L, 0x1000), UART_SPI, false))
                .rtc(new Pl031(new Region(0x50000000L, 0x1000), Interrupt.spi(2, Interrupt.Trigger.LEVEL_HIGH)))
                .build();
        List<MemoryMap.Overlap> overlaps = MemoryMap.overlaps(p);
        assertEquals(1, overlaps.size(), overlaps.toString());
        assertEquals("RAM 0x8000000-0x47ffffff overlaps PL011 UART 0x9000000-0x9000fff", overlaps.get(0).toString());
    }

    @Test
    void aRegionInsideALargerOneIsCaughtAfterOthers() {
        Platform p = Platform.builder()
                .memory(new MemoryRegion(new Region(0x40000000L, 0x100000000L), -1))
                .uart(new Pl011(new Region(0x40001000L, 0x1000), UART_SPI, false))
                .uart(new Pl011(new Region(0x90000000L, 0x1000), UART_SPI, false))
                .build();
        assertEquals(2, MemoryMap.overlaps(p).size());
    }

    @Test
    void qemuVirtHasNone() throws ConfigException {
        QemuVirt q = new QemuVirt();
        for (MachineConfig c : List.of(MachineConfig.defaults(), MachineConfig.builder().secure(true).virtualization(true)
                .gicVersion(2).cpus(8).iommu(MachineConfig.Iommu.SMMUV3).build(), MachineConfig.builder().memory(300L << 30).build())) {
            assertEquals(List.of(), MemoryMap.overlaps(q.platform(c)));
        }
    }
}
