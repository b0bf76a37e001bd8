package dev.hwdesc.dts;

import java.util.Arrays;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The parser's token stream: like ANTLR's UnbufferedTokenStream it keeps only the tokens from the
 * oldest open mark (prediction marks the stream and seeks back) to the furthest one looked at, so
 * memory does not grow with the source; unlike it, it knows its tokens are {@link DtsToken}s and
 * that after each step the current token is already there, so looking at it is an array read.
 */
final class TokenWindow implements TokenStream {

    private final TokenSource source;
    private DtsToken[] tokens = new DtsToken[256];
    /** Tokens in the window. */
    private int n;
    /** The current token's place in the window (LT(1)). */
    private int p;
    private int openMarks;
    /** The token before the current one (LT(-1)), and the one before the window's first. */
    private DtsToken previous;
    private DtsToken beforeWindow;
    /** The current token's index in the whole stream. */
    private int index;

    TokenWindow(TokenSource source) {
        this.source = source;
        fill(1);
    }

    @Override
    public Token LT(int i) {
        if (i == 1) {
            return tokens[p]; // always there: see consume()
        }
        if (i == -1) {
            return previous;
        }
        if (i <= 0) {
            throw new IndexOutOfBoundsException("LT(" + i + ") looks back further than the stream keeps");
        }
        int at = p + i - 1;
        if (at >= n) {
            fill(at - n + 1);
        }
        return tokens[Math.min(at, n - 1)]; // past the end of input: EOF again
    }

    @Override
    public int LA(int i) {
        return LT(i).getType();
    }

    @Override
    public void consume() {
        DtsToken t = tokens[p];
        if (t.getType() == Token.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        previous = t;
        if (p == n - 1 && openMarks == 0) {
            n = 0; // nothing to keep: start the window again
            p = -1;
            beforeWindow = t;
        }
        p++;
        index++;
        if (p == n) {
            fill(1);
        }
    }

    /** Reads up to {@code count} more tokens, none past EOF. */
    private void fill(int count) {
        for (int i = 0; i < count; i++) {
            if (n > 0 && tokens[n - 1].getType() == Token.EOF) {
                return;
            }
            DtsToken t = (DtsToken) source.nextToken();
            if (n == tokens.length) {
                tokens = Arrays.copyOf(tokens, n * 2);
            }
            t.setTokenIndex(index - p + n);
            tokens[n++] = t;
        }
    }

    @Override
    public int mark() {
        if (openMarks == 0) {
            beforeWindow = previous;
        }
        openMarks++;
        return -openMarks;
    }

    @Override
    public void release(int marker) {
        if (marker != -openMarks) {
            throw new IllegalStateException("marks must be released last first");
        }
        openMarks--;
        if (openMarks == 0) {
            if (p > 0) { // drop what is behind the current token
                System.arraycopy(tokens, p, tokens, 0, n - p);
                n -= p;
                p = 0;
            }
            beforeWindow = previous;
        }
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int target) {
        if (target == index) {
            return;
        }
        int windowStart = index - p;
        if (target > index) {
            LT(target - index + 1);
            target = Math.min(target, windowStart + n - 1);
        }
        int at = target - windowStart;
        if (at < 0 || at >= n) {
            throw new IllegalArgumentException("cannot seek to token " + target + ": outside the window");
        }
        p = at;
        index = target;
        previous = p == 0 ? beforeWindow : tokens[p - 1];
    }

    @Override
    public Token get(int i) {
        int windowStart = index - p;
        if (i < windowStart || i >= windowStart + n) {
            throw new IndexOutOfBoundsException("token " + i + " is outside the window");
        }
        return tokens[i - windowStart];
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("the stream does not know its size before the end");
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }

    @Override
    public String getText() {
        return "";
    }

    @Override
    public String getText(Interval interval) {
        int windowStart = index - p;
        int from = Math.max(interval.a, windowStart) - windowStart;
        int to = Math.min(interval.b, windowStart + n - 1) - windowStart;
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            if (tokens[i].getType() == Token.EOF) {
                break;
            }
            b.append(tokens[i].getText());
        }
        return b.toString();
    }

    @Override
    public String getText(RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }
}
