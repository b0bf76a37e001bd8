package dev.hwdesc.dts;

import dev.hwdesc.fdt.SourcePosition;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A token with the position dtc gives it: the file name and line as moved by line markers, the
 * column counted in bytes from 1, and the end (line and the column after the last character), as
 * dtc's srcpos_update computes them. It also keeps where it physically is, to quote the source line.
 * The position is worked out only when asked for: most tokens never are.
 */
final class DtsToken extends CommonToken {

    private final SourceFile physicalFile;
    private final String reportedFile;
    private final int lineDelta;
    /** A position given outright (the end of input), in physical lines and 0-based columns. */
    private int[] fixed;

    DtsToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop, SourceFile physicalFile,
            String reportedFile, int lineDelta) {
        super(source, type, channel, start, stop);
        this.physicalFile = physicalFile;
        this.reportedFile = reportedFile;
        this.lineDelta = lineDelta;
    }

    SourceFile physicalFile() {
        return physicalFile;
    }

    /** Makes the token's position that of a span of text it does not hold (the end of input). */
    void fixPosition(int firstLine, int firstColumn, int lastLine, int lastColumn) {
        fixed = new int[] {firstLine, firstColumn, lastLine, lastColumn};
        setLine(firstLine);
        setCharPositionInLine(firstColumn);
    }

    /** Where dtc says the token is. */
    SourcePosition position() {
        if (fixed != null) {
            return new SourcePosition(reportedFile, fixed[0] + lineDelta, fixed[1] + 1, fixed[2] + lineDelta, fixed[3] + 1);
        }
        int firstLine = getLine() + lineDelta;
        int firstColumn = getCharPositionInLine() + 1;
        int length = getStopIndex() - getStartIndex() + 1;
        if (getType() != DtsLexer.STRING && getType() != DtsLexer.CHAR_LITERAL) {
            // only strings and character literals can hold a newline
            return new SourcePosition(reportedFile, firstLine, firstColumn, firstLine, firstColumn + Math.max(0, length));
        }
        String text = getText() == null ? "" : getText();
        int newlines = 0;
        int lastNewline = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
                lastNewline = i;
            }
        }
        int lastColumn = newlines == 0 ? firstColumn + text.length() : text.length() - lastNewline;
        return new SourcePosition(reportedFile, firstLine, firstColumn, firstLine + newlines, lastColumn);
    }
}
