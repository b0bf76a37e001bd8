package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * Extended Interrupt Descriptor (ACPI 6.4 section 6.4.3.6), ASL's Interrupt(): 0x89, a 16-bit
 * length, flags (bit 0 consumer, bit 1 edge, bit 2 active-low, bit 3 shared, bit 4 wake-capable),
 * the count, the 32-bit interrupt numbers (GSIVs on Arm). No resource source.
 */
public record ExtendedInterrupt(boolean consumer, boolean edge, boolean activeLow, boolean shared, boolean wake,
        List<Long> interrupts) implements ResourceDescriptor {

    static final int TAG = 0x89;

    public ExtendedInterrupt {
        interrupts = List.copyOf(interrupts);
        if (interrupts.isEmpty() || interrupts.size() > 255) {
            throw new IllegalArgumentException("an Interrupt descriptor lists 1-255 interrupts, not " + interrupts.size());
        }
        for (long i : interrupts) {
            if ((i >>> 32) != 0) {
                throw new IllegalArgumentException("interrupt 0x" + Long.toHexString(i) + " does not fit 32 bits");
            }
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(TAG);
        out.u16(2 + 4 * interrupts.size());
        out.u8((consumer ? 1 : 0) | (edge ? 2 : 0) | (activeLow ? 4 : 0) | (shared ? 8 : 0) | (wake ? 0x10 : 0));
        out.u8(interrupts.size());
        for (long i : interrupts) {
            out.u32(i);
        }
    }
}
