package dev.hwdesc.dts;

import java.nio.charset.StandardCharsets;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A source file's text as the lexer reads it: one char per byte, from a byte copy of the text (a
 * plain array read per character, without String.charAt's checks; it costs a byte of memory per
 * byte of source while the file is lexed). It can also skip whitespace for the token source.
 */
final class SourceCharStream implements CharStream {

    private final byte[] text;
    private final String name;
    private final int size;
    private int index;

    SourceCharStream(SourceFile file) {
        this.text = file.text().getBytes(StandardCharsets.ISO_8859_1);
        this.name = file.name();
        this.size = text.length;
    }

    @Override
    public void consume() {
        if (index >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? index + i - 1 : index + i; // LA(-1) is the char before the current one
        if (i == 0 || at < 0 || at >= size) {
            return i == 0 ? 0 : IntStream.EOF; // LA(0) is undefined; ANTLR's streams answer 0
        }
        return text[at] & 0xff;
    }

    /**
     * Moves past the whitespace at the current position, as the lexer's WS rules would (the same
     * characters, [ \t\n\u000B\f\r]; lines counted at '\n'), and tells {@code lexer} where it is now.
     * Whitespace is half of what the lexer matches in a typical source, and each match costs as
     * much as a token; no rule but WS can start with whitespace, so skipping it here at a token
     * boundary changes nothing else.
     *
     * @return where the whitespace started, or -1 when there was none
     */
    int skipWhitespace(LexerATNSimulator lexer) {
        int start = index;
        int i = start;
        int line = lexer.getLine();
        int column = lexer.getCharPositionInLine();
        while (i < size) {
            byte c = text[i];
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == 0x0b || c == '\f') {
                column++;
            } else {
                break;
            }
            i++;
        }
        if (i == start) {
            return -1;
        }
        index = i;
        lexer.setLine(line);
        lexer.setCharPositionInLine(column);
        return start;
    }

    @Override
    public int mark() {
        return -1; // the whole text is there: nothing to hold on to
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.min(index, size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.min(interval.a, size);
        int stop = Math.min(interval.b, size - 1);
        return stop < start ? "" : new String(text, start, stop + 1 - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(text, StandardCharsets.ISO_8859_1);
    }
}
