package dev.hwdesc.dts;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first syntax error, as dtc's parser does (bison without error rules): ANTLR never
 * inserts or deletes tokens to carry on. The error is reported once, naming the token found and what
 * could have come instead. Skipping ANTLR's per-loop resynchronisation also makes parsing faster.
 */
final class FirstSyntaxError extends DefaultErrorStrategy {

    /** Thrown to end the parse; the error has been reported already. */
    static final class Stop extends ParseCancellationException {
        Stop(Throwable cause) {
            super(cause);
        }
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new Stop(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = new InputMismatchException(recognizer);
        reportError(recognizer, e);
        throw new Stop(e);
    }

    @Override
    public void sync(Parser recognizer) {
        // no resynchronisation: the first error ends the parse
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        IntervalSet expected = e.getExpectedTokens();
        recognizer.notifyErrorListeners(offending, message(recognizer, offending, expected), e);
    }

    /** "syntax error at '}'; expected ';'" with dtc's words first, then what ANTLR knows. */
    static String message(Parser recognizer, Token offending, IntervalSet expected) {
        StringBuilder sb = new StringBuilder("syntax error");
        if (offending != null) {
            sb.append(offending.getType() == Token.EOF ? " at end of input" : " at '" + printable(offending.getText()) + "'");
        }
        if (expected != null && !expected.isNil() && expected.size() <= 6) {
            sb.append("; expected ").append(TokenNames.describe(expected, recognizer.getVocabulary()));
        }
        return sb.toString();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c >= 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
