package dev.hwdesc.dts;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens of a source file with its /include/s spliced in where they stand, as dtc's lexer does:
 * an /include/ can appear anywhere (inside a property, in place of a name), the included file is
 * lexed in whatever mode the lexer was in, and the mode it ends in carries on in the includer.
 * Line markers ({@code # 12 "file.dts"}) move the positions of the tokens after them. The parser
 * sees neither.
 */
final class DtsTokenSource implements TokenSource {

    /** dtc's MAX_SRCFILE_DEPTH. */
    static final int MAX_INCLUDE_DEPTH = 200;

    /** One file being lexed, with what its line markers have said so far (in its tokens' place). */
    private static final class Frame {
        final SourceFile file;
        final DtsLexer lexer;
        final SourceCharStream chars;
        DtsToken.Place place;

        Frame(SourceFile file, DtsLexer lexer) {
            this.file = file;
            this.lexer = lexer;
            this.chars = (SourceCharStream) lexer.getInputStream();
            this.place = new DtsToken.Place(file, file.name(), 0, lexer, lexer.getInputStream());
        }

        /** After a line marker: the tokens from here on are reported in {@code name}, lines moved by {@code delta}. */
        void moveTo(String name, int delta) {
            place = new DtsToken.Place(file, name, delta, lexer, lexer.getInputStream());
        }
    }

    /** Opens included files; reports problems. */
    interface Files {
        /** The file {@code name} as dtc's srcfile_relative_open finds it from {@code including}'s directory. */
        SourceFile open(String name, SourceFile including, DtsToken at) throws CompileError;

        void lexicalError(DtsToken at, String message);
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    /** The frame whose lexer is producing the next token (read by the token factory). */
    private Frame lexing;
    private boolean ended;
    private final Files files;
    private final Names names = new Names();
    private Token lastToken;

    DtsTokenSource(SourceFile main, Files files) {
        this.files = files;
        frames.push(new Frame(main, lexerFor(main)));
    }

    private DtsLexer lexerFor(SourceFile file) {
        DtsLexer lexer = new DtsLexer(new SourceCharStream(file));
        lexer.removeErrorListeners(); // every character lexes (OTHER), so the lexer never reports
        lexer.setTokenFactory(new Factory());
        return lexer;
    }

    /** Makes each token a {@link DtsToken} knowing its file and line markers: one object per token. */
    private final class Factory implements TokenFactory<DtsToken> {
        @Override
        public DtsToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel, int start,
                int stop, int line, int charPositionInLine) {
            Frame f = lexing;
            DtsToken t = new DtsToken(f.place, type, start, stop, line, charPositionInLine);
            prepare(t, f.file.text(), type, start, stop);
            if (type == Token.EOF) {
                endOfInputPosition(f, t);
            }
            if (text != null) {
                t.setText(text);
            }
            return t;
        }

        @Override
        public DtsToken create(int type, String text) {
            throw new UnsupportedOperationException("tokens come from the lexer");
        }
    }

    /**
     * Work the parser's thread would do for the tree builder, done here: the lexer runs on a
     * thread of its own for large sources and has time to spare, the parser has none. Names are
     * shared through {@link Names}; an invalid literal is left for the builder to report.
     */
    private void prepare(DtsToken t, String text, int type, int start, int stop) {
        switch (type) {
            case DtsLexer.PROPNODENAME -> t.setName(names.of(text, text.charAt(start) == '\\' ? start + 1 : start, stop + 1));
            case DtsLexer.LABEL -> t.setName(names.of(text, start, stop));
            case DtsLexer.REF -> t.setName(names.of(text, start + 1, stop + 1));
            case DtsLexer.PATH_REF -> t.setName(text.substring(start + 2, stop));
            case DtsLexer.LITERAL -> {
                IntegerLiterals.Parsed p = IntegerLiterals.parse(text, start, stop + 1);
                if (p.error() == null) {
                    t.setNumber(p.value());
                }
            }
            case DtsLexer.BYTE -> t.setNumber(Character.digit(text.charAt(start), 16) << 4 | Character.digit(text.charAt(start + 1), 16));
            default -> {
            }
        }
    }

    /**
     * bison's location at the end of input is that of the last text flex matched, whitespace and
     * comments included. That text runs to the end of the file, where the lexer now is; where it
     * starts is counted back from there.
     */
    private static void endOfInputPosition(Frame f, DtsToken eof) {
        DtsLexer l = f.lexer;
        int start = l.lastLexemeStart;
        if (start < 0) {
            eof.fixPosition(1, 0, 1, 0); // nothing matched: an empty file
            return;
        }
        String text = f.file.text();
        int newlines = 0;
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
            }
        }
        int startColumn = start - (text.lastIndexOf('\n', start - 1) + 1);
        eof.fixPosition(l.getLine() - newlines, startColumn, l.getLine(), l.getCharPositionInLine());
    }

    @Override
    public Token nextToken() {
        if (ended) {
            return lastToken;
        }
        while (true) {
            Frame top = frames.peek();
            lexing = top;
            int whitespace = top.chars.skipWhitespace(top.lexer.getInterpreter());
            if (whitespace >= 0) {
                top.lexer.lastLexemeStart = whitespace;
            }
            DtsToken t = (DtsToken) top.lexer.nextToken();
            if (t.getType() == Token.EOF) {
                if (frames.size() == 1) {
                    ended = true;
                    lastToken = t;
                    return t;
                }
                int mode = top.lexer._mode;
                frames.pop();
                frames.peek().lexer.mode(mode);
                continue;
            }
            if (t.getType() == DtsLexer.OTHER && "\0".equals(t.getText())) {
                // flex hands bison a NUL as token 0, which is bison's end of input
                t.setType(Token.EOF);
                ended = true;
                return t;
            }
            if (t.getType() == DtsLexer.INCLUDE) {
                include(top, t);
                continue;
            }
            if (t.getType() == DtsLexer.LINE_MARKER) {
                lineMarker(top, t, t);
                continue;
            }
            lastToken = t;
            return t;
        }
    }

    private void include(Frame top, DtsToken at) {
        String text = at.getText();
        String name = text.substring(text.indexOf('"') + 1, text.length() - 1);
        if (frames.size() >= MAX_INCLUDE_DEPTH) {
            throw new CompileError(at, "Includes nested too deeply");
        }
        SourceFile file = files.open(name, top.file, at);
        for (Frame f : frames) {
            if (f.file.name().equals(file.name())) {
                throw new CompileError(at, "include cycle: \"" + file.name() + "\" includes itself");
            }
        }
        Frame next = new Frame(file, lexerFor(file));
        next.lexer.mode(top.lexer._mode);
        frames.push(next);
    }

    /**
     * {@code #[line] N "file" [flags]}: from the next line on, positions are in "file" at line N. As
     * in dtc, the name is the text between the first and the last '"', escapes resolved; a NUL in it
     * is a lexical error, and the name then ends at the NUL.
     */
    private void lineMarker(Frame top, Token raw, DtsToken at) {
        String text = raw.getText();
        int i = 0;
        while (!Character.isDigit(text.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            j++;
        }
        int number = atoi(text.substring(i, j));
        int open = text.indexOf('"');
        int close = text.lastIndexOf('"');
        byte[] name;
        try {
            name = Escapes.unescape(text.substring(open + 1, close));
        } catch (Escapes.BareHexEscape e) {
            throw new CompileError(at, e.getMessage());
        }
        int nul = 0;
        while (nul < name.length && name[nul] != 0) {
            nul++;
        }
        if (nul < name.length) {
            files.lexicalError(at, "nul in line number directive");
        }
        String reported = new String(name, 0, nul, java.nio.charset.StandardCharsets.ISO_8859_1);
        // The marker names the line after it; that line's physical number is this token's + 1.
        // int arithmetic, as dtc's: it wraps where dtc's does.
        top.moveTo(reported, number - (raw.getLine() + 1));
    }

    /** glibc's atoi: strtol (which stops at LONG_MAX) cast to int. */
    private static int atoi(String digits) {
        long v = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = digits.charAt(k) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return (int) Long.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return (int) v;
    }

    @Override
    public int getLine() {
        return frames.peek().lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return frames.peek().lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return frames.peek().lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return frames.peek().file.name();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the token source makes its own tokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return frames.peek().lexer.getTokenFactory();
    }

    /** The last token handed to the parser, for errors at the end of input. */
    Token lastToken() {
        return lastToken;
    }

}
