package dev.hwdesc.dts;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.SourcePosition;
import dev.hwdesc.fdt.check.Checker;
import dev.hwdesc.dts.DtsParser.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The semantics of dtc's parser actions (dtc-parser.y, livetree.c), run as the parser exits each
 * rule, in source order: nodes and properties are built, top-level blocks merged into the tree or
 * rejected, references recorded as markers, integer expressions evaluated in unsigned 64-bit
 * arithmetic. Errors go to {@link Diagnostics}; after a syntax error the builder stops acting, as
 * dtc stops parsing.
 */
final class TreeBuilder extends DtsParserBaseListener {

    /** Reads the bytes of an /incbin/ file. */
    interface Incbin {
        byte[] read(String name, long offset, long length, DtsToken at);
    }

    private final Diagnostics errors;
    private final Incbin incbin;
    private final NodeLookup lookup = new NodeLookup();
    private final TreeMerger merger = new TreeMerger(lookup);

    private boolean active = true;
    private final List<Long> headerFlags = new ArrayList<>();
    private final List<HeaderContext> headers = new ArrayList<>();
    private final List<MemoryReservation> reservations = new ArrayList<>();
    private Node root;
    private boolean plugin;
    private int nextOrphanFragment;

    /** Nodes being built, innermost last, and whether each has had a child node yet. */
    private final Deque<Node> open = new ArrayDeque<>();
    private final Deque<boolean[]> childSeen = new ArrayDeque<>();
    /** The node a nodedef just finished, for the rule that contains it. */
    private Node lastNode;
    private Property lastProperty;
    private Node lastSubnode;
    /** Whether the last item of a node body was a child node (or a property). */
    private boolean lastItemWasNode;
    private ValueBuilder value;
    /** Property values are built here one after another (building copies the value out). */
    private final ValueBuilder reusedValue = new ValueBuilder();
    private boolean fixupsPossible;
    private int cellBits;
    private boolean cellsStarted;

    private static final long PLUGIN_FLAG = 2;

    TreeBuilder(Diagnostics errors, Incbin incbin) {
        this.errors = errors;
        this.incbin = incbin;
    }

    /** Stops all semantic actions (after a syntax error or a fatal one). */
    void stop() {
        active = false;
    }

    boolean stopped() {
        return !active;
    }

    /**
     * Whether dtc's fixup checks may change the tree ({@link Checker#mayChangeOutput}'s test, made
     * as the tree is built instead of by a walk afterwards): a property {@link Checker#mayFixUp}
     * or an /omit-if-no-ref/ was seen. Never false when the walk would say true.
     */
    boolean fixupsPossible() {
        return fixupsPossible;
    }

    /** The result: the tree, its reservations, dtc's guess of the boot CPU, the plugin flag. */
    DeviceTree tree() {
        Node r = root != null ? root : new Node("");
        DeviceTree t = new DeviceTree(r, reservations, BootCpuGuess.of(r));
        t.setPlugin(plugin);
        return t;
    }

    // ---------------------------------------------------------------- positions

    private static DtsToken token(Token t) {
        return (DtsToken) t;
    }

    /**
     * A rule's position as bison computes it (dtc's YYLLOC_DEFAULT): from its first token to its
     * last, in the file of the last token (which differs when a rule spans an /include/ or a line
     * marker).
     */
    private static SourcePosition span(ParserRuleContext ctx) {
        Token stopToken = ctx.stop != null && ctx.stop.getTokenIndex() >= ctx.start.getTokenIndex() ? ctx.stop : ctx.start;
        return DtsToken.span(token(ctx.start), token(stopToken));
    }

    private void error(ParserRuleContext ctx, String message) {
        Token stopToken = ctx.stop != null && ctx.stop.getTokenIndex() >= ctx.start.getTokenIndex() ? ctx.stop : ctx.start;
        errors.error(token(ctx.start), token(stopToken), message);
    }

    private void error(Token t, String message) {
        errors.error(token(t), message);
    }

    // ---------------------------------------------------------------- headers and reservations

    @Override
    public void exitHeader(HeaderContext ctx) {
        if (!active) {
            return;
        }
        headers.add(ctx);
        headerFlags.add(ctx.plugin != null ? 3L : 1L);
    }

    @Override
    public void exitMemreserve(MemreserveContext ctx) {
        if (!active) {
            return;
        }
        List<dev.hwdesc.fdt.Label> labels = new ArrayList<>();
        for (int i = ctx.labels.size() - 1; i >= 0; i--) {
            // dtc adds the innermost label first and prepends each next one: source order results
            labels.add(0, dev.hwdesc.fdt.Label.of(labelName(ctx.labels.get(i))));
        }
        reservations.add(new MemoryReservation(ctx.address.value, ctx.size.value, dedupe(labels)));
    }

    private static List<dev.hwdesc.fdt.Label> dedupe(List<dev.hwdesc.fdt.Label> labels) {
        List<dev.hwdesc.fdt.Label> out = new ArrayList<>();
        for (dev.hwdesc.fdt.Label l : labels) {
            if (out.stream().noneMatch(o -> o.name().equals(l.name()))) {
                out.add(l);
            }
        }
        return out;
    }

    /** "name:" without its colon. */
    private static String labelName(Token t) {
        return token(t).name();
    }

    /** "&label" without the '&', "&{/path}" without "&{" and "}". */
    private static String refName(RefContext ref) {
        return token(ref.getStart()).name();
    }

    /** A property or node name as written, without the '\\' that may escape it. */
    private static String name(Token t) {
        return token(t).name();
    }

    // ---------------------------------------------------------------- the tree

    @Override
    public void enterDevicetree(DevicetreeContext ctx) {
        if (!active) {
            return;
        }
        plugin = !headerFlags.isEmpty() && headerFlags.get(0) == 3L;
        // dtc's "headers: header headers": each header must carry the flags of the one after it.
        for (int i = headers.size() - 2; i >= 0; i--) {
            if (!headerFlags.get(i).equals(headerFlags.get(i + 1))) {
                errors.error(token(headers.get(i + 1).start), token(headers.get(headers.size() - 1).stop),
                        "Header flags don't match earlier ones");
            }
        }
    }

    @Override
    public void enterNodedef(NodedefContext ctx) {
        if (!active) {
            return;
        }
        String name = ctx.getParent() instanceof NodeItemContext item ? name(item.name)
                : ctx.getParent() instanceof NamedNodeContext named ? name(named.name) : "";
        open.push(new Node(name));
        childSeen.push(new boolean[1]);
    }

    @Override
    public void exitNodedef(NodedefContext ctx) {
        if (!active) {
            return;
        }
        Node n = open.pop();
        childSeen.pop();
        n.addPosition(span(ctx));
        lastNode = n;
    }

    @Override
    public void exitRootBlock(RootBlockContext ctx) {
        if (!active) {
            return;
        }
        root = lastNode;
        lookup.setRoot(root);
    }

    @Override
    public void exitFirstRefBlock(FirstRefBlockContext ctx) {
        if (!active) {
            return;
        }
        String ref = refName(ctx.target);
        if (!plugin) {
            error(ctx.body, "Label or path " + ref + " not found");
        }
        root = new Node("");
        lookup.setRoot(root);
        addOrphan(lastNode, ref);
    }

    @Override
    public void exitMergeRootBlock(MergeRootBlockContext ctx) {
        if (active) {
            merger.merge(root, lastNode);
        }
    }

    @Override
    public void exitLabelRefBlock(LabelRefBlockContext ctx) {
        if (!active) {
            return;
        }
        String ref = refName(ctx.target);
        Optional<Node> target = lookup.byReference(ref);
        if (target.isPresent()) {
            String label = labelName(ctx.label);
            target.get().addLabel(label);
            lookup.labelAdded(target.get(), label);
            merger.merge(target.get(), lastNode);
        } else {
            error(ctx.target, "Label or path " + ref + " not found");
        }
    }

    @Override
    public void exitRefBlock(RefBlockContext ctx) {
        if (!active) {
            return;
        }
        String ref = refName(ctx.target);
        if (plugin && ref.startsWith("/")) {
            addOrphan(lastNode, ref);
            return;
        }
        Optional<Node> target = lookup.byReference(ref);
        if (target.isPresent()) {
            merger.merge(target.get(), lastNode);
        } else if (plugin) {
            addOrphan(lastNode, ref);
        } else {
            error(ctx.target, "Label or path " + ref + " not found");
        }
    }

    @Override
    public void exitDeleteNodeByRef(DeleteNodeByRefContext ctx) {
        if (!active) {
            return;
        }
        String ref = refName(ctx.target);
        Optional<Node> target = lookup.byReference(ref);
        if (target.isPresent()) {
            target.get().delete();
        } else {
            error(ctx.target, "Label or path " + ref + " not found");
        }
    }

    @Override
    public void exitOmitNodeByRef(OmitNodeByRefContext ctx) {
        if (!active) {
            return;
        }
        String ref = refName(ctx.target);
        Optional<Node> target = lookup.byReference(ref);
        if (target.isPresent()) {
            target.get().setOmitIfNoRef(true);
            fixupsPossible = true;
        } else {
            error(ctx.target, "Label or path " + ref + " not found");
        }
    }

    /**
     * dtc's add_orphan_node: {@code &ref { ... }} that a plugin cannot resolve becomes a root child
     * {@code fragment@N} with a target (a phandle reference) or target-path, and the body as its
     * {@code __overlay__} child.
     */
    private void addOrphan(Node body, String ref) {
        Node overlay = new Node("__overlay__");
        for (dev.hwdesc.fdt.Label l : body.labelEntries()) {
            overlay.addLabel(l.name());
        }
        for (Property p : body.takeProperties()) {
            overlay.addProperty(p);
        }
        for (Node c : body.takeChildren()) {
            overlay.addChild(c);
        }
        body.positions().forEach(overlay::addPosition);
        if (body.isOmitIfNoRef()) {
            overlay.setOmitIfNoRef(true);
        }
        Node fragment = new Node("fragment@" + Integer.toUnsignedString(nextOrphanFragment++));
        ValueBuilder target = new ValueBuilder();
        if (ref.startsWith("/")) {
            target.string(ref.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            fragment.addProperty("target-path", target.build());
        } else {
            target.phandleReference(32, ref);
            fragment.addProperty("target", withoutTypeMarker(target.build()));
            fixupsPossible = true;
        }
        fragment.addChild(overlay);
        root.addChild(fragment);
        lookup.joined(fragment);
    }

    /** dtc's orphan "target" value carries a reference marker but no cell-type marker. */
    private static PropertyValue withoutTypeMarker(PropertyValue v) {
        List<dev.hwdesc.fdt.Marker> kept = new ArrayList<>();
        for (dev.hwdesc.fdt.Marker m : v.markers()) {
            if (!(m instanceof dev.hwdesc.fdt.Marker.Chunk)) {
                kept.add(m);
            }
        }
        return v.withMarkers(kept);
    }

    // ---------------------------------------------------------------- nodes and properties

    /** A property or a child node, perhaps with labels; see the grammar for why it is one rule. */
    @Override
    public void exitNodeItem(NodeItemContext ctx) {
        if (!active) {
            return;
        }
        if (ctx.label != null) { // the label goes on what the item inside made
            if (lastItemWasNode) {
                lastSubnode.addLabel(labelName(ctx.label));
            } else {
                lastProperty.addLabel(labelName(ctx.label));
            }
        } else if (ctx.body != null) {
            childNode();
        } else if (ctx.name != null) {
            addProperty(ctx.name, ctx.value != null ? value.build() : PropertyValue.empty(), span(ctx));
            lastItemWasNode = false;
        } else if (ctx.deletedProperty != null) {
            addProperty(ctx.deletedProperty, PropertyValue.empty(), null);
            lastProperty.setDeleted(true);
            lastItemWasNode = false;
        } else if (ctx.deletedNode != null) {
            deletedNode(ctx.deletedNode, ctx);
        } else if (ctx.omitted != null) {
            omitIfNoRef();
        }
        if (ctx.getParent() instanceof NodedefContext) { // the whole item, labels and all
            if (lastItemWasNode) {
                childSeen.peek()[0] = true;
            } else if (childSeen.peek()[0]) {
                error(ctx, "Properties must precede subnodes");
                stop();
            }
        }
    }

    @Override
    public void exitNamedNode(NamedNodeContext ctx) {
        if (active) {
            childNode();
        }
    }

    /** The node just closed joins the open one. */
    private void childNode() {
        lastSubnode = lastNode;
        lastItemWasNode = true;
        open.peek().addChild(lastNode);
    }

    @Override
    public void exitDeletedNode(DeletedNodeContext ctx) {
        if (active) {
            deletedNode(ctx.name, ctx);
        }
    }

    /** {@code /delete-node/ name;} inside a node: a tombstone, which a later merge can revive. */
    private void deletedNode(Token name, ParserRuleContext item) {
        Node n = new Node(name(name));
        n.delete();
        n.addPosition(span(item));
        lastSubnode = n;
        lastItemWasNode = true;
        open.peek().addChild(n);
    }

    @Override
    public void exitOmittableNode(OmittableNodeContext ctx) {
        if (active) {
            omitIfNoRef();
        }
    }

    private void omitIfNoRef() {
        lastSubnode.setOmitIfNoRef(true);
        lastItemWasNode = true;
        fixupsPossible = true;
    }

    @Override
    public void exitLabelledNode(LabelledNodeContext ctx) {
        if (active) {
            lastSubnode.addLabel(labelName(ctx.label));
        }
    }

    @Override
    public void enterPropdata(PropdataContext ctx) {
        if (active) {
            value = reusedValue.clear();
        }
    }

    private void addProperty(Token nameToken, PropertyValue v, SourcePosition position) {
        Property p = new Property(name(nameToken), v, position);
        if (!fixupsPossible) {
            fixupsPossible = Checker.mayFixUp(p);
        }
        open.peek().addProperty(p);
        lastProperty = p;
    }

    // ---------------------------------------------------------------- values

    /**
     * Rule entries. ANTLR's parse listeners get no enter event for a labelled alternative (the
     * alternative's context replaces the rule's only after the event), so chunk and element starts
     * are handled here on the rule's own context.
     */
    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
        if (!active) {
            return;
        }
        if (ctx instanceof ChunkContext) {
            cellsStarted = false;
        } else if (ctx instanceof CellItemContext) {
            startCellsIfNeeded((CellsChunkContext) ctx.getParent());
        }
    }

    /** A label before a chunk goes in before its type marker, one after it at its end: as they come. */
    @Override
    public void exitValueLabel(ValueLabelContext ctx) {
        if (active) {
            value.label(labelName(ctx.l));
        }
    }

    @Override
    public void exitStringChunk(StringChunkContext ctx) {
        if (active) {
            DtsToken t = token(ctx.text);
            String source = t.source();
            int from = t.getStartIndex() + 1;
            int to = t.end() - 1;
            if (!Escapes.any(source, from, to)) {
                value.string(source, from, to); // no escapes: the bytes as they stand
            } else {
                value.string(stringBytes(ctx.text));
            }
        }
    }

    /** dtc starts the array (and checks the /bits/ size) when it sees '<', before any element. */
    private void startCellsIfNeeded(CellsChunkContext ctx) {
        if (cellsStarted) {
            return;
        }
        cellsStarted = true;
        cellBits = 32;
        if (ctx.bits != null) {
            long bits = literal(ctx.bits);
            if (bits == 8 || bits == 16 || bits == 32 || bits == 64) {
                cellBits = (int) bits;
            } else {
                error(ctx.bits, "Array elements must be 8, 16, 32 or 64-bits");
            }
        }
        value.startCells(cellBits);
    }

    @Override
    public void exitCellItem(CellItemContext ctx) {
        if (!active) {
            return;
        }
        if (ctx.t != null || ctx.e != null) {
            cellValue(ctx, primValue(ctx.t, ctx.e));
        } else if (ctx.target != null) {
            cellReference(ctx);
        } else if (ctx.label != null) {
            value.label(labelName(ctx.label));
        }
    }

    private void cellValue(CellItemContext ctx, long v) {
        if (cellBits < 64) {
            long mask = (1L << cellBits) - 1;
            if (Long.compareUnsigned(v, mask) > 0 && (v | mask) != -1L) {
                error(ctx, "Value out of range for " + cellBits + "-bit array element");
            }
        }
        value.cell(cellBits, v);
    }

    private void cellReference(CellItemContext ctx) {
        if (cellBits != 32) {
            error(ctx.target, "References are only allowed in arrays with 32-bit elements.");
        }
        value.phandleReference(cellBits, refName(ctx.target));
    }

    @Override
    public void exitCellsChunk(CellsChunkContext ctx) {
        if (active) {
            startCellsIfNeeded(ctx);
        }
    }

    @Override
    public void exitBytesChunk(BytesChunkContext ctx) {
        if (!active) {
            return;
        }
        value.startBytes(); // the chunk starts at '[', before any label in it
        List<Token> items = ctx.bytes;
        for (int i = 0, n = items.size(); i < n; i++) {
            DtsToken t = token(items.get(i));
            if (t.getType() == DtsLexer.LABEL) {
                value.label(labelName(t));
            } else {
                value.oneByte((int) t.number());
            }
        }
    }

    @Override
    public void exitPathRefChunk(PathRefChunkContext ctx) {
        if (active) {
            value.pathReference(refName(ctx.target));
        }
    }

    @Override
    public void exitIncbinChunk(IncbinChunkContext ctx) {
        if (!active) {
            return;
        }
        byte[] nameBytes = stringBytes(ctx.file);
        int nul = 0;
        while (nul < nameBytes.length && nameBytes[nul] != 0) {
            nul++;
        }
        String name = new String(nameBytes, 0, nul, java.nio.charset.StandardCharsets.ISO_8859_1);
        long offset = ctx.offset != null ? ctx.offset.value : 0;
        long length = ctx.length != null ? ctx.length.value : -1;
        value.raw(incbin.read(name, offset, length, token(ctx.file)));
    }

    // ---------------------------------------------------------------- integers

    @Override
    public void exitPrim(PrimContext ctx) {
        if (!active) {
            return;
        }
        if (ctx.t != null || ctx.e != null) {
            ctx.value = primValue(ctx.t, ctx.e);
        }
    }

    /** A literal, a character literal or a parenthesized expression (prim, or a cell). */
    private long primValue(Token t, ExprContext e) {
        if (e != null) {
            return e.value;
        }
        return t.getType() == DtsLexer.LITERAL ? literal(t) : charLiteral(t);
    }

    private long literal(Token t) {
        DtsToken d = token(t);
        if (d.hasNumber()) {
            return d.number(); // parsed as the token was made
        }
        IntegerLiterals.Parsed p = IntegerLiterals.parse(d.source(), d.getStartIndex(), d.end());
        if (p.error() != null) {
            error(t, p.error());
        }
        return p.value();
    }

    private long charLiteral(Token t) {
        String text = t.getText();
        // dtc unescapes the body in place, so an escape at its end reads the closing quote ('\' is ')
        byte[] bytes = unescape(text.substring(1), text.length() - 2, t);
        if (bytes.length == 0) {
            error(t, "Empty character literal");
            return 0;
        }
        if (bytes.length > 1) {
            error(t, "Character literal has " + bytes.length + " characters instead of 1");
        }
        return bytes[0] & 0xff;
    }

    @Override
    public void exitExpr(ExprContext ctx) {
        if (active) {
            ctx.value = ctx.t.value;
        }
    }

    @Override
    public void exitTernary(TernaryContext ctx) {
        if (!active) {
            return;
        }
        long cond = ctx.cond.value;
        ctx.value = ctx.yes == null ? cond : (cond != 0 ? ctx.yes.value : ctx.no.value);
    }

    @Override
    public void exitOrExpr(OrExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            v = (v != 0 || ctx.args.get(i).value != 0) ? 1 : 0;
        }
        ctx.value = v;
    }

    @Override
    public void exitAndExpr(AndExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            v = (v != 0 && ctx.args.get(i).value != 0) ? 1 : 0;
        }
        ctx.value = v;
    }

    @Override
    public void exitBitOrExpr(BitOrExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            v |= ctx.args.get(i).value;
        }
        ctx.value = v;
    }

    @Override
    public void exitBitXorExpr(BitXorExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            v ^= ctx.args.get(i).value;
        }
        ctx.value = v;
    }

    @Override
    public void exitBitAndExpr(BitAndExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            v &= ctx.args.get(i).value;
        }
        ctx.value = v;
    }

    @Override
    public void exitEqExpr(EqExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            long r = ctx.args.get(i).value;
            v = (ctx.op.get(i - 1).getType() == DtsLexer.EQ) == (v == r) ? 1 : 0;
        }
        ctx.value = v;
    }

    @Override
    public void exitRelExpr(RelExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            int c = Long.compareUnsigned(v, ctx.args.get(i).value);
            v = switch (ctx.op.get(i - 1).getType()) {
                case DtsLexer.LT -> c < 0 ? 1 : 0;
                case DtsLexer.GT -> c > 0 ? 1 : 0;
                case DtsLexer.LE -> c <= 0 ? 1 : 0;
                default -> c >= 0 ? 1 : 0;
            };
        }
        ctx.value = v;
    }

    @Override
    public void exitShiftExpr(ShiftExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            long n = ctx.args.get(i).value;
            boolean inRange = Long.compareUnsigned(n, 64) < 0;
            if (ctx.op.get(i - 1).getType() == DtsLexer.LSHIFT) {
                v = inRange ? v << n : 0;
            } else {
                v = inRange ? v >>> n : 0;
            }
        }
        ctx.value = v;
    }

    @Override
    public void exitAddExpr(AddExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            v = ctx.op.get(i - 1).getType() == DtsLexer.PLUS ? v + ctx.args.get(i).value : v - ctx.args.get(i).value;
        }
        ctx.value = v;
    }

    @Override
    public void exitMulExpr(MulExprContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.args.get(0).value;
        for (int i = 1; i < ctx.args.size(); i++) {
            long r = ctx.args.get(i).value;
            int op = ctx.op.get(i - 1).getType();
            if (op == DtsLexer.STAR) {
                v = v * r;
            } else if (r == 0) {
                // dtc reports the whole "a / b" so far: from the first operand to this divisor
                errors.error(token(ctx.start), token(ctx.args.get(i).stop), "Division by zero");
                v = 0;
            } else {
                v = op == DtsLexer.SLASH ? Long.divideUnsigned(v, r) : Long.remainderUnsigned(v, r);
            }
        }
        ctx.value = v;
    }

    @Override
    public void exitUnaryOperator(UnaryOperatorContext ctx) {
        if (!active) {
            return;
        }
        long v = ctx.arg.value;
        ctx.value = switch (ctx.op.getType()) {
            case DtsLexer.MINUS -> -v;
            case DtsLexer.TILDE -> ~v;
            default -> v == 0 ? 1 : 0;
        };
    }

    @Override
    public void exitUnaryPrimary(UnaryPrimaryContext ctx) {
        if (active) {
            ctx.value = ctx.p.value;
        }
    }

    // ---------------------------------------------------------------- strings

    private byte[] stringBytes(Token t) {
        String text = t.getText();
        return unescape(text.substring(1), text.length() - 2, t);
    }

    private byte[] unescape(String text, int length, Token t) {
        try {
            return Escapes.unescape(text, length);
        } catch (Escapes.BareHexEscape e) {
            throw new CompileError(token(t), e.getMessage());
        }
    }

}
