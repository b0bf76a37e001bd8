package dev.hwdesc.acpi.table;

/**
 * The Fixed ACPI Description Table, 276 bytes (ACPI 6.x, revision 6, 5.2.9), as a hardware-reduced
 * ARM system fills it: the legacy PM and GPE fields stay 0.
 */
public final class Fadt {

    /** Flags bit 20. */
    public static final long HW_REDUCED_ACPI = 1L << 20;
    /** ARM_BOOT_ARCH bits: PSCI is implemented, and called with HVC rather than SMC. */
    public static final int PSCI_COMPLIANT = 1;
    public static final int PSCI_USE_HVC = 2;

    public static final String FIRMWARE_CTRL = "FIRMWARE_CTRL";
    public static final String DSDT = "DSDT";
    public static final String X_FIRMWARE_CTRL = "X_FIRMWARE_CTRL";
    public static final String X_DSDT = "X_DSDT";

    public static final Layout LAYOUT = Sdt.table("FADT")
            .u32(FIRMWARE_CTRL, "32-bit FACS address")
            .u32(DSDT, "32-bit DSDT address")
            .reserved(1)
            .u8("Preferred_PM_Profile", "0 unspecified")
            .u16("SCI_INT", "SCI interrupt")
            .u32("SMI_CMD", "SMI command port")
            .u8("ACPI_ENABLE", "value to enable ACPI")
            .u8("ACPI_DISABLE", "value to disable ACPI")
            .u8("S4BIOS_REQ", "value for S4BIOS")
            .u8("PSTATE_CNT", "P-state control")
            .u32("PM1a_EVT_BLK", "PM1a event block port")
            .u32("PM1b_EVT_BLK", "PM1b event block port")
            .u32("PM1a_CNT_BLK", "PM1a control block port")
            .u32("PM1b_CNT_BLK", "PM1b control block port")
            .u32("PM2_CNT_BLK", "PM2 control block port")
            .u32("PM_TMR_BLK", "PM timer block port")
            .u32("GPE0_BLK", "GPE0 block port")
            .u32("GPE1_BLK", "GPE1 block port")
            .u8("PM1_EVT_LEN", "PM1 event block length")
            .u8("PM1_CNT_LEN", "PM1 control block length")
            .u8("PM2_CNT_LEN", "PM2 control block length")
            .u8("PM_TMR_LEN", "PM timer block length")
            .u8("GPE0_BLK_LEN", "GPE0 block length")
            .u8("GPE1_BLK_LEN", "GPE1 block length")
            .u8("GPE1_BASE", "GPE1 base")
            .u8("CST_CNT", "_CST support")
            .u16("P_LVL2_LAT", "C2 latency")
            .u16("P_LVL3_LAT", "C3 latency")
            .u16("FLUSH_SIZE", "cache flush size")
            .u16("FLUSH_STRIDE", "cache flush stride")
            .u8("DUTY_OFFSET", "duty cycle offset")
            .u8("DUTY_WIDTH", "duty cycle width")
            .u8("DAY_ALRM", "RTC day alarm index")
            .u8("MON_ALRM", "RTC month alarm index")
            .u8("CENTURY", "RTC century index")
            .u16("IAPC_BOOT_ARCH", "x86 boot flags")
            .reserved(1)
            .u32("Flags", "fixed feature flags (bit 20 HW_REDUCED_ACPI)")
            .gas("RESET_REG")
            .u8("RESET_VALUE", "value to write to RESET_REG")
            .u16("ARM_BOOT_ARCH", "bit 0 PSCI compliant, bit 1 PSCI uses HVC")
            .u8("FADT Minor Version", "minor version")
            .u64(X_FIRMWARE_CTRL, "64-bit FACS address")
            .u64(X_DSDT, "64-bit DSDT address")
            .gas("X_PM1a_EVT_BLK")
            .gas("X_PM1b_EVT_BLK")
            .gas("X_PM1a_CNT_BLK")
            .gas("X_PM1b_CNT_BLK")
            .gas("X_PM2_CNT_BLK")
            .gas("X_PM_TMR_BLK")
            .gas("X_GPE0_BLK")
            .gas("X_GPE1_BLK")
            .gas("SLEEP_CONTROL_REG")
            .gas("SLEEP_STATUS_REG")
            .ascii("Hypervisor Vendor Identity", 8, "hypervisor vendor")
            .build(276);

    private Fadt() {
    }
}
