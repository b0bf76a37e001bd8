package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.PropertyValue;

/**
 * Reads 32-bit cells from a value the way dtc's checks do, without trusting the value's length:
 * where dtc would read past the end of a value (its checks often assume a length an earlier check
 * only warned about), this reads zero bytes instead of whatever followed in memory.
 */
final class Cells {

    private Cells() {
    }

    /** The unsigned big-endian cell at cell index {@code index}, zero-padded past the end. */
    static long cell(PropertyValue value, long index) {
        long at = index * 4;
        int len = value.length();
        if (index < 0 || at >= len) {
            return 0;
        }
        if (at + 4 <= len) {
            return value.u32At((int) at);
        }
        long v = 0;
        for (int i = 0; i < 4; i++) {
            long b = at + i < len ? value.byteAt((int) (at + i)) & 0xffL : 0;
            v = (v << 8) | b;
        }
        return v;
    }

    /** The first cell: dtc's propval_cell, which asserts a 4-byte value (this reads whatever is there). */
    static long first(PropertyValue value) {
        return cell(value, 0);
    }

    /** True for the two cell values dtc treats as "no phandle": 0 and 0xffffffff. */
    static boolean isNoPhandle(long cell) {
        return cell == 0 || cell == 0xffffffffL;
    }

    /** dtc's is_multiple_of(int, int): a zero divisor only divides zero; C's signed remainder otherwise. */
    static boolean isMultipleOf(int multiple, int divisor) {
        return divisor == 0 ? multiple == 0 : multiple % divisor == 0;
    }
}
