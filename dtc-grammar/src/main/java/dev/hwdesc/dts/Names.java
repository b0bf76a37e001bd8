package dev.hwdesc.dts;

/**
 * One String per distinct name within a compilation. A property name ("reg", "compatible") recurs
 * on most nodes and a node name ("dev@0") often recurs under many parents; sharing them shrinks a
 * large tree noticeably, and a name seen before is found straight from the source text, without
 * making a String for it. Once the table holds {@link #CAPACITY} names it stops growing (names that
 * never repeat would only cost memory), but still shares those it has.
 */
final class Names {

    static final int CAPACITY = 1 << 14;

    /** Open addressing, at most half full. */
    private final String[] table = new String[CAPACITY * 2];
    private int size;

    /** The name {@code source[start, end)}. */
    String of(String source, int start, int end) {
        int length = end - start;
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + source.charAt(i); // String.hashCode's, which each String caches
        }
        int mask = table.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (String s = table[slot]; s != null; s = table[slot]) {
            if (s.hashCode() == hash && s.length() == length && source.regionMatches(start, s, 0, length)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
        String name = source.substring(start, end);
        if (size < CAPACITY) {
            // The JVM's copy: the checks compare names with literals, and the same instance compares at once.
            name = name.intern();
            table[slot] = name;
            size++;
        }
        return name;
    }
}
