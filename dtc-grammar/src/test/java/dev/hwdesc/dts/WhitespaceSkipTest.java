package dev.hwdesc.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * The token source skips whitespace before the lexer sees it. The tokens must be exactly those the
 * lexer gives on its own, where the WS rules skip it: same types, text, offsets, lines and columns.
 */
class WhitespaceSkipTest {

    private static final List<String> SOURCES = List.of(
            "",
            " \t\r\n\u000b\f ",
            "/dts-v1/;\n/ {\n\ta = <1 2>;\n};\n",
            "/dts-v1/;\r\n/ {\r\n  b = [00 11\n 22];  \r\n  c = \"x y\" , \"z\";\n};\n\n\n",
            "/dts-v1/; /* a comment */   / { /* two */ /* in a row */ d; // line\n   e = <(1 + 2) 3>;\n};   ",
            "/dts-v1/;\n/ {\n\tlabel: node@1 { f = <&label>; };\n\t\t};",
            "/dts-v1/;\n\n# 7 \"other.dts\"\n  / { };\n",
            "/dts-v1/;\n/ {  #x = <1>; };\n",
            "/dts-v1/;\u000b/\f{\r};\u000b");

    @Test
    void tokensAreTheLexersOwn() {
        for (String text : SOURCES) {
            List<String> expected = new ArrayList<>();
            DtsLexer plain = new DtsLexer(CharStreams.fromString(text, "t.dts"));
            for (Token t = plain.nextToken(); ; t = plain.nextToken()) {
                if (t.getType() == Token.EOF) {
                    // bison reports the end of input where the last text matched starts, whitespace too
                    int last = Math.max(plain.lastLexemeStart, 0);
                    int line = 1 + (int) text.substring(0, last).chars().filter(c -> c == '\n').count();
                    int column = last - (text.lastIndexOf('\n', last - 1) + 1);
                    expected.add("EOF at " + line + ":" + column);
                    break;
                }
                expected.add(describe(t));
            }
            List<String> actual = new ArrayList<>();
            List<String> ignoredFiles = new ArrayList<>();
            DtsTokenSource tokens = new DtsTokenSource(new SourceFile("t.dts", Optional.empty(), text),
                    new FileAccess(List.of(), new Diagnostics(20), ignoredFiles));
            for (Token t = tokens.nextToken(); ; t = tokens.nextToken()) {
                if (t.getType() == Token.EOF) {
                    actual.add("EOF at " + t.getLine() + ":" + t.getCharPositionInLine());
                    break;
                }
                actual.add(describe(t));
            }
            if (text.contains("# 7")) {
                // the token source acts on the line marker and passes no token for it (it moves
                // only the reported positions: the tokens' own lines stay physical)
                assertTrue(expected.removeIf(s -> s.startsWith(DtsLexer.LINE_MARKER + " ")), text);
            }
            assertEquals(expected, actual, "source: " + text.replace("\n", "\\n"));
        }
    }

    private static String describe(Token t) {
        return t.getType() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " " + t.getLine() + ":"
                + t.getCharPositionInLine() + " '" + t.getText() + "'";
    }
}
