/*
 * The dtc 1.6.1 source grammar (dtc-parser.y) in LL form. Semantics live in DtsCompiler's parse
 * listener, which acts on each rule as it is exited (the parse tree is not kept), in source order,
 * as bison's reductions do; the "returns" slots below are where it leaves a rule's value for the
 * rule that contains it.
 */
parser grammar DtsParser;

options { tokenVocab = DtsLexer; superClass = DtsParserBase; }

sourceFile      : header+ memreserve* devicetree EOF ;

header          : DTS_V1 SEMI (plugin=PLUGIN SEMI)? ;

memreserve      : labels+=LABEL* MEMRESERVE address=prim size=prim SEMI ;

// The tree: a first '/' block (or, for a plugin, a first &ref block), then more blocks merged in.
devicetree      : treeStart treeItem* ;

treeStart       : SLASH body=nodedef                             # rootBlock
                | target=ref body=nodedef                        # firstRefBlock
                ;

treeItem        : SLASH body=nodedef                             # mergeRootBlock
                | label=LABEL target=ref body=nodedef            # labelRefBlock
                | target=ref body=nodedef                        # refBlock
                | DEL_NODE target=ref SEMI                       # deleteNodeByRef
                | OMIT_NO_REF target=ref SEMI                    # omitNodeByRef
                ;

ref             : REF | PATH_REF ;

// Properties and child nodes in one list; a property after a child node is dtc's "Properties must
// precede subnodes", reported by the compiler when it sees one.
nodedef         : LBRACE nodeItem* RBRACE SEMI ;

// The hot rules below name their parts instead of labelling their alternatives: a labelled
// alternative costs a second context object per match.
//
// A property or a child node (dtc's propdef and subnode in one rule). Both can start with labels
// and a name, so they part only at the token after the name: '=' or ';' for a property, '{' for a
// node. Written this way each choice takes one token, where two rules would make ANTLR predict,
// looking ahead past every label, for each item. After /omit-if-no-ref/ only a node may follow.
nodeItem        : label=LABEL inner=nodeItem
                | name=PROPNODENAME ((EQUALS value=propdata)? SEMI | body=nodedef)
                | DEL_PROP deletedProperty=PROPNODENAME SEMI
                | DEL_NODE deletedNode=PROPNODENAME SEMI
                | OMIT_NO_REF omitted=subnode
                ;

subnode         : label=LABEL subnode                            # labelledNode
                | OMIT_NO_REF subnode                            # omittableNode
                | name=PROPNODENAME nodedef                      # namedNode
                | DEL_NODE name=PROPNODENAME SEMI                # deletedNode
                ;

// A value: chunks separated by commas, each with labels before and after it.
propdata        : propItem (COMMA propItem)* ;

propItem        : valueLabel* chunk valueLabel* ;

// A label in a value is a rule of its own rather than a list on propItem: most items have none,
// and a list would be made for each of them.
valueLabel      : l=LABEL ;

chunk           : text=STRING                                                # stringChunk
                | (BITS bits=LITERAL)? LT cellItem* GT                       # cellsChunk
                // bytes and the labels among them, one list in order: a rule per byte would cost more than the byte
                | LBRACKET bytes+=(BYTE | LABEL)* RBRACKET                   # bytesChunk
                | target=ref                                                 # pathRefChunk
                | INCBIN LPAREN file=STRING (COMMA offset=prim COMMA length=prim)? RPAREN   # incbinChunk
                ;

// A cell is prim's alternatives written out again, to save a rule per cell (the listener computes
// both through one method).
cellItem        : t=LITERAL | t=CHAR_LITERAL | LPAREN e=expr RPAREN | target=ref | label=LABEL ;

// Integers: unsigned 64-bit, with C's precedence; "value" is filled in on exit.
prim            returns [long value] : t=LITERAL | t=CHAR_LITERAL | LPAREN e=expr RPAREN ;

expr            returns [long value] : t=ternary ;

ternary         returns [long value] : cond=orExpr (QUESTION yes=expr COLON no=ternary)? ;

orExpr          returns [long value] : args+=andExpr (OR args+=andExpr)* ;

andExpr         returns [long value] : args+=bitOrExpr (AND args+=bitOrExpr)* ;

bitOrExpr       returns [long value] : args+=bitXorExpr (PIPE args+=bitXorExpr)* ;

bitXorExpr      returns [long value] : args+=bitAndExpr (CARET args+=bitAndExpr)* ;

bitAndExpr      returns [long value] : args+=eqExpr (AMP args+=eqExpr)* ;

eqExpr          returns [long value] : args+=relExpr (op+=(EQ | NE) args+=relExpr)* ;

relExpr         returns [long value] : args+=shiftExpr (op+=(LT | GT | LE | GE) args+=shiftExpr)* ;

shiftExpr       returns [long value] : args+=addExpr (op+=(LSHIFT | RSHIFT) args+=addExpr)* ;

addExpr         returns [long value] : args+=mulExpr (op+=(PLUS | MINUS) args+=mulExpr)* ;

mulExpr         returns [long value] : args+=unaryExpr (op+=(STAR | SLASH | PERCENT) args+=unaryExpr)* ;

unaryExpr       returns [long value]
                : op=(MINUS | TILDE | BANG) arg=unaryExpr        # unaryOperator
                | p=prim                                         # unaryPrimary
                ;
