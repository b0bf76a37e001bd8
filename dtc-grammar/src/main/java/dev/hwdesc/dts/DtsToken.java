package dev.hwdesc.dts;

import dev.hwdesc.fdt.SourcePosition;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;

/**
 * A token with the position dtc gives it: the file name and line as moved by line markers, the
 * column counted in bytes from 1, and the end (line and the column after the last character), as
 * dtc's srcpos_update computes them. It also keeps where it physically is, to quote the source line.
 * The position is worked out only when asked for: most tokens never are.
 *
 * <p>A large source makes millions of these, so a token holds only its own numbers and one
 * {@link Place} shared by every token lexed under the same file and line marker (ANTLR's
 * CommonToken carries more, and asks the lexer for its position again as it is made).
 */
final class DtsToken implements WritableToken {

    /** Where tokens are until the next line marker or /include/: shared, not copied into each. */
    record Place(SourceFile physicalFile, String reportedFile, int lineDelta, TokenSource tokenSource,
            CharStream inputStream) {
    }

    private final Place place;
    private int type;
    private int line;
    private int column;
    private int tokenIndex = -1;
    private final int start;
    private final int stop;
    /** Text given outright; otherwise the token's text is read from its file. */
    private String text;
    /** A position given outright (the end of input), in physical lines and 0-based columns. */
    private int[] fixed;
    /**
     * Worked out when the token is made, on the lexer's thread (DtsTokenSource): the name a name,
     * label or reference token stands for, the value of an integer literal or a byte.
     */
    private String name;
    private long number;
    private boolean hasNumber;

    DtsToken(Place place, int type, int start, int stop, int line, int column) {
        this.place = place;
        this.type = type;
        this.start = start;
        this.stop = stop;
        this.line = line;
        this.column = column;
    }

    void setName(String name) {
        this.name = name;
    }

    /**
     * A node or property name without its escaping '\\', a label without its ':', a reference
     * without its '&' (or "&{" and "}"); null for other tokens.
     */
    String name() {
        return name;
    }

    void setNumber(long number) {
        this.number = number;
        this.hasNumber = true;
    }

    /** Whether {@link #number()} holds the token's value: a byte, or an integer literal that is valid. */
    boolean hasNumber() {
        return hasNumber;
    }

    long number() {
        return number;
    }

    SourceFile physicalFile() {
        return place.physicalFile();
    }

    /**
     * The text of the file the token lies in: the token's text is {@code source()} from
     * {@link #getStartIndex()} to {@link #end()}, to be read in place without a copy.
     */
    String source() {
        return place.physicalFile().text();
    }

    /** Where the token's text ends in {@link #source()} (exclusive). */
    int end() {
        return stop + 1;
    }

    /** Makes the token's position that of a span of text it does not hold (the end of input). */
    void fixPosition(int firstLine, int firstColumn, int lastLine, int lastColumn) {
        fixed = new int[] {firstLine, firstColumn, lastLine, lastColumn};
        line = firstLine;
        column = firstColumn;
    }

    /** Where dtc says the token is. */
    SourcePosition position() {
        return span(this, this);
    }

    /** dtc's location from the start of {@code first} to the end of {@code last} (in last's file). */
    static SourcePosition span(DtsToken first, DtsToken last) {
        return new SourcePosition(last.place.reportedFile(), first.firstLine(), first.firstColumn(), last.lastLine(),
                last.lastColumn());
    }

    private int firstLine() {
        return (fixed != null ? fixed[0] : line) + place.lineDelta();
    }

    private int firstColumn() {
        return (fixed != null ? fixed[1] : column) + 1;
    }

    private int lastLine() {
        if (fixed != null) {
            return fixed[2] + place.lineDelta();
        }
        return firstLine() + (canHoldNewlines() ? newlinesIn(source(), start, end()) : 0);
    }

    /** One past the last character, as dtc counts columns (from 1). */
    private int lastColumn() {
        if (fixed != null) {
            return fixed[3] + 1;
        }
        int length = Math.max(0, stop - start + 1);
        if (canHoldNewlines()) {
            String source = source();
            int end = Math.min(end(), source.length());
            for (int i = end - 1; i >= start; i--) { // within the token only
                if (source.charAt(i) == '\n') {
                    return end - i; // counted from the character after the last newline
                }
            }
        }
        return firstColumn() + length;
    }

    /** Only strings and character literals can hold a newline. */
    private boolean canHoldNewlines() {
        return type == DtsLexer.STRING || type == DtsLexer.CHAR_LITERAL;
    }

    private static int newlinesIn(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < Math.min(to, text.length()); i++) { // not String.indexOf: it reads on past the token
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The token's text; "&lt;EOF&gt;" for the end of input, as ANTLR's tokens say. */
    @Override
    public String getText() {
        if (text != null) {
            return text;
        }
        String source = source();
        if (start >= source.length() || stop >= source.length()) {
            return "<EOF>";
        }
        return stop < start ? "" : source.substring(start, stop + 1);
    }

    @Override
    public void setText(String text) {
        this.text = text;
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public void setType(int type) {
        this.type = type;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public void setLine(int line) {
        this.line = line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public void setCharPositionInLine(int column) {
        this.column = column;
    }

    @Override
    public int getChannel() {
        return Token.DEFAULT_CHANNEL; // hidden text is skipped, never sent on a channel
    }

    @Override
    public void setChannel(int channel) {
        if (channel != Token.DEFAULT_CHANNEL) {
            throw new UnsupportedOperationException("the DTS lexer uses only the default channel");
        }
    }

    @Override
    public int getTokenIndex() {
        return tokenIndex;
    }

    @Override
    public void setTokenIndex(int index) {
        this.tokenIndex = index;
    }

    @Override
    public int getStartIndex() {
        return start;
    }

    @Override
    public int getStopIndex() {
        return stop;
    }

    @Override
    public TokenSource getTokenSource() {
        return place.tokenSource();
    }

    @Override
    public CharStream getInputStream() {
        return place.inputStream();
    }

    @Override
    public String toString() {
        return "[@" + tokenIndex + "," + start + ":" + stop + "='" + getText() + "',<" + type + ">," + line + ":"
                + column + "]";
    }
}
