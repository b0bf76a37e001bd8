package dev.hwdesc.dts;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The generated parser's base class. The compiler keeps no parse tree, but ANTLR's Parser still
 * wraps every token in a terminal node and adds it to its rule's context when a parse listener is
 * attached; consuming a token here just moves on.
 */
public abstract class DtsParserBase extends Parser {

    protected DtsParserBase(TokenStream input) {
        super(input);
    }

    @Override
    public Token consume() {
        Token t = getCurrentToken();
        if (t.getType() != Token.EOF) {
            getInputStream().consume();
        }
        return t;
    }
}
