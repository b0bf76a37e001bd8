package dev.hwdesc.dts;

import dev.hwdesc.fdt.SourcePosition;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * A token with the position dtc gives it: the file name and line as moved by line markers, the
 * column counted in bytes from 1, and the end (line and the column after the last character), as
 * dtc's srcpos_update computes them. It also keeps where it physically is, to quote the source line.
 */
final class DtsToken extends CommonToken {

    private final SourceFile physicalFile;
    private final SourcePosition position;

    DtsToken(Token lexed, SourceFile physicalFile, String reportedFile, int lineDelta) {
        super(lexed);
        this.physicalFile = physicalFile;
        String text = lexed.getText() == null ? "" : lexed.getText();
        int firstLine = lexed.getLine() + lineDelta;
        int firstColumn = lexed.getCharPositionInLine() + 1;
        int newlines = 0;
        int lastNewline = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
                lastNewline = i;
            }
        }
        int lastLine = firstLine + newlines;
        int lastColumn = newlines == 0 ? firstColumn + text.length() : text.length() - lastNewline;
        this.position = new SourcePosition(reportedFile, firstLine, firstColumn, lastLine, lastColumn);
    }

    SourceFile physicalFile() {
        return physicalFile;
    }

    /** Where dtc says the token is. */
    SourcePosition position() {
        return position;
    }
}
