package dev.hwdesc.acpi.table;

/**
 * The Debug Port Table 2: device information structures, each with its registers as Generic
 * Address Structures, their sizes, and a namespace string (the raw tail; OEM data is not modelled
 * apart from its length and offset fields).
 */
public final class Dbg2 {

    /** Port type serial, subtype ARM PL011. */
    public static final int SERIAL = 0x8000;
    public static final int PL011 = 0x0003;

    public static final Layout REGISTER = Layout.builder("Base address register").gas("Register").build(12);

    public static final Layout ADDRESS_SIZE = Layout.builder("Address size").u32("Size", "register block size").build(4);

    public static final Layout DEVICE = Layout.builder("Debug device information")
            .u8("Revision", "0")
            .length("Length", 2)
            .u8("Register Count", "number of base address registers")
            .u16("Namespace String Length", "with the NUL")
            .u16("Namespace String Offset", "from the structure's start")
            .u16("OEM Data Length", "0: none")
            .u16("OEM Data Offset", "0: none")
            .u16("Port Type", "0x8000 serial")
            .u16("Port Subtype", "3 ARM PL011")
            .reserved(2)
            .u16("Base Address Register Offset", "from the structure's start")
            .u16("Address Size Offset", "from the structure's start")
            .repeat(REGISTER, "Register Count", "Base Address Register Offset")
            .repeat(ADDRESS_SIZE, "Register Count", "Address Size Offset")
            .tail("Namespace String Length", "Namespace String Offset")
            .build(22);

    public static final Layout LAYOUT = Sdt.table("DBG2")
            .u32("Device Information Offset", "offset of the first device")
            .u32("Device Information Count", "devices")
            .repeat(DEVICE, "Device Information Count", "Device Information Offset")
            .build(44);

    private Dbg2() {
    }
}
