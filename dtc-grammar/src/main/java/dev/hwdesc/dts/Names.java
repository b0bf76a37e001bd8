package dev.hwdesc.dts;

import java.util.HashMap;
import java.util.Map;

/**
 * One String per distinct name within a compilation. A property name ("reg", "compatible") recurs
 * on most nodes and a node name ("dev@0") often recurs under many parents; sharing them shrinks a
 * large tree noticeably. Once the table holds {@link #CAPACITY} names it stops growing (names that
 * never repeat would only cost memory), but still shares those it has.
 */
final class Names {

    static final int CAPACITY = 1 << 14;

    private final Map<String, String> known = new HashMap<>();

    String of(String name) {
        String k = known.get(name);
        if (k != null) {
            return k;
        }
        if (known.size() < CAPACITY) {
            // The JVM's copy: the checks compare names with literals, and the same instance compares at once.
            String shared = name.intern();
            known.put(shared, shared);
            return shared;
        }
        return name;
    }
}
