package dev.hwdesc.dts;

import java.math.BigInteger;

/**
 * Integer literals as dtc's lexer converts them: C's strtoull with base 0 (a leading 0 means octal,
 * so "08" stops at '8' and is a bad literal), an optional U/L suffix, and a value above 2^64-1 out
 * of range.
 */
final class IntegerLiterals {

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Why a literal is bad, in dtc's words, or empty. */
    record Parsed(long value, String error) {
    }

    private IntegerLiterals() {
    }

    static Parsed parse(String text) {
        int n = text.length();
        if (n <= 18 && n > 0 && text.charAt(0) != '0') {
            // The common case: a short decimal with no suffix fits a long as is.
            long v = 0;
            int i = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == n) {
                return new Parsed(v, null);
            }
        }
        int radix = 10;
        int i = 0;
        if (text.length() > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            radix = 16;
            i = 2;
        } else if (text.startsWith("0")) {
            radix = 8;
        }
        int digitsStart = i;
        while (i < text.length() && Character.digit(text.charAt(i), radix) >= 0) {
            i++;
        }
        String digits = text.substring(digitsStart, i);
        BigInteger v = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, radix);
        String rest = text.substring(i);
        String error = null;
        if (!rest.isEmpty() && !rest.chars().allMatch(c -> c == 'U' || c == 'L')) {
            error = "Bad integer literal '" + text + "'";
        }
        if (v.compareTo(MAX) > 0) {
            return new Parsed(-1L, error != null ? error : "Integer literal '" + text + "' out of range");
        }
        return new Parsed(v.longValue(), error);
    }
}
