package dev.hwdesc.dts;

import dev.hwdesc.fdt.SourcePosition;

/**
 * An error that stops compilation where it happens (dtc's die() and fatal lexer errors): a missing
 * include or /incbin/ file, includes nested too deeply, a bare \x escape.
 */
final class CompileError extends RuntimeException {

    private final transient DtsToken token;
    private final transient SourcePosition position;

    CompileError(DtsToken at, String message) {
        super(message);
        this.token = at;
        this.position = at.position();
    }

    DtsToken token() {
        return token;
    }

    SourcePosition position() {
        return position;
    }
}
