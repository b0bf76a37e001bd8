package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * GPIO Connection Descriptor of the interrupt type (ACPI 6.4 section 6.4.3.8.1), ASL's GpioInt():
 * 0x8C, length, revision 1, connection type 0, general flags (bit 0 consumer), interrupt flags
 * (bit 0 edge, bits 2-1 polarity, bit 3 shared, bit 4 wake), pin configuration, output drive
 * strength (0), debounce timeout, then the offsets (from the descriptor's first byte) of the pin
 * table, the resource source name and the (empty) vendor data, then the pins and the name.
 */
public record GpioInt(boolean edge, Polarity polarity, boolean shared, boolean wake, PinConfig pinConfig,
        int debounceTimeout, String resourceSource, List<Integer> pins) implements ResourceDescriptor {

    static final int TAG = 0x8C;
    private static final int FIXED_SIZE = 23;

    /** ActiveHigh, ActiveLow, ActiveBoth. */
    public enum Polarity { ACTIVE_HIGH, ACTIVE_LOW, ACTIVE_BOTH }

    /** PullDefault, PullUp, PullDown, PullNone. */
    public enum PinConfig { PULL_DEFAULT, PULL_UP, PULL_DOWN, PULL_NONE }

    public GpioInt {
        pins = List.copyOf(pins);
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("a GpioInt names at least one pin");
        }
        for (int p : pins) {
            if (p < 0 || p > 0xFFFF) {
                throw new IllegalArgumentException("pin " + p + " is not 0-0xFFFF");
            }
        }
        if (resourceSource.isEmpty() || !resourceSource.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a GpioInt names its GPIO controller in ASCII, not \"" + resourceSource + "\"");
        }
        if (debounceTimeout < 0 || debounceTimeout > 0xFFFF) {
            throw new IllegalArgumentException("a debounce timeout is 0-0xFFFF, not " + debounceTimeout);
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        int pinTable = FIXED_SIZE;
        int source = pinTable + 2 * pins.size();
        int vendor = source + resourceSource.length() + 1;
        out.u8(TAG);
        out.u16(vendor - 3);
        out.u8(1);
        out.u8(0);
        out.u16(1);
        out.u16((edge ? 1 : 0) | polarity.ordinal() << 1 | (shared ? 8 : 0) | (wake ? 0x10 : 0));
        out.u8(pinConfig.ordinal());
        out.u16(0);
        out.u16(debounceTimeout);
        out.u16(pinTable);
        out.u8(0);
        out.u16(source);
        out.u16(vendor);
        out.u16(0);
        for (int p : pins) {
            out.u16(p);
        }
        for (int i = 0; i < resourceSource.length(); i++) {
            out.u8(resourceSource.charAt(i));
        }
        out.u8(0);
    }
}
