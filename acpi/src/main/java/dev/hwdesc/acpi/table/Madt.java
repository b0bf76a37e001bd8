package dev.hwdesc.acpi.table;

import java.util.Map;

/**
 * The Multiple APIC Description Table with the GIC structures of an ARM system (ACPI 6.4, 5.2.12):
 * GICC (80 bytes, ACPI 6.0 to 6.4), GICD, GIC MSI frame, GICR and GIC ITS. A longer GICC (ACPI 6.5,
 * 82 bytes) keeps its extra bytes as raw tail.
 */
public final class Madt {

    public static final int GICC_TYPE = 0x0B;
    public static final int GICD_TYPE = 0x0C;
    public static final int MSI_FRAME_TYPE = 0x0D;
    public static final int GICR_TYPE = 0x0E;
    public static final int ITS_TYPE = 0x0F;

    /** GICC Flags bit 0. */
    public static final int GICC_ENABLED = 1;
    /** MSI frame Flags bit 0: SPI Count and SPI Base override the frame's MSI_TYPER. */
    public static final int MSI_SPI_SELECT = 1;

    public static final Layout GICC = Layout.builder("GIC CPU Interface (GICC)")
            .fixed("Type", 1, GICC_TYPE, "0x0B GICC")
            .length("Length", 1)
            .reserved(2)
            .u32("CPU Interface Number", "GIC CPU interface number")
            .u32("ACPI Processor UID", "matches the processor device's _UID")
            .u32("Flags", "bit 0 enabled, bit 1 perf IRQ edge, bit 2 VGIC IRQ edge, bit 3 online capable")
            .u32("Parking Protocol Version", "0: no parking protocol")
            .u32("Performance Interrupt GSIV", "PMU interrupt")
            .u64("Parked Address", "parking protocol mailbox")
            .u64("Physical Base Address", "GICC frame (GICv2)")
            .u64("GICV", "virtual CPU interface frame")
            .u64("GICH", "virtual interface control frame")
            .u32("VGIC Maintenance Interrupt", "GSIV of the VGIC maintenance PPI")
            .u64("GICR Base Address", "this CPU's redistributor (0: use GICR structures)")
            .u64("MPIDR", "affinity fields of the CPU's MPIDR")
            .u8("Processor Power Efficiency Class", "efficiency class")
            .reserved(1)
            .u16("SPE Overflow Interrupt", "statistical profiling interrupt")
            .build(80);

    public static final Layout GICD = Layout.builder("GIC Distributor (GICD)")
            .fixed("Type", 1, GICD_TYPE, "0x0C GICD")
            .length("Length", 1)
            .reserved(2)
            .u32("GIC ID", "distributor ID")
            .u64("Physical Base Address", "GICD frame")
            .u32("System Vector Base", "0 on ARM")
            .u8("GIC Version", "1 GICv1, 2 GICv2, 3 GICv3, 4 GICv4")
            .reserved(3)
            .build(24);

    public static final Layout MSI_FRAME = Layout.builder("GIC MSI Frame")
            .fixed("Type", 1, MSI_FRAME_TYPE, "0x0D GIC MSI frame")
            .length("Length", 1)
            .reserved(2)
            .u32("GIC MSI Frame ID", "frame ID")
            .u64("Physical Base Address", "frame address")
            .u32("Flags", "bit 0: SPI Count and SPI Base are used")
            .u16("SPI Count", "number of SPIs")
            .u16("SPI Base", "first SPI (GSIV)")
            .build(24);

    public static final Layout GICR = Layout.builder("GIC Redistributor (GICR)")
            .fixed("Type", 1, GICR_TYPE, "0x0E GICR")
            .length("Length", 1)
            .reserved(2)
            .u64("Discovery Range Base Address", "redistributor region")
            .u32("Discovery Range Length", "region length")
            .build(16);

    public static final Layout ITS = Layout.builder("GIC Interrupt Translation Service (ITS)")
            .fixed("Type", 1, ITS_TYPE, "0x0F GIC ITS")
            .length("Length", 1)
            .reserved(2)
            .u32("GIC ITS ID", "ITS ID (IORT ITS groups name it)")
            .u64("Physical Base Address", "ITS frame")
            .reserved(4)
            .build(20);

    public static final Layout LAYOUT = Sdt.table("MADT")
            .u32("Local Interrupt Controller Address", "0 on ARM")
            .u32("Flags", "bit 0 PC-AT compatible")
            .subtables(1, 1, Map.of((long) GICC_TYPE, GICC, (long) GICD_TYPE, GICD, (long) MSI_FRAME_TYPE, MSI_FRAME,
                    (long) GICR_TYPE, GICR, (long) ITS_TYPE, ITS))
            .build(44);

    private Madt() {
    }
}
