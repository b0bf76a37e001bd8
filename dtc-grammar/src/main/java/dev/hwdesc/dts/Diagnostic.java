package dev.hwdesc.dts;

import dev.hwdesc.fdt.SourcePosition;
import java.util.Optional;

/**
 * One problem in a source file: where dtc would say it is, the message, and the physical source
 * line to quote under it.
 *
 * @param position the position as dtc reports it (line markers applied)
 * @param message what is wrong, in dtc's words where dtc has words for it
 * @param sourceLine the physical line the problem starts on, when known
 * @param caretColumn 1-based column of the problem in that line
 * @param caretWidth how many columns to underline (at least 1)
 */
public record Diagnostic(SourcePosition position, String message, Optional<String> sourceLine, int caretColumn,
        int caretWidth) {

    /**
     * {@code FILE:LINE:COL: error: MESSAGE}, then the source line and a caret under the problem; for
     * an error about a whole file (line 0), {@code FILE: error: MESSAGE}.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(position.file());
        if (position.firstLine() != 0) {
            sb.append(':').append(position.firstLine()).append(':').append(position.firstColumn());
        }
        sb.append(": error: ").append(message).append('\n');
        sourceLine.ifPresent(line -> {
            sb.append(printable(line)).append('\n');
            sb.append(" ".repeat(Math.max(0, caretColumn - 1))).append('^');
            if (caretWidth > 1) {
                sb.append("~".repeat(caretWidth - 1));
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    /** The line as one printable character per byte, so the caret lines up (tabs become spaces). */
    private static String printable(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            sb.append(c == '\t' ? ' ' : (c < 0x20 || c == 0x7f ? '?' : c));
        }
        return sb.toString();
    }
}
