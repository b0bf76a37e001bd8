/*
 * The dtc 1.6.1 source language, token by token, as dtc's flex lexer (dtc-lexer.l) reads it.
 *
 * dtc's start conditions become modes: INITIAL is the default mode, V1 (inclusive: INITIAL's rules
 * plus integer literals; dtc's BEGIN_DEFAULT() is mode(V1) here, a lexer command rather than
 * code in an action) is entered by /dts-v1/, /memreserve/, /bits/, ']' and every property or
 * node name; PROPNODENAME (exclusive, mode NAMES here) after '{', ';', /delete-property/, /delete-node/ and
 * /omit-if-no-ref/; BYTESTRING (exclusive) after '['. ANTLR has no rules shared by all modes, so
 * each mode lists dtc's "<*>" rules again (mapped to one token type with -> type); within a mode the
 * rules keep dtc's order, since both tools take the longest match and, on a tie, the earlier rule.
 *
 * Whitespace between tokens is mostly skipped before the lexer sees it (SourceCharStream's
 * skipWhitespace, with the same characters as WS_F): the WS rules below still take what follows a
 * comment.
 *
 * /include/ and line markers are tokens here; DtsTokenSource acts on them (splicing the included
 * file's tokens in, moving reported positions) so the parser never sees them. A line marker must
 * start a line (flex's '^'); the predicate that says so sits after the '#', because ANTLR cannot
 * cache a lexer DFA state computed through a predicate, and at the start of a rule it would make
 * every token take the slow path.
 */
lexer grammar DtsLexer;

@members {
    /**
     * Where the last text matched (a token, or skipped whitespace or comments) starts, or -1 before
     * any: bison's location at the end of input is that text's. Its line and column are worked out
     * only when the end is reached (see DtsTokenSource), as it always ends at the end of input.
     */
    public int lastLexemeStart = -1;

    @Override
    public org.antlr.v4.runtime.Token emit() {
        if (_type != EOF) { // the end of input is no text
            lastLexemeStart = _tokenStartCharIndex;
        }
        return super.emit();
    }

    @Override
    public void skip() {
        lastLexemeStart = _tokenStartCharIndex;
        super.skip();
    }
}

// ---------------------------------------------------------------- INITIAL (before /dts-v1/)
INCLUDE         : '/include/' WS_F* STRING_F ;
LINE_MARKER     : '#' {getCharPositionInLine() == 1}? 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* ;
STRING          : STRING_F ;
DTS_V1          : '/dts-v1/' -> mode(V1) ;
PLUGIN          : '/plugin/' ;
MEMRESERVE      : '/memreserve/' -> mode(V1) ;
BITS            : '/bits/' -> mode(V1) ;
DEL_PROP        : '/delete-property/' -> mode(NAMES) ;
DEL_NODE        : '/delete-node/' -> mode(NAMES) ;
OMIT_NO_REF     : '/omit-if-no-ref/' -> mode(NAMES) ;
LABEL           : LABEL_F ':' ;
CHAR_LITERAL    : CHAR_LITERAL_F ;
REF             : '&' LABEL_F ;
PATH_REF        : '&{/' PATHCHAR_F* '}' ;
INCBIN          : '/incbin/' ;
WS              : WS_F+ -> skip ;
COMMENT         : COMMENT_F+ -> skip ;
LINE_COMMENT    : LINE_COMMENT_F+ -> skip ;
LSHIFT          : '<<' ;
RSHIFT          : '>>' ;
LE              : '<=' ;
GE              : '>=' ;
EQ              : '==' ;
NE              : '!=' ;
AND             : '&&' ;
OR              : '||' ;
LBRACKET        : '[' -> mode(BYTESTRING) ;
LBRACE          : '{' -> mode(NAMES) ;
SEMI            : ';' -> mode(NAMES) ;
RBRACE          : '}' ;
RBRACKET        : ']' ;
EQUALS          : '=' ;
LT              : '<' ;
GT              : '>' ;
LPAREN          : '(' ;
RPAREN          : ')' ;
COMMA           : ',' ;
SLASH           : '/' ;
QUESTION        : '?' ;
COLON           : ':' ;
PIPE            : '|' ;
CARET           : '^' ;
AMP             : '&' ;
PLUS            : '+' ;
MINUS           : '-' ;
STAR            : '*' ;
PERCENT         : '%' ;
TILDE           : '~' ;
BANG            : '!' ;
OTHER           : . ;

// ---------------------------------------------------------------- V1 (after /dts-v1/)
mode V1;
V1_INCLUDE      : '/include/' WS_F* STRING_F -> type(INCLUDE) ;
V1_LINE_MARKER  : '#' {getCharPositionInLine() == 1}? 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* -> type(LINE_MARKER) ;
V1_STRING       : STRING_F -> type(STRING) ;
V1_DTS_V1       : '/dts-v1/' -> type(DTS_V1) ;
V1_PLUGIN       : '/plugin/' -> type(PLUGIN) ;
V1_MEMRESERVE   : '/memreserve/' -> type(MEMRESERVE) ;
V1_BITS         : '/bits/' -> type(BITS) ;
V1_DEL_PROP     : '/delete-property/' -> type(DEL_PROP), mode(NAMES) ;
V1_DEL_NODE     : '/delete-node/' -> type(DEL_NODE), mode(NAMES) ;
V1_OMIT_NO_REF  : '/omit-if-no-ref/' -> type(OMIT_NO_REF), mode(NAMES) ;
V1_LABEL        : LABEL_F ':' -> type(LABEL) ;
LITERAL         : ([0-9]+ | '0' [xX] [0-9a-fA-F]+) ('U' | 'L' | 'UL' | 'LL' | 'ULL')? ;
V1_CHAR_LITERAL : CHAR_LITERAL_F -> type(CHAR_LITERAL) ;
V1_REF          : '&' LABEL_F -> type(REF) ;
V1_PATH_REF     : '&{/' PATHCHAR_F* '}' -> type(PATH_REF) ;
V1_INCBIN       : '/incbin/' -> type(INCBIN) ;
V1_WS           : WS_F+ -> skip ;
V1_COMMENT      : COMMENT_F+ -> skip ;
V1_LINE_COMMENT : LINE_COMMENT_F+ -> skip ;
V1_LSHIFT       : '<<' -> type(LSHIFT) ;
V1_RSHIFT       : '>>' -> type(RSHIFT) ;
V1_LE           : '<=' -> type(LE) ;
V1_GE           : '>=' -> type(GE) ;
V1_EQ           : '==' -> type(EQ) ;
V1_NE           : '!=' -> type(NE) ;
V1_AND          : '&&' -> type(AND) ;
V1_OR           : '||' -> type(OR) ;
V1_LBRACKET     : '[' -> type(LBRACKET), mode(BYTESTRING) ;
V1_LBRACE       : '{' -> type(LBRACE), mode(NAMES) ;
V1_SEMI         : ';' -> type(SEMI), mode(NAMES) ;
V1_RBRACE       : '}' -> type(RBRACE) ;
V1_RBRACKET     : ']' -> type(RBRACKET) ;
V1_EQUALS       : '=' -> type(EQUALS) ;
V1_LT           : '<' -> type(LT) ;
V1_GT           : '>' -> type(GT) ;
V1_LPAREN       : '(' -> type(LPAREN) ;
V1_RPAREN       : ')' -> type(RPAREN) ;
V1_COMMA        : ',' -> type(COMMA) ;
V1_SLASH        : '/' -> type(SLASH) ;
V1_QUESTION     : '?' -> type(QUESTION) ;
V1_COLON        : ':' -> type(COLON) ;
V1_PIPE         : '|' -> type(PIPE) ;
V1_CARET        : '^' -> type(CARET) ;
V1_AMP          : '&' -> type(AMP) ;
V1_PLUS         : '+' -> type(PLUS) ;
V1_MINUS        : '-' -> type(MINUS) ;
V1_STAR         : '*' -> type(STAR) ;
V1_PERCENT      : '%' -> type(PERCENT) ;
V1_TILDE        : '~' -> type(TILDE) ;
V1_BANG         : '!' -> type(BANG) ;
V1_OTHER        : . -> type(OTHER) ;

// ---------------------------------------------------------------- NAMES = dtc PROPNODENAME (after '{', ';', ...)
mode NAMES;
P_INCLUDE       : '/include/' WS_F* STRING_F -> type(INCLUDE) ;
P_LINE_MARKER   : '#' {getCharPositionInLine() == 1}? 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* -> type(LINE_MARKER) ;
P_STRING        : STRING_F -> type(STRING) ;
P_DTS_V1        : '/dts-v1/' -> type(DTS_V1), mode(V1) ;
P_PLUGIN        : '/plugin/' -> type(PLUGIN) ;
P_MEMRESERVE    : '/memreserve/' -> type(MEMRESERVE), mode(V1) ;
P_BITS          : '/bits/' -> type(BITS), mode(V1) ;
P_DEL_PROP      : '/delete-property/' -> type(DEL_PROP) ;
P_DEL_NODE      : '/delete-node/' -> type(DEL_NODE) ;
P_OMIT_NO_REF   : '/omit-if-no-ref/' -> type(OMIT_NO_REF) ;
P_LABEL         : LABEL_F ':' -> type(LABEL) ;
P_CHAR_LITERAL  : CHAR_LITERAL_F -> type(CHAR_LITERAL) ;
P_REF           : '&' LABEL_F -> type(REF) ;
P_PATH_REF      : '&{/' PATHCHAR_F* '}' -> type(PATH_REF) ;
PROPNODENAME    : '\\'? PROPNODECHAR_F+ -> mode(V1) ;
P_WS            : WS_F+ -> skip ;
P_COMMENT       : COMMENT_F+ -> skip ;
P_LINE_COMMENT  : LINE_COMMENT_F+ -> skip ;
P_LSHIFT        : '<<' -> type(LSHIFT) ;
P_RSHIFT        : '>>' -> type(RSHIFT) ;
P_LE            : '<=' -> type(LE) ;
P_GE            : '>=' -> type(GE) ;
P_EQ            : '==' -> type(EQ) ;
P_NE            : '!=' -> type(NE) ;
P_AND           : '&&' -> type(AND) ;
P_OR            : '||' -> type(OR) ;
P_LBRACKET      : '[' -> type(LBRACKET), mode(BYTESTRING) ;
P_LBRACE        : '{' -> type(LBRACE) ;
P_SEMI          : ';' -> type(SEMI) ;
P_RBRACE        : '}' -> type(RBRACE) ;
P_RBRACKET      : ']' -> type(RBRACKET) ;
P_EQUALS        : '=' -> type(EQUALS) ;
P_LT            : '<' -> type(LT) ;
P_GT            : '>' -> type(GT) ;
P_LPAREN        : '(' -> type(LPAREN) ;
P_RPAREN        : ')' -> type(RPAREN) ;
P_COMMA         : ',' -> type(COMMA) ;
P_SLASH         : '/' -> type(SLASH) ;
P_QUESTION      : '?' -> type(QUESTION) ;
P_COLON         : ':' -> type(COLON) ;
P_PIPE          : '|' -> type(PIPE) ;
P_CARET         : '^' -> type(CARET) ;
P_AMP           : '&' -> type(AMP) ;
P_PLUS          : '+' -> type(PLUS) ;
P_MINUS         : '-' -> type(MINUS) ;
P_STAR          : '*' -> type(STAR) ;
P_PERCENT       : '%' -> type(PERCENT) ;
P_TILDE         : '~' -> type(TILDE) ;
P_BANG          : '!' -> type(BANG) ;
P_OTHER         : . -> type(OTHER) ;

// ---------------------------------------------------------------- BYTESTRING (after '[')
mode BYTESTRING;
B_INCLUDE       : '/include/' WS_F* STRING_F -> type(INCLUDE) ;
B_LINE_MARKER   : '#' {getCharPositionInLine() == 1}? 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)* -> type(LINE_MARKER) ;
B_STRING        : STRING_F -> type(STRING) ;
B_DTS_V1        : '/dts-v1/' -> type(DTS_V1), mode(V1) ;
B_PLUGIN        : '/plugin/' -> type(PLUGIN) ;
B_MEMRESERVE    : '/memreserve/' -> type(MEMRESERVE), mode(V1) ;
B_BITS          : '/bits/' -> type(BITS), mode(V1) ;
B_DEL_PROP      : '/delete-property/' -> type(DEL_PROP), mode(NAMES) ;
B_DEL_NODE      : '/delete-node/' -> type(DEL_NODE), mode(NAMES) ;
B_OMIT_NO_REF   : '/omit-if-no-ref/' -> type(OMIT_NO_REF), mode(NAMES) ;
B_LABEL         : LABEL_F ':' -> type(LABEL) ;
B_CHAR_LITERAL  : CHAR_LITERAL_F -> type(CHAR_LITERAL) ;
B_REF           : '&' LABEL_F -> type(REF) ;
B_PATH_REF      : '&{/' PATHCHAR_F* '}' -> type(PATH_REF) ;
BYTE            : HEX_F HEX_F ;
B_RBRACKET      : ']' -> type(RBRACKET), mode(V1) ;
B_WS            : WS_F+ -> skip ;
B_COMMENT       : COMMENT_F+ -> skip ;
B_LINE_COMMENT  : LINE_COMMENT_F+ -> skip ;
B_LSHIFT        : '<<' -> type(LSHIFT) ;
B_RSHIFT        : '>>' -> type(RSHIFT) ;
B_LE            : '<=' -> type(LE) ;
B_GE            : '>=' -> type(GE) ;
B_EQ            : '==' -> type(EQ) ;
B_NE            : '!=' -> type(NE) ;
B_AND           : '&&' -> type(AND) ;
B_OR            : '||' -> type(OR) ;
B_LBRACKET      : '[' -> type(LBRACKET) ;
B_LBRACE        : '{' -> type(LBRACE), mode(NAMES) ;
B_SEMI          : ';' -> type(SEMI), mode(NAMES) ;
B_RBRACE        : '}' -> type(RBRACE) ;
B_EQUALS        : '=' -> type(EQUALS) ;
B_LT            : '<' -> type(LT) ;
B_GT            : '>' -> type(GT) ;
B_LPAREN        : '(' -> type(LPAREN) ;
B_RPAREN        : ')' -> type(RPAREN) ;
B_COMMA         : ',' -> type(COMMA) ;
B_SLASH         : '/' -> type(SLASH) ;
B_QUESTION      : '?' -> type(QUESTION) ;
B_COLON         : ':' -> type(COLON) ;
B_PIPE          : '|' -> type(PIPE) ;
B_CARET         : '^' -> type(CARET) ;
B_AMP           : '&' -> type(AMP) ;
B_PLUS          : '+' -> type(PLUS) ;
B_MINUS         : '-' -> type(MINUS) ;
B_STAR          : '*' -> type(STAR) ;
B_PERCENT       : '%' -> type(PERCENT) ;
B_TILDE         : '~' -> type(TILDE) ;
B_BANG          : '!' -> type(BANG) ;
B_OTHER         : . -> type(OTHER) ;

// ---------------------------------------------------------------- shared pieces
fragment PROPNODECHAR_F : [a-zA-Z0-9,._+*#?@-] ;
fragment PATHCHAR_F     : PROPNODECHAR_F | '/' ;
fragment LABEL_F        : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment STRING_F       : '"' (~[\\"] | '\\' ~[\n])* '"' ;
fragment CHAR_LITERAL_F : '\'' (~['] | '\\\'')* '\'' ;
fragment WS_F           : [ \t\n\u000B\f\r] ;
fragment COMMENT_F      : '/*' (~[*] | '*'+ ~[*/])* '*'+ '/' ;
fragment LINE_COMMENT_F : '//' ~[\n]* '\n' ;
fragment HEX_F          : [0-9a-fA-F] ;
