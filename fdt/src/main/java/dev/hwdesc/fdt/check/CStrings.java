package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.PropertyValue;

/** The C string operations dtc's checks use, on names (Latin-1 strings) and raw values. */
final class CStrings {

    static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";

    private CStrings() {
    }

    /**
     * What printf's "%s" shows for a value: its bytes up to the first NUL (or the end), and
     * "(null)" for an empty value, whose data pointer is NULL in dtc.
     */
    static String printed(PropertyValue value) {
        return value.isEmpty() ? "(null)" : value.firstString();
    }

    /** streq(value, s) for a value read as a C string (up to its first NUL or its end); false for an empty value. */
    static boolean valueEquals(PropertyValue value, String s) {
        return !value.isEmpty() && value.firstString().equals(s);
    }

    /** dtc's strprefixeq(a, n, b): the first {@code n} characters of {@code a} are exactly {@code b}. */
    static boolean prefixIs(String a, int n, String b) {
        return b.length() == n && a.length() >= n && a.regionMatches(0, b, 0, n);
    }

    /** The length of a node name's base name (dtc's basenamelen: up to the first '@'). */
    static int baseNameLength(String nodeName) {
        int at = nodeName.indexOf('@');
        return at < 0 ? nodeName.length() : at;
    }

    /** True when the node name has a non-empty unit address (something after its first '@'). */
    static boolean hasUnitAddress(String nodeName) {
        int at = nodeName.indexOf('@');
        return at >= 0 && at < nodeName.length() - 1;
    }

    /** True when the unit address of {@code nodeName} (after the first '@', or "") equals {@code unit}. */
    static boolean unitAddressIs(String nodeName, String unit) {
        int at = nodeName.indexOf('@');
        if (at < 0) {
            return unit.isEmpty();
        }
        return nodeName.length() - at - 1 == unit.length() && nodeName.startsWith(unit, at + 1);
    }

    /** True when a value, read as NUL-separated strings, has one equal to {@code s} (dtc's node_is_compatible). */
    static boolean hasString(PropertyValue value, String s) {
        int len = value.length();
        int start = 0;
        while (start < len) {
            int end = start;
            while (end < len && value.byteAt(end) != 0) {
                end++;
            }
            if (end - start == s.length()) {
                boolean same = true;
                for (int i = 0; i < s.length() && same; i++) {
                    same = (value.byteAt(start + i) & 0xff) == s.charAt(i);
                }
                if (same) {
                    return true;
                }
            }
            start = end + 1;
        }
        return false;
    }

    /** C's isxdigit for one character. */
    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
