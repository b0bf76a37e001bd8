package dev.hwdesc.fdt.check;

/** A set of Latin-1 characters with a table lookup, for the strspn calls dtc's name checks make. */
final class CharClass {

    private final boolean[] members = new boolean[256];

    private CharClass(String chars) {
        for (int i = 0; i < chars.length(); i++) {
            members[chars.charAt(i)] = true;
        }
    }

    static CharClass of(String chars) {
        return new CharClass(chars);
    }

    /** strspn: the length of the leading run of {@code s} made only of members. */
    int span(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c > 0xff || !members[c]) {
                break;
            }
            i++;
        }
        return i;
    }
}
