package dev.hwdesc.acpi.table;

/** The Serial Port Console Redirection table, revision 2 (80 bytes), as for an ARM PL011. */
public final class Spcr {

    /** Interface types (DBG2's serial subtypes): 3 ARM PL011. */
    public static final int PL011 = 3;
    /** Interrupt Type bit 3: ARM GIC interrupt. */
    public static final int GIC_INTERRUPT = 8;

    public static final Layout LAYOUT = Sdt.table("SPCR")
            .u8("Interface Type", "3 ARM PL011")
            .reserved(3)
            .gas("Base Address")
            .u8("Interrupt Type", "bit 3 ARM GIC")
            .u8("PC-AT IRQ", "8259 IRQ")
            .u32("Global System Interrupt", "GSIV")
            .u8("Baud Rate", "3 9600, 4 19200, 6 57600, 7 115200")
            .u8("Parity", "0 none")
            .u8("Stop Bits", "1 one stop bit")
            .u8("Flow Control", "bit 0 DCD, bit 1 RTS/CTS, bit 2 XON/XOFF")
            .u8("Terminal Type", "0 VT100")
            .u8("Language", "0")
            .u16("PCI Device ID", "0xFFFF: not PCI")
            .u16("PCI Vendor ID", "0xFFFF: not PCI")
            .u8("PCI Bus Number", "0")
            .u8("PCI Device Number", "0")
            .u8("PCI Function Number", "0")
            .u32("PCI Flags", "0")
            .u8("PCI Segment", "0")
            .reserved(4)
            .build(80);

    private Spcr() {
    }
}
