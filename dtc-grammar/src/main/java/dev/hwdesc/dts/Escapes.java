package dev.hwdesc.dts;

import java.io.ByteArrayOutputStream;

/**
 * dtc's escapes in strings and character literals (util.c get_escape_char): \a \b \t \n \v \f \r;
 * 1 to 3 octal digits, truncated to a byte ("\400" is 0, "\08" is NUL then '8'); \x with 1 or 2 hex
 * digits as C's strtol reads them (leading space and a sign included), and none at all a fatal
 * error; any other character stands for itself ("\q" is 'q').
 */
final class Escapes {

    /** A "\x" with no hex digit after it: dtc dies on it. */
    static final class BareHexEscape extends Exception {
        BareHexEscape() {
            super("\\x used with no following hex digits");
        }
    }

    private Escapes() {
    }

    /** The bytes of {@code body} with escapes resolved, without a terminating NUL. */
    static byte[] unescape(String body) throws BareHexEscape {
        return unescape(body, body.length());
    }

    /**
     * Whether {@code text} has a backslash between {@code from} and {@code to}, looking only there
     * (String.indexOf would read on to the end of a file).
     */
    static boolean any(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    /**
     * The first {@code length} characters of {@code text} with escapes resolved. As in dtc, which
     * unescapes a literal where it lies in the lexer's buffer, an escape may read past {@code length}
     * into what follows (the closing quote: {@code '\'} is a quote).
     */
    static byte[] unescape(String text, int length) throws BareHexEscape {
        if (!any(text, 0, length)) {
            // no escape: the bytes as they are
            return text.substring(0, length).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, length));
        int[] i = {0};
        while (i[0] < length) {
            char c = text.charAt(i[0]++);
            if (c == '\\' && i[0] < text.length()) {
                out.write(escape(text, i));
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** Reads the escape whose letter is at {@code i[0]}; leaves {@code i[0]} after it. */
    private static int escape(String s, int[] i) throws BareHexEscape {
        char c = s.charAt(i[0]);
        int next = i[0] + 1;
        int value;
        switch (c) {
            case 'a' -> value = 7;
            case 'b' -> value = 8;
            case 't' -> value = 9;
            case 'n' -> value = 10;
            case 'v' -> value = 11;
            case 'f' -> value = 12;
            case 'r' -> value = 13;
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                long[] parsed = strtol(window(s, i[0], 3), 8);
                value = (int) parsed[0];
                next = i[0] + (int) parsed[1];
            }
            case 'x' -> {
                long[] parsed = strtol(window(s, next, 2), 16);
                if (parsed[1] == 0) {
                    throw new BareHexEscape();
                }
                value = (int) parsed[0];
                next += (int) parsed[1];
            }
            default -> value = c;
        }
        i[0] = next;
        return value & 0xff;
    }

    /** Up to {@code n} chars from {@code from}, stopping at a NUL as strncpy does. */
    private static String window(String s, int from, int n) {
        int end = Math.min(s.length(), from + n);
        int nul = s.indexOf('\0', from);
        if (nul >= 0 && nul < end) {
            end = nul;
        }
        return s.substring(Math.min(from, end), end);
    }

    /** C's strtol on a short window: {value, characters consumed}; consumed 0 when no digits. */
    private static long[] strtol(String w, int radix) {
        int i = 0;
        while (i < w.length() && " \t\n\u000b\f\r".indexOf(w.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < w.length() && (w.charAt(i) == '+' || w.charAt(i) == '-')) {
            negative = w.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long v = 0;
        while (i < w.length() && Character.digit(w.charAt(i), radix) >= 0) {
            v = v * radix + Character.digit(w.charAt(i), radix);
            i++;
        }
        if (i == digitsStart) {
            return new long[] {0, 0};
        }
        return new long[] {negative ? -v : v, i};
    }
}
