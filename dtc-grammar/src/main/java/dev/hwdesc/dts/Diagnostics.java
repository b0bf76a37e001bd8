package dev.hwdesc.dts;

import dev.hwdesc.fdt.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The errors of one compilation, in the order found, up to a limit. */
final class Diagnostics {

    private final int limit;
    private final List<Diagnostic> errors = new ArrayList<>();

    Diagnostics(int limit) {
        this.limit = limit;
    }

    /** An error spanning from {@code first} to {@code last} (the same token for a single one). */
    void error(DtsToken first, DtsToken last, String message) {
        SourcePosition a = first.position();
        SourcePosition b = last.position();
        // dtc's locations take the file of the last symbol
        SourcePosition span = new SourcePosition(b.file(), a.firstLine(), a.firstColumn(), b.lastLine(), b.lastColumn());
        int width = a.firstLine() == b.lastLine() && first.physicalFile() == last.physicalFile()
                ? Math.max(1, b.lastColumn() - a.firstColumn()) : Math.max(1, length(first));
        add(new Diagnostic(span, message, Optional.of(first.physicalFile().line(first.getLine())),
                first.getCharPositionInLine() + 1, width));
    }

    void error(DtsToken at, String message) {
        error(at, at, message);
    }

    /** An error about a whole file (one that cannot be opened, say): line 0, no source line. */
    void error(String file, String message) {
        add(new Diagnostic(new SourcePosition(file, 0, 0, 0, 0), message, Optional.empty(), 1, 1));
    }

    private static int length(DtsToken t) {
        String text = t.getText() == null ? "" : t.getText();
        int nl = text.indexOf('\n');
        return nl < 0 ? text.length() : nl;
    }

    private void add(Diagnostic d) {
        if (errors.size() < limit) {
            errors.add(d);
        }
    }

    boolean any() {
        return !errors.isEmpty();
    }

    boolean full() {
        return errors.size() >= limit;
    }

    List<Diagnostic> all() {
        return errors;
    }
}
