package dev.hwdesc.platform.qemu;

import dev.hwdesc.platform.Region;
import java.util.Optional;

/**
 * QEMU 7.2's virt memory map (hw/arm/virt.c, base_memmap and extended_memmap) and interrupt map
 * (a_irqmap), as facts: where each device sits and which SPI it raises.
 */
final class QemuVirtMemoryMap {

    static final long GIB = 1L << 30;

    static final Region FLASH_BANK0 = new Region(0x00000000L, 0x04000000L);
    static final Region FLASH_BANK1 = new Region(0x04000000L, 0x04000000L);
    static final Region GIC_DIST = new Region(0x08000000L, 0x00010000L);
    static final Region GIC_CPU = new Region(0x08010000L, 0x00010000L);
    static final Region GIC_V2M = new Region(0x08020000L, 0x00001000L);
    static final Region GIC_HYP = new Region(0x08030000L, 0x00010000L);
    static final Region GIC_VCPU = new Region(0x08040000L, 0x00010000L);
    static final Region GIC_ITS = new Region(0x08080000L, 0x00020000L);
    static final Region GIC_REDIST = new Region(0x080a0000L, 0x00f60000L);
    static final Region UART = new Region(0x09000000L, 0x00001000L);
    static final Region RTC = new Region(0x09010000L, 0x00001000L);
    static final Region FW_CFG = new Region(0x09020000L, 0x00000018L);
    static final Region GPIO = new Region(0x09030000L, 0x00001000L);
    static final Region SECURE_UART = new Region(0x09040000L, 0x00001000L);
    static final Region SMMU = new Region(0x09050000L, 0x00020000L);
    static final Region ACPI_GED = new Region(0x09080000L, 0x00000004L);
    /** VIRT_PCDIMM_ACPI: the memory hotplug registers (MEMORY_HOTPLUG_IO_LEN bytes). */
    static final Region MEMORY_HOTPLUG_REGISTERS = new Region(0x09070000L, 0x18L);
    static final Region SECURE_GPIO = new Region(0x090b0000L, 0x00001000L);
    static final long VIRTIO_MMIO_BASE = 0x0a000000L;
    static final long VIRTIO_MMIO_SIZE = 0x200L;
    static final int VIRTIO_MMIO_SLOTS = 32;
    static final Region PLATFORM_BUS = new Region(0x0c000000L, 0x02000000L);
    static final Region SECURE_MEM = new Region(0x0e000000L, 0x01000000L);
    static final Region PCIE_MMIO = new Region(0x10000000L, 0x2eff0000L);
    static final Region PCIE_PIO = new Region(0x3eff0000L, 0x00010000L);
    static final Region PCIE_ECAM = new Region(0x3f000000L, 0x01000000L);
    static final long RAM_BASE = 0x40000000L;
    /** RAM below the high I/O regions: at most 255 GiB, so they start at 256 GiB or later. */
    static final long LEGACY_RAM_LIMIT = 255 * GIB;

    static final long HIGH_GIC_REDIST2_SIZE = 64L << 20;
    static final long HIGH_PCIE_ECAM_SIZE = 256L << 20;
    static final long HIGH_PCIE_MMIO_SIZE = 512 * GIB;

    /** Bytes of redistributor frames per CPU: GICv3 has two 64 KiB frames, GICv4 four. */
    static final long GICV3_REDIST_STRIDE = 0x20000L;
    static final long GICV4_REDIST_STRIDE = 0x40000L;

    // The interrupt map: the SPI of each device.
    static final int UART_SPI = 1;
    static final int RTC_SPI = 2;
    static final int PCIE_FIRST_SPI = 3;
    static final int GPIO_SPI = 7;
    static final int SECURE_UART_SPI = 8;
    static final int ACPI_GED_SPI = 9;
    static final int VIRTIO_MMIO_FIRST_SPI = 16;
    static final int GIC_V2M_FIRST_SPI = 48;
    static final int GIC_V2M_SPI_COUNT = 64;
    static final int SMMU_FIRST_SPI = 74;
    static final int PLATFORM_BUS_FIRST_SPI = 112;
    static final int PLATFORM_BUS_SPI_COUNT = 64;

    // PPIs (the device tree's numbering: INTID - 16).
    static final int TIMER_SECURE_PPI = 13;
    static final int TIMER_PHYS_PPI = 14;
    static final int TIMER_VIRT_PPI = 11;
    static final int TIMER_HYP_PPI = 10;
    static final int GIC_MAINTENANCE_PPI = 9;
    static final int PMU_PPI = 7;

    /** The regions above RAM that fit the CPU's physical address space; each is empty when it does not fit. */
    record HighRegions(Optional<Region> redistributor2, Optional<Region> ecam, Optional<Region> mmio) {
    }

    private QemuVirtMemoryMap() {
    }

    /**
     * virt_set_memmap and virt_set_high_memmap: RAM and hot-pluggable memory first, then from 256 GiB
     * (or the first GiB above memory) the second redistributor region, the high ECAM and the high
     * PCIe MMIO window, each aligned to its size. A region that does not fit in {@code paBits} (32
     * without highmem) is left out, and the next one takes its place (the 7.2 "compact" layout).
     */
    static HighRegions highRegions(long ramSize, long hotplugSize, int paBits) {
        long deviceMemoryBase = roundUp(RAM_BASE + ramSize, GIB);
        long base = deviceMemoryBase + roundUp(hotplugSize, GIB);
        base = Math.max(base, RAM_BASE + LEGACY_RAM_LIMIT);
        long[] sizes = {HIGH_GIC_REDIST2_SIZE, HIGH_PCIE_ECAM_SIZE, HIGH_PCIE_MMIO_SIZE};
        @SuppressWarnings("unchecked")
        Optional<Region>[] placed = new Optional[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            long start = roundUp(base, sizes[i]);
            boolean fits = paBits >= 64 || Long.compareUnsigned(start + sizes[i], 1L << paBits) <= 0;
            placed[i] = fits ? Optional.of(new Region(start, sizes[i])) : Optional.empty();
            if (fits) {
                base = start + sizes[i];
            }
        }
        return new HighRegions(placed[0], placed[1], placed[2]);
    }

    /** Whether RAM (and hot-pluggable memory) ends within {@code paBits} of address space. */
    static boolean memoryFits(long ramSize, long hotplugSize, int paBits) {
        long top = roundUp(RAM_BASE + ramSize, GIB) + roundUp(hotplugSize, GIB);
        return Long.compareUnsigned(top, 1L << paBits) <= 0;
    }

    static long roundUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
