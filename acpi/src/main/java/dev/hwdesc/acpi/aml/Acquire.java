package dev.hwdesc.acpi.aml;

/** DefAcquire (ACPI 6.4 section 20.2.5.4): 0x5B 0x23 MutexObject Timeout(word; 0xFFFF waits forever). */
public record Acquire(Aml mutex, int timeout) implements Aml {

    static final int ACQUIRE_OP = 0x23;

    public Acquire {
        if (timeout < 0 || timeout > 0xFFFF) {
            throw new IllegalArgumentException("an Acquire timeout is 0-0xFFFF, not " + timeout);
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(Device.EXT_OP_PREFIX);
        out.u8(ACQUIRE_OP);
        mutex.writeTo(out);
        out.u16(timeout);
    }
}
