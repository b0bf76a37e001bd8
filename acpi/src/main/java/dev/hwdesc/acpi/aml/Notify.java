package dev.hwdesc.acpi.aml;

/** DefNotify (ACPI 6.4 section 20.2.5.3): 0x86 NotifyObject NotifyValue. */
public record Notify(Aml object, Aml value) implements Aml {

    static final int NOTIFY_OP = 0x86;

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(NOTIFY_OP);
        object.writeTo(out);
        value.writeTo(out);
    }
}
