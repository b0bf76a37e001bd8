package dev.hwdesc.dts;

import java.nio.charset.StandardCharsets;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A source file's text as the lexer reads it: one char per byte. ANTLR's own streams build their
 * buffer through a second, char-sized copy of the text; this one is a plain byte copy, which the
 * lexer reads without a method call per character.
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
