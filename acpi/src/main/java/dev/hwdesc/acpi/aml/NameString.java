package dev.hwdesc.acpi.aml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern SEGMENT = Pattern.compile("[A-Z_][A-Z0-9_]{0,3}");
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
            if (s.length() != 4 || !SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("'" + s + "' is not a 4-character name segment [A-Z_][A-Z0-9_]{3}");
            }
        }
    }

    /** Parses ASL's spelling: "\\_SB.PCI0", "^GSI0", "C000", "GED" (padded to GED_), "\\" (the root). */
    public static NameString of(String path) {
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
        String rest = path.substring(i);
        if (!rest.isEmpty()) {
            for (String s : rest.split("\\.", -1)) {
                if (s.isEmpty() || s.length() > 4 || !SEGMENT.matcher(s).matches()) {
                    throw new IllegalArgumentException("'" + s + "' in '" + path + "' is not a name segment of 1-4 characters [A-Z_][A-Z0-9_]*");
                }
                segments.add((s + "___").substring(0, 4));
            }
        }
        return new NameString(root, parents, segments);
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
