package dev.hwdesc.acpi.aml;

/** DefMutex (ACPI 6.4 section 20.2.5.2): 0x5B 0x01 NameString SyncFlags (sync level 0-15). */
public record Mutex(NameString name, int syncLevel) implements Aml {

    static final int MUTEX_OP = 0x01;

    public Mutex {
        if (syncLevel < 0 || syncLevel > 15) {
            throw new IllegalArgumentException("a sync level is 0-15, not " + syncLevel);
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(Device.EXT_OP_PREFIX);
        out.u8(MUTEX_OP);
        name.writeTo(out);
        out.u8(syncLevel);
    }
}
