package dev.hwdesc.fdt.dts;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;

/**
 * How dtc 1.6.1 guesses the syntax of a value that carries no chunk markers (every value read from a
 * DTB): a string if it ends in NUL, every byte is printable, NUL or one of {@code \a \b \t \n \v \f \r},
 * there are no more NULs than other bytes and no label sits after a non-NUL byte; otherwise 32-bit
 * cells if the length is a multiple of 4 and no label is off a cell boundary; otherwise bytes.
 */
public final class ValueTypeGuess {

    private ValueTypeGuess() {
    }

    public static ValueType guess(PropertyValue v) {
        int len = v.length();
        int notString = 0;
        int nuls = 0;
        for (int i = 0; i < len; i++) {
            int c = v.byteAt(i) & 0xff;
            if (!isStringByte(c)) {
                notString++;
            }
            if (c == 0) {
                nuls++;
            }
        }
        int labelsNotAfterNul = 0;
        int labelsOffCell = 0;
        if (!v.markers().isEmpty()) {
            for (Marker m : v.markers()) {
                if (m instanceof Marker.ValueLabel) {
                    if (m.offset() > 0 && v.byteAt(m.offset() - 1) != 0) {
                        labelsNotAfterNul++;
                    }
                    if (m.offset() % 4 != 0) {
                        labelsOffCell++;
                    }
                }
            }
        }
        if (len > 0 && v.byteAt(len - 1) == 0 && notString == 0 && nuls <= len - nuls && labelsNotAfterNul == 0) {
            return ValueType.STRING;
        }
        if (len % 4 == 0 && labelsOffCell == 0) {
            return ValueType.CELLS32;
        }
        return ValueType.BYTES;
    }

    /** dtc's isstring(): printable ASCII, NUL, or one of the C escapes it can print. */
    static boolean isStringByte(int c) {
        return (c >= 0x20 && c <= 0x7e) || c == 0 || c == 7 || c == 8 || c == 9 || c == 10 || c == 11 || c == 12
                || c == 13;
    }
}
