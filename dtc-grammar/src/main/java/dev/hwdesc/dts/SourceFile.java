package dev.hwdesc.dts;

import java.util.Optional;

/**
 * A file the compiler read: the name it was opened by (what dtc prints in positions), the
 * directory that relative /include/ and /incbin/ names are tried in first (none for a name without
 * a '/', which dtc resolves from the working directory), and its text, one char per byte.
 */
record SourceFile(String name, Optional<String> directory, String text) {

    /** dtc's get_dirname: the part before the last '/', if any. */
    static Optional<String> directoryOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(name.substring(0, slash));
    }

    /** The text of a 1-based line, without its newline ("" past the end). */
    String line(int lineNumber) {
        int start = 0;
        for (int l = 1; l < lineNumber; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
