package dev.hwdesc.platform;

/** A run of {@code count} SPIs from {@code first} (the device tree's SPI numbering, 0-987). */
public record SpiRange(int first, int count) {

    public SpiRange {
        if (first < 0 || count < 1 || (long) first + count > 988) {
            throw new IllegalArgumentException("SPIs " + first + " (" + count + " of them) are not within SPI 0-987");
        }
    }
}
