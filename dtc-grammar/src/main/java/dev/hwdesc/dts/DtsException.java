package dev.hwdesc.dts;

import java.util.List;

/** The source could not be compiled: every error found, in the order found (up to a limit). */
public final class DtsException extends Exception {

    private final List<Diagnostic> errors;

    DtsException(List<Diagnostic> errors) {
        super(errors.isEmpty() ? "errors" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Diagnostic> errors() {
        return errors;
    }
}
