package dev.hwdesc.dts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Lexes on a second thread while the parser works on the first: tokens come over in batches. What
 * the lexer does besides making tokens (a lexical error, a file opened for /include/, an error that
 * ends the run) travels in the same stream and happens on the parser's thread when the parser
 * reaches that point, so errors and the list of files read come out in the same order as when
 * lexing and parsing take turns.
 */
final class PrefetchingTokenSource implements TokenSource, AutoCloseable {

    private static final int BATCH = 4096;

    /** Something the lexer did, to be done again in order on the parser's side. */
    interface Event {
        void replay();
    }

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(32);
    private final Thread producer;
    private volatile boolean closed;
    private Object[] batch = new Object[0];
    private int next;
    private boolean ended;
    private Token last;

    /** Where the lexer thread puts the events it causes, between the tokens. */
    private final List<Object> pending = new ArrayList<>(BATCH + 16);

    PrefetchingTokenSource(java.util.function.Function<PrefetchingTokenSource, TokenSource> lexerFactory) {
        TokenSource lexer = lexerFactory.apply(this);
        producer = new Thread(() -> produce(lexer), "hwdesc-lexer");
        producer.setDaemon(true);
        producer.start();
    }

    /** Called on the lexer thread: {@code event} happens on the parser's side at this point of the stream. */
    void later(Event event) {
        pending.add(event);
    }

    private void produce(TokenSource lexer) {
        try {
            while (!closed) {
                Token t = lexer.nextToken();
                pending.add(t);
                boolean eof = t.getType() == Token.EOF;
                if (pending.size() >= BATCH || eof) {
                    flush();
                }
                if (eof) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            pending.add(e);
            flush();
        }
    }

    private void flush() {
        Object[] b = pending.toArray();
        pending.clear();
        try {
            while (!closed && !queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
                // the parser is behind: wait for room, unless it has stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Token nextToken() {
        if (ended) {
            return last;
        }
        while (true) {
            if (next == batch.length) {
                batch = take();
                next = 0;
            }
            Object o = batch[next++];
            if (o instanceof DtsToken t) { // every token here is one
                last = t;
                if (t.getType() == Token.EOF) {
                    ended = true;
                }
                return t;
            }
            if (o instanceof Event e) {
                e.replay();
            } else if (o instanceof RuntimeException e) {
                throw e;
            } else if (o instanceof Error e) {
                throw e;
            }
        }
    }

    private Object[] take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for tokens", e);
        }
    }

    /** Stops the lexer thread (after the parser has finished, or given up at an error). */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    Token lastToken() {
        return last;
    }

    @Override
    public int getLine() {
        return last == null ? 1 : last.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return last == null ? 0 : last.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return last == null ? null : last.getInputStream();
    }

    @Override
    public String getSourceName() {
        return last == null ? "" : last.getTokenSource().getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the token source makes its own tokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        throw new UnsupportedOperationException("the token source makes its own tokens");
    }

}
