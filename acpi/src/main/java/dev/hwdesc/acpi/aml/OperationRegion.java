package dev.hwdesc.acpi.aml;

/** DefOpRegion (ACPI 6.4 section 20.2.5.2): 0x5B 0x80 NameString RegionSpace Offset Length. */
public record OperationRegion(NameString name, RegionSpace space, Aml offset, Aml length) implements Aml {

    static final int OP_REGION_OP = 0x80;

    /** The address spaces (ACPI 6.4 table 19.x, RegionSpace). */
    public enum RegionSpace {
        SYSTEM_MEMORY(0x00), SYSTEM_IO(0x01), PCI_CONFIG(0x02), EMBEDDED_CONTROL(0x03), SMBUS(0x04),
        SYSTEM_CMOS(0x05), PCI_BAR_TARGET(0x06), IPMI(0x07), GENERAL_PURPOSE_IO(0x08), GENERIC_SERIAL_BUS(0x09),
        PCC(0x0A);

        private final int code;

        RegionSpace(int code) {
            this.code = code;
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(Device.EXT_OP_PREFIX);
        out.u8(OP_REGION_OP);
        name.writeTo(out);
        out.u8(space.code);
        offset.writeTo(out);
        length.writeTo(out);
    }
}
