package dev.hwdesc.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.junit.jupiter.api.Test;

/**
 * TokenWindow against ANTLR's UnbufferedTokenStream, driven the way the parser drives a stream:
 * look ahead, step on, and predict (mark, step on a few tokens, seek back, release), nested.
 */
class TokenWindowTest {

    private static final String TEXT = "/dts-v1/;\n/ {\n" + "\tn: node@1 { a = <1 2 &n>, \"s\"; b = [00 11]; };\n".repeat(40)
            + "};\n";

    @Test
    void behavesLikeAntlrsUnbufferedStream() {
        Random random = new Random(20261129);
        for (int run = 0; run < 50; run++) {
            TokenStream ours = new TokenWindow(tokens());
            TokenStream theirs = new UnbufferedTokenStream<>(tokens());
            List<Integer> marks = new ArrayList<>();
            List<Integer> markedAt = new ArrayList<>();
            int steps = 0;
            while (ours.LA(1) != Token.EOF || !marks.isEmpty()) {
                int op = random.nextInt(10);
                if (op < 5 && ours.LA(1) != Token.EOF) {
                    ours.consume();
                    theirs.consume();
                } else if (op < 7 && marks.size() < 3) {
                    markedAt.add(ours.index());
                    int m = ours.mark();
                    assertEquals(theirs.mark(), m);
                    marks.add(m);
                } else if (op < 9 && !marks.isEmpty()) {
                    int at = markedAt.remove(markedAt.size() - 1);
                    ours.seek(at);
                    theirs.seek(at);
                    int m = marks.remove(marks.size() - 1);
                    ours.release(m);
                    theirs.release(m);
                } else {
                    int k = 1 + random.nextInt(4);
                    assertSame(theirs.LT(k), ours.LT(k));
                }
                assertEquals(theirs.index(), ours.index());
                assertSame(theirs.LT(1), ours.LT(1));
                if (theirs.LT(-1) == null) {
                    assertNull(ours.LT(-1), "nothing before the first token");
                } else {
                    assertSame(theirs.LT(-1), ours.LT(-1));
                }
                steps++;
            }
            assertTrue(steps > 100, "steps " + steps);
        }
    }

    private static void assertSame(Token expected, Token actual) {
        assertEquals(describe(expected), describe(actual));
    }

    private static String describe(Token t) {
        return t.getTokenIndex() + " " + t.getType() + " " + t.getStartIndex() + " '" + t.getText() + "'";
    }

    private static DtsTokenSource tokens() {
        return new DtsTokenSource(new SourceFile("t.dts", Optional.empty(), TEXT),
                new FileAccess(List.of(), new Diagnostics(20), new ArrayList<>()));
    }
}
