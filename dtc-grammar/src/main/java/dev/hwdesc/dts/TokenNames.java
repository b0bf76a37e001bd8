package dev.hwdesc.dts;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Names of tokens as a user would write them, for "expected ..." in syntax errors. */
final class TokenNames {

    private TokenNames() {
    }

    static String describe(IntervalSet set, Vocabulary vocabulary) {
        List<String> names = new ArrayList<>();
        for (int type : set.toList()) {
            names.add(name(type, vocabulary));
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    static String name(int type, Vocabulary vocabulary) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case DtsLexer.STRING -> "a string";
            case DtsLexer.LITERAL -> "a number";
            case DtsLexer.CHAR_LITERAL -> "a character literal";
            case DtsLexer.LABEL -> "a label";
            case DtsLexer.REF, DtsLexer.PATH_REF -> "a reference";
            case DtsLexer.PROPNODENAME -> "a property or node name";
            case DtsLexer.BYTE -> "a byte (two hex digits)";
            case DtsLexer.DTS_V1 -> "/dts-v1/";
            case DtsLexer.PLUGIN -> "/plugin/";
            case DtsLexer.MEMRESERVE -> "/memreserve/";
            case DtsLexer.BITS -> "/bits/";
            case DtsLexer.DEL_PROP -> "/delete-property/";
            case DtsLexer.DEL_NODE -> "/delete-node/";
            case DtsLexer.OMIT_NO_REF -> "/omit-if-no-ref/";
            case DtsLexer.INCBIN -> "/incbin/";
            case DtsLexer.LBRACE -> "'{'";
            case DtsLexer.RBRACE -> "'}'";
            case DtsLexer.LBRACKET -> "'['";
            case DtsLexer.RBRACKET -> "']'";
            case DtsLexer.SEMI -> "';'";
            case DtsLexer.EQUALS -> "'='";
            case DtsLexer.LT -> "'<'";
            case DtsLexer.GT -> "'>'";
            case DtsLexer.LPAREN -> "'('";
            case DtsLexer.RPAREN -> "')'";
            case DtsLexer.COMMA -> "','";
            case DtsLexer.SLASH -> "'/'";
            case DtsLexer.COLON -> "':'";
            default -> {
                String literal = vocabulary.getLiteralName(type);
                yield literal != null ? literal : vocabulary.getDisplayName(type);
            }
        };
    }
}
