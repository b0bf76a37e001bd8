package dev.hwdesc.dts;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTreeListener;

/**
 * The generated parser's base class, trimmed for a compiler that keeps no parse tree and has exactly
 * one parse listener: consuming a token does not wrap it in a terminal node, and rule events go
 * straight to the listener instead of through ANTLR's listener list (an iterator per event).
 */
public abstract class DtsParserBase extends Parser {

    private ParseTreeListener listener;

    protected DtsParserBase(TokenStream input) {
        super(input);
    }

    /** The one listener that receives every rule's enter and exit events. */
    public void setListener(ParseTreeListener listener) {
        this.listener = listener;
    }

    @Override
    public Token consume() {
        Token t = getCurrentToken();
        if (t.getType() != Token.EOF) {
            getInputStream().consume();
        }
        return t;
    }

    @Override
    protected void triggerEnterRuleEvent() {
        if (listener != null) {
            listener.enterEveryRule(_ctx);
            _ctx.enterRule(listener);
        }
    }

    @Override
    protected void triggerExitRuleEvent() {
        if (listener != null) {
            ParserRuleContext ctx = _ctx;
            ctx.exitRule(listener);
            listener.exitEveryRule(ctx);
        }
    }
}
