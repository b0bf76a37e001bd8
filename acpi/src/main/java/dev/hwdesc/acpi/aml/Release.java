package dev.hwdesc.acpi.aml;

/** DefRelease (ACPI 6.4 section 20.2.5.3): 0x5B 0x27 MutexObject. */
public record Release(Aml mutex) implements Aml {

    static final int RELEASE_OP = 0x27;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(Device.EXT_OP_PREFIX);
        out.u8(RELEASE_OP);
        mutex.writeTo(out);
    }
}
