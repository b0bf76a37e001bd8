package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.at;
import static dev.hwdesc.fdt.check.CheckRun.tree;
import static dev.hwdesc.fdt.check.Values.cell;
import static dev.hwdesc.fdt.check.Values.cells;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixups, against what dtc 1.6.1 makes of the same source (quoted above each test). */
class ReferenceFixupsTest {

    private static List<String> propertyNames(Node n) {
        return n.properties().stream().map(Property::name).toList();
    }

    private static long value(Node n, String property) {
        return cell(n.value(property).orElseThrow(), 0);
    }

    /**
     * <pre>
     * / {
     *     refs = &lt;&amp;c &amp;a&gt;;
     *     a: na { };
     *     b: nb { phandle = &lt;2&gt;; };
     *     c: nc { x = &lt;&amp;b &amp;d&gt;; };
     *     d: nd { };
     *     e: ne { };
     * };
     * </pre>
     */
    private static Node q06() {
        Node root = new Node("");
        root.addProperty("refs", cells("c", "a"));
        root.addChild(new Node("na")).addLabel("a");
        Node nb = root.addChild(new Node("nb"));
        nb.addLabel("b");
        nb.addProperty("phandle", cells(2));
        Node nc = root.addChild(new Node("nc"));
        nc.addLabel("c");
        nc.addProperty("x", cells("b", "d"));
        root.addChild(new Node("nd")).addLabel("d");
        root.addChild(new Node("ne")).addLabel("e");
        return root;
    }

    @Test
    void phandlesAreAllocatedInWalkOrderSkippingTakenValues() {
        Node root = q06();
        CheckRun run = CheckRun.of(tree(root), PhandleFormat.BOTH, false, 0);
        assertEquals("", run.text());
        PropertyValue refs = root.value("refs").orElseThrow();
        assertEquals(1, cell(refs, 0));
        assertEquals(3, cell(refs, 1));
        Node na = root.child("na").orElseThrow();
        Node nc = root.child("nc").orElseThrow();
        Node nd = root.child("nd").orElseThrow();
        assertEquals(List.of("linux,phandle", "phandle"), propertyNames(na));
        assertEquals(3, value(na, "phandle"));
        assertEquals(List.of("phandle"), propertyNames(root.child("nb").orElseThrow()), "an explicit phandle is kept");
        assertEquals(List.of("x", "linux,phandle", "phandle"), propertyNames(nc));
        assertEquals(2, cell(nc.value("x").orElseThrow(), 0));
        assertEquals(4, cell(nc.value("x").orElseThrow(), 1));
        assertEquals(4, value(nd, "linux,phandle"));
        assertEquals(List.of(), propertyNames(root.child("ne").orElseThrow()));
        assertEquals(List.of(new Marker.Chunk(0, ValueType.CELLS32)), na.value("phandle").orElseThrow().markers());
        assertTrue(na.isReferenced());
        assertFalse(root.child("ne").orElseThrow().isReferenced());
        assertEquals(3, na.phandle());
    }

    @Test
    void legacyFormatWritesOnlyLinuxPhandle() {
        Node root = q06();
        CheckRun.of(tree(root), PhandleFormat.LEGACY, false, 0);
        assertEquals(List.of("linux,phandle"), propertyNames(root.child("na").orElseThrow()));
    }

    /**
     * <pre>
     * / {
     *     user = &lt;&amp;c &amp;b&gt;;
     *     a: na { phandle = &lt;&amp;a&gt;; };
     *     b: nb { linux,phandle = &lt;&amp;b&gt;; };
     *     c: nc { linux,phandle = &lt;7&gt;; };
     * };
     * </pre>
     * dtc: user = &lt;7 1&gt;; na phandle 2; nb gets linux,phandle 1 and phandle 1; nc keeps only linux,phandle.
     */
    @Test
    void selfReferencesAskForAPhandle() {
        Node root = new Node("");
        root.addProperty("user", cells("c", "b"));
        Node na = root.addChild(new Node("na"));
        na.addLabel("a");
        na.addProperty("phandle", cells("a"));
        Node nb = root.addChild(new Node("nb"));
        nb.addLabel("b");
        nb.addProperty("linux,phandle", cells("b"));
        Node nc = root.addChild(new Node("nc"));
        nc.addLabel("c");
        nc.addProperty("linux,phandle", cells(7));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("", run.text());
        assertEquals(7, cell(root.value("user").orElseThrow(), 0));
        assertEquals(1, cell(root.value("user").orElseThrow(), 1));
        assertEquals(2, value(na, "phandle"));
        assertEquals(List.of("linux,phandle", "phandle"), propertyNames(nb));
        assertEquals(1, value(nb, "linux,phandle"));
        assertEquals(1, value(nb, "phandle"));
        assertEquals(List.of("linux,phandle"), propertyNames(nc));
    }

    /**
     * <pre>
     * / {
     *     a: a { phandle = &lt;&amp;b&gt;; };
     *     b: b { linux,phandle = &lt;&amp;b&gt;; };
     *     c { phandle = &lt;&amp;nope&gt;; };
     * };
     * </pre>
     */
    @Test
    void aPhandlePropertyMayOnlyReferToItsOwnNode() {
        Node root = new Node("");
        Node a = root.addChild(new Node("a"));
        a.addLabel("a");
        a.addPosition(at("ep.dts", 3, 7, 27));
        a.addProperty("phandle", cells("b"));
        Node b = root.addChild(new Node("b"));
        b.addLabel("b");
        b.addProperty("linux,phandle", cells("b"));
        Node c = root.addChild(new Node("c"));
        c.addPosition(at("ep.dts", 5, 4, 27));
        c.addProperty("phandle", cells("nope"));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("""
                ep.dts:3.7-27: ERROR (explicit_phandles): /a: phandle is a reference to another node
                ep.dts:5.4-27: ERROR (explicit_phandles): /c: phandle is a reference to another node
                """, run.text());
        assertTrue(run.failed());
    }

    @Test
    void explicitPhandleErrors() {
        Node root = new Node("");
        root.addChild(new Node("zero")).addProperty("phandle", cells(0));
        root.addChild(new Node("minus")).addProperty("linux,phandle", cells(0xffffffffL));
        root.addChild(new Node("long")).addProperty("phandle", cells(1, 2));
        Node both = root.addChild(new Node("both"));
        both.addProperty("phandle", cells(5));
        both.addProperty("linux,phandle", cells(6));
        root.addChild(new Node("dup")).addProperty("linux,phandle", cells(5));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("""
                out.dtb: ERROR (explicit_phandles): /zero:phandle: bad value (0x0) in phandle property
                out.dtb: ERROR (explicit_phandles): /minus:linux,phandle: bad value (0xffffffff) in linux,phandle property
                out.dtb: ERROR (explicit_phandles): /long:phandle: bad length (8) phandle property
                out.dtb: ERROR (explicit_phandles): /both: mismatching 'phandle' and 'linux,phandle' properties
                out.dtb: ERROR (explicit_phandles): /dup: duplicated phandle 0x5 (seen before at /both)
                """, run.text());
    }

    /**
     * <pre>
     * /plugin/;
     * / {
     *     user { x = &lt;&amp;nope 1 &amp;here&gt;; };
     *     here: here { };
     *     p { clocks = &lt;&amp;nope 1&gt;; interrupt-parent = &lt;&amp;nope&gt;; interrupts = &lt;1&gt;; };
     * };
     * </pre>
     */
    @Test
    void inAPluginUnresolvedReferencesAreLeftForTheLoader() {
        Node root = new Node("");
        Node user = root.addChild(new Node("user"));
        user.addProperty("x", cells("nope", 1, "here"));
        root.addChild(new Node("here")).addLabel("here");
        Node p = root.addChild(new Node("p"));
        p.addProperty("clocks", cells("nope", 1));
        p.addProperty("interrupt-parent", cells("nope"));
        p.addProperty("interrupts", cells(1));
        DeviceTree t = tree(root);
        t.setPlugin(true);
        CheckRun run = CheckRun.of(t);
        assertEquals("", run.text());
        assertFalse(run.failed());
        PropertyValue x = user.value("x").orElseThrow();
        assertEquals(0xffffffffL, cell(x, 0));
        assertEquals(1, cell(x, 2));
    }

    /**
     * <pre>
     * / {
     *     a: a { };
     *     b { phandle = &lt;1&gt;; };
     *     path { p = &amp;a, "s", &amp;{/b}; q = &amp;missing; r = &amp;{/}; };
     * };
     * </pre>
     */
    @Test
    void pathReferencesSpliceInTheFullPath() {
        Node root = new Node("");
        root.addChild(new Node("a")).addLabel("a");
        root.addChild(new Node("b")).addProperty("phandle", cells(1));
        Node path = root.addChild(new Node("path"));
        path.addPosition(at("pa.dts", 5, 7, 55));
        PropertyValue p = PropertyValue.builder().marker(new Marker.PathRef(0, "a")).string("s")
                .marker(new Marker.PathRef(2, "/b")).build();
        path.addProperty("p", p);
        path.addProperty("q", PropertyValue.builder().marker(new Marker.PathRef(0, "missing")).build());
        path.addProperty("r", PropertyValue.builder().marker(new Marker.PathRef(0, "/")).build());
        CheckRun run = CheckRun.of(tree(root), "-W", "no-unit_address_vs_reg");
        assertEquals("pa.dts:5.7-55: ERROR (path_references): /path: Reference to non-existent node or label "
                + "\"missing\"\n\n", run.text());
        PropertyValue spliced = path.value("p").orElseThrow();
        assertArrayEquals("/a\0s\0/b\0".getBytes(StandardCharsets.ISO_8859_1), spliced.toByteArray());
        assertEquals(List.of(new Marker.PathRef(0, "a"), new Marker.Chunk(3, ValueType.STRING),
                new Marker.PathRef(5, "/b")), spliced.markers());
        assertArrayEquals("/\0".getBytes(StandardCharsets.ISO_8859_1), path.value("r").orElseThrow().toByteArray());
        assertTrue(root.child("a").orElseThrow().isReferenced());
    }

    /**
     * q19: unreferenced /omit-if-no-ref/ nodes go; a reference from inside an omitted node still
     * assigns a phandle; with -@ labelled nodes stay.
     * <pre>
     * / {
     *     /omit-if-no-ref/ l: n { };
     *     /omit-if-no-ref/ m { r = &lt;&amp;k&gt;; };
     *     k: kk { };
     *     user { a = &lt;&amp;l&gt;; };
     *     /omit-if-no-ref/ o: p { };
     *     /omit-if-no-ref/ q: qq { };
     *     pathuser = &amp;q;
     * };
     * </pre>
     */
    private static Node q19() {
        Node root = new Node("");
        root.addProperty("pathuser", PropertyValue.builder().marker(new Marker.PathRef(0, "q")).build());
        Node n = root.addChild(new Node("n"));
        n.addLabel("l");
        n.setOmitIfNoRef(true);
        Node m = root.addChild(new Node("m"));
        m.setOmitIfNoRef(true);
        m.addProperty("r", cells("k"));
        m.addChild(new Node("inner"));
        root.addChild(new Node("kk")).addLabel("k");
        root.addChild(new Node("user")).addProperty("a", cells("l"));
        Node p = root.addChild(new Node("p"));
        p.addLabel("o");
        p.setOmitIfNoRef(true);
        Node qq = root.addChild(new Node("qq"));
        qq.addLabel("q");
        qq.setOmitIfNoRef(true);
        return root;
    }

    @Test
    void unreferencedOmitIfNoRefNodesAreDeleted() {
        Node root = q19();
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("", run.text());
        assertEquals(List.of("n", "kk", "user", "qq"), root.children().stream().map(Node::name).toList());
        Node m = root.childrenWithDeleted().get(1);
        assertTrue(m.isDeleted());
        assertTrue(m.childrenWithDeleted().get(0).isDeleted(), "the whole subtree goes");
        assertEquals(1, value(root.child("kk").orElseThrow(), "phandle"));
        assertEquals(2, value(root.child("n").orElseThrow(), "phandle"));
        assertArrayEquals("/qq\0".getBytes(StandardCharsets.ISO_8859_1), root.value("pathuser").orElseThrow().toByteArray());
    }

    @Test
    void withSymbolsLabelledNodesAreNeverOmitted() {
        Node root = q19();
        CheckRun.of(tree(root), PhandleFormat.EPAPR, true, 0);
        assertEquals(List.of("n", "kk", "user", "p", "qq"), root.children().stream().map(Node::name).toList());
    }

    @Test
    void theAllocatorCarriesOnAfterTheChecks() {
        Node root = q06();
        PhandleAllocator phandles = new PhandleAllocator(PhandleFormat.EPAPR);
        Checker.run(tree(root), CheckSelection.defaults(),
                new Checker.Settings("out.dtb", 0, PhandleFormat.EPAPR, false), phandles, m -> { });
        Node ne = root.child("ne").orElseThrow();
        assertEquals(5, phandles.phandleOf(ne), "1, 3, 4 were allocated and 2 was explicit");
        assertEquals(5, value(ne, "phandle"));
        assertEquals(ne, phandles.nodeWithPhandle(5).orElseThrow());
    }

    @Test
    void deepTreesNeedNoDeepRecursion() {
        Node root = new Node("");
        Node top = root.addChild(new Node("top"));
        top.setOmitIfNoRef(true);
        Node at = top;
        for (int i = 0; i < 50_000; i++) {
            at = at.addChild(new Node("n" + i));
        }
        at.addProperty("status", PropertyValue.ofCells(1));
        CheckRun run = CheckRun.of(tree(root), "-W", "no-status_is_string");
        assertEquals("", run.text());
        assertTrue(at.isDeleted());
    }
}
