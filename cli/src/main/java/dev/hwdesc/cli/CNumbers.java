package dev.hwdesc.cli;

/**
 * Parses numbers the way dtc's command line does, with C's {@code strtol(s, NULL, 0)}: optional
 * whitespace and sign, then {@code 0x} hex, a leading {@code 0} for octal, or decimal, stopping at the
 * first character that does not fit; no digits at all gives 0.
 */
final class CNumbers {

    private CNumbers() {
    }

    static long strtol(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            radix = 8;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                break;
            }
            long next = value * radix + d;
            if (next < value) {
                overflow = true;
            }
            value = next;
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }

    /** strtol stored in a C int, as dtc stores most option values: the low 32 bits. */
    static int strtolInt(String s) {
        return (int) strtol(s);
    }
}
