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

    /** strspn: the length of the leading run of {@code s} made only of characters in {@code accept}. */
    static int span(String s, String accept) {
        int i = 0;
        while (i < s.length() && accept.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
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

    /** C's isxdigit for one character. */
    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
