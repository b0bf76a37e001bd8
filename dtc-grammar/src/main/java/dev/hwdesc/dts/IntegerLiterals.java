package dev.hwdesc.dts;

/**
 * Integer literals as dtc's lexer converts them: C's strtoull with base 0 (a leading 0 means octal,
 * so "08" stops at '8' and is a bad literal), an optional U/L suffix, and a value above 2^64-1 out
 * of range. The digits are read in place, from the text the literal lies in.
 */
final class IntegerLiterals {

    /** The value, and why the literal is bad in dtc's words (null when it is not). */
    record Parsed(long value, String error) {
    }

    private IntegerLiterals() {
    }

    /** The literal {@code source[start, end)}. */
    static Parsed parse(String source, int start, int end) {
        int radix = 10;
        int i = start;
        if (end - start > 1 && source.charAt(start) == '0') {
            char x = source.charAt(start + 1);
            if (x == 'x' || x == 'X') {
                radix = 16;
                i += 2;
            } else {
                radix = 8;
            }
        }
        long limit = Long.divideUnsigned(-1L, radix); // the largest value that can take one more digit
        long value = 0;
        boolean overflow = false;
        for (; i < end; i++) {
            int d = Character.digit(source.charAt(i), radix);
            if (d < 0) {
                break;
            }
            if (Long.compareUnsigned(value, limit) > 0) {
                overflow = true;
            }
            long shifted = value * radix;
            value = shifted + d;
            if (Long.compareUnsigned(value, shifted) < 0) {
                overflow = true;
            }
        }
        String error = null;
        for (int s = i; s < end; s++) {
            char c = source.charAt(s);
            if (c != 'U' && c != 'L') {
                error = "Bad integer literal '" + source.substring(start, end) + "'";
                break;
            }
        }
        if (overflow) {
            return new Parsed(-1L, error != null ? error : "Integer literal '" + source.substring(start, end) + "' out of range");
        }
        return new Parsed(value, error);
    }
}
