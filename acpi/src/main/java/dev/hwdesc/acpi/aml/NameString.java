package dev.hwdesc.acpi.aml;

import java.util.ArrayList;
import java.util.List;

/**
 * An AML name (ACPI 6.4 section 20.2.2): an optional root prefix {@code \} or any number of parent
 * prefixes {@code ^}, then zero or more 4-character name segments. Segments shorter than 4
 * characters are padded with '_' ("GED" is GED_), as QEMU and iasl do.
 *
 * @param root whether the name starts at the root ({@code \})
 * @param parents how many {@code ^} prefixes it has (0 when root)
 * @param segments the padded segments, each exactly 4 characters
 */
public record NameString(boolean root, int parents, List<String> segments) implements Aml {

    static final int ROOT_PREFIX = 0x5C;
    static final int PARENT_PREFIX = 0x5E;
    static final int DUAL_NAME_PREFIX = 0x2E;
    static final int MULTI_NAME_PREFIX = 0x2F;
    static final int NULL_NAME = 0x00;

    public NameString {
        segments = List.copyOf(segments);
        if (root && parents > 0) {
            throw new IllegalArgumentException("a name has a root prefix or parent prefixes, not both");
        }
        if (parents < 0) {
            throw new IllegalArgumentException("negative parent prefix count " + parents);
        }
        if (segments.size() > 255) {
            throw new IllegalArgumentException("a name has at most 255 segments (MultiNamePrefix), not " + segments.size());
        }
        for (String s : segments) {
            if (s.length() != 4 || !isSegment(s, 0, 4)) {
                throw new IllegalArgumentException("'" + s + "' is not a 4-character name segment [A-Z_][A-Z0-9_]{3}");
            }
        }
    }

    /** Parses ASL's spelling: "\\_SB.PCI0", "^GSI0", "C000", "GED" (padded to GED_), "\\" (the root). */
    public static NameString of(String path) {
        NameString known = PARSED.get(path);
        if (known != null) {
            return known;
        }
        NameString parsed = parse(path);
        if (PARSED.size() < PARSED_LIMIT) {
            PARSED.put(path, parsed);
        }
        return parsed;
    }

    /**
     * Paths parsed before: a DSDT names the same few dozen objects (_HID, _CRS, VR00 ...) every time
     * it is built. A name string is immutable, so one instance serves every caller; the cache stops
     * growing at {@link #PARSED_LIMIT} paths.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, NameString> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 4096;

    private static NameString parse(String path) {
        int i = 0;
        boolean root = false;
        int parents = 0;
        if (path.startsWith("\\")) {
            root = true;
            i = 1;
        } else {
            while (i < path.length() && path.charAt(i) == '^') {
                parents++;
                i++;
            }
        }
        List<String> segments = new ArrayList<>();
        if (i < path.length()) {
            int from = i;
            while (true) {
                int dot = path.indexOf('.', from);
                int to = dot < 0 ? path.length() : dot;
                int n = to - from;
                if (n < 1 || n > 4 || !isSegment(path, from, to)) {
                    throw new IllegalArgumentException("'" + path.substring(from, to) + "' in '" + path
                            + "' is not a name segment of 1-4 characters [A-Z_][A-Z0-9_]*");
                }
                segments.add(n == 4 ? path.substring(from, to) : (path.substring(from, to) + "___").substring(0, 4));
                if (dot < 0) {
                    break;
                }
                from = dot + 1;
            }
        }
        return new NameString(root, parents, segments);
    }

    /** Whether {@code s[from..to)} is [A-Z_][A-Z0-9_]*. */
    private static boolean isSegment(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            boolean ok = c >= 'A' && c <= 'Z' || c == '_' || k > from && c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return to > from;
    }

    @Override
    public void writeTo(AmlOutput out) {
        if (root) {
            out.u8(ROOT_PREFIX);
        }
        for (int p = 0; p < parents; p++) {
            out.u8(PARENT_PREFIX);
        }
        switch (segments.size()) {
            case 0 -> out.u8(NULL_NAME);
            case 1 -> { }
            case 2 -> out.u8(DUAL_NAME_PREFIX);
            default -> {
                out.u8(MULTI_NAME_PREFIX);
                out.u8(segments.size());
            }
        }
        for (String s : segments) {
            for (int c = 0; c < 4; c++) {
                out.u8(s.charAt(c));
            }
        }
    }

    @Override
    public String toString() {
        return (root ? "\\" : "^".repeat(parents)) + String.join(".", segments);
    }
}
