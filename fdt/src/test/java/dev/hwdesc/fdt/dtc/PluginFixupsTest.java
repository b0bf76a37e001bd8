package dev.hwdesc.fdt.dtc;

import static dev.hwdesc.fdt.dtc.DtcRun.cells;
import static dev.hwdesc.fdt.dtc.DtcRun.node;
import static dev.hwdesc.fdt.dtc.DtcRun.plugin;
import static dev.hwdesc.fdt.dtc.DtcRun.tree;
import static dev.hwdesc.fdt.dtc.DtcRun.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixups of a {@code /plugin/}, against what dtc 1.6.1 makes of the source quoted above each
 * tree: the expected texts are dtc's own {@code -O dts} output, and its stderr.
 */
class PluginFixupsTest {

    /** An orphan fragment's {@code target = <&label>}: a reference marker and no type marker. */
    private static PropertyValue target(String label) {
        return PropertyValue.builder().marker(new Marker.PhandleRef(0, label)).element(4, 0xffffffffL).build();
    }

    /**
     * The corpus's quirks/q14-plugin-fixups.dts:
     * <pre>
     * /plugin/;
     * &amp;ext1 { loc: newnode { r = &lt;&amp;ext2 &amp;loc 7 &amp;ext1&gt;; }; };
     * &amp;{/target/path} { q = &lt;&amp;loc&gt;; z = &lt;&amp;ext2&gt;; };
     * / { fragment@9 { target = &lt;&amp;ext1&gt;; __overlay__ { w; }; }; };
     * &amp;loc { merged-locally; };
     * </pre>
     */
    private static Node q14() {
        Node root = new Node("");
        Node f0 = node(root, "fragment@0");
        f0.addProperty("target", target("ext1"));
        Node newnode = node(node(f0, "__overlay__"), "newnode", "loc");
        newnode.addProperty("r", cells("ext2", "loc", 7, "ext1"));
        newnode.addProperty("merged-locally", PropertyValue.empty());
        Node f1 = node(root, "fragment@1");
        f1.addProperty("target-path", PropertyValue.ofStrings("/target/path"));
        Node o1 = node(f1, "__overlay__");
        o1.addProperty("q", cells("loc"));
        o1.addProperty("z", cells("ext2"));
        Node f9 = node(root, "fragment@9");
        f9.addProperty("target", cells("ext1"));
        node(f9, "__overlay__").addProperty("w", PropertyValue.empty());
        return root;
    }

    @Test
    void q14UnresolvedReferencesByLabelAndResolvedOnesMirrored() {
        DtcRun run = DtcRun.of(plugin(q14()));
        assertEquals(DtcProcessor.Outcome.OK, run.outcome());
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tfragment@0 {
                \t\ttarget = <0xffffffff>;

                \t\t__overlay__ {

                \t\t\tloc: newnode {
                \t\t\t\tr = <0xffffffff 0x01 0x07 0xffffffff>;
                \t\t\t\tmerged-locally;
                \t\t\t\tphandle = <0x01>;
                \t\t\t};
                \t\t};
                \t};

                \tfragment@1 {
                \t\ttarget-path = "/target/path";

                \t\t__overlay__ {
                \t\t\tq = <0x01>;
                \t\t\tz = <0xffffffff>;
                \t\t};
                \t};

                \tfragment@9 {
                \t\ttarget = <0xffffffff>;

                \t\t__overlay__ {
                \t\t\tw;
                \t\t};
                \t};

                \t__fixups__ {
                \t\text1 = "/fragment@0:target:0", "/fragment@0/__overlay__/newnode:r:12", "/fragment@9:target:0";
                \t\text2 = "/fragment@0/__overlay__/newnode:r:0", "/fragment@1/__overlay__:z:0";
                \t};

                \t__local_fixups__ {

                \t\tfragment@0 {

                \t\t\t__overlay__ {

                \t\t\t\tnewnode {
                \t\t\t\t\tr = <0x04>;
                \t\t\t\t};
                \t\t\t};
                \t\t};

                \t\tfragment@1 {

                \t\t\t__overlay__ {
                \t\t\t\tq = <0x00>;
                \t\t\t};
                \t\t};
                \t};
                };\n""", run.dts());
    }

    @Test
    void q14WithSymbols() {
        DtcRun run = DtcRun.of(plugin(q14()), "-@");
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tfragment@0 {
                \t\ttarget = <0xffffffff>;

                \t\t__overlay__ {

                \t\t\tloc: newnode {
                \t\t\t\tr = <0xffffffff 0x01 0x07 0xffffffff>;
                \t\t\t\tmerged-locally;
                \t\t\t\tphandle = <0x01>;
                \t\t\t};
                \t\t};
                \t};

                \tfragment@1 {
                \t\ttarget-path = "/target/path";

                \t\t__overlay__ {
                \t\t\tq = <0x01>;
                \t\t\tz = <0xffffffff>;
                \t\t};
                \t};

                \tfragment@9 {
                \t\ttarget = <0xffffffff>;

                \t\t__overlay__ {
                \t\t\tw;
                \t\t};
                \t};

                \t__symbols__ {
                \t\tloc = "/fragment@0/__overlay__/newnode";
                \t};

                \t__fixups__ {
                \t\text1 = "/fragment@0:target:0", "/fragment@0/__overlay__/newnode:r:12", "/fragment@9:target:0";
                \t\text2 = "/fragment@0/__overlay__/newnode:r:0", "/fragment@1/__overlay__:z:0";
                \t};

                \t__local_fixups__ {

                \t\tfragment@0 {

                \t\t\t__overlay__ {

                \t\t\t\tnewnode {
                \t\t\t\t\tr = <0x04>;
                \t\t\t\t};
                \t\t\t};
                \t\t};

                \t\tfragment@1 {

                \t\t\t__overlay__ {
                \t\t\t\tq = <0x00>;
                \t\t\t};
                \t\t};
                \t};
                };\n""", run.dts());
    }

    /** The entries are string chunks and the offsets cell chunks, one marker each, as dtc's append_to_property adds them. */
    @Test
    void appendedEntriesAreTypedChunks() {
        Node root = q14();
        DtcRun.of(plugin(root));
        PropertyValue ext2 = root.child("__fixups__").orElseThrow().value("ext2").orElseThrow();
        assertEquals(List.of(new Marker.Chunk(0, ValueType.STRING), new Marker.Chunk(36, ValueType.STRING)),
                ext2.markers());
        assertEquals(List.of("/fragment@0/__overlay__/newnode:r:0", "/fragment@1/__overlay__:z:0"), ext2.strings());
        PropertyValue r = root.child("__local_fixups__").flatMap(n -> n.child("fragment@0"))
                .flatMap(n -> n.child("__overlay__")).flatMap(n -> n.child("newnode")).flatMap(n -> n.value("r"))
                .orElseThrow();
        assertEquals(List.of(new Marker.Chunk(0, ValueType.CELLS32)), r.markers());
        assertEquals(4, r.u32At(0));
    }

    /**
     * The corpus's quirks/q15-plugin-pathref-in-cells.dts:
     * <pre>
     * /plugin/;
     * / { fragment@0 { target-path = "/"; __overlay__ { s = &lt;&amp;{/some/path}&gt;; }; }; };
     * </pre>
     * 1.6.1 names the fixup by the raw path (1.7.0 dies instead).
     */
    @Test
    void q15AnUnresolvedPathIsAFixupNamedByThePath() {
        Node root = new Node("");
        Node f0 = node(root, "fragment@0");
        f0.addProperty("target-path", PropertyValue.ofStrings("/"));
        node(f0, "__overlay__").addProperty("s", cells("/some/path"));
        DtcRun run = DtcRun.of(plugin(root));
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tfragment@0 {
                \t\ttarget-path = "/";

                \t\t__overlay__ {
                \t\t\ts = <0xffffffff>;
                \t\t};
                \t};

                \t__fixups__ {
                \t\t/some/path = "/fragment@0/__overlay__:s:0";
                \t};
                };\n""", run.dts());
    }

    /**
     * <pre>
     * /plugin/;
     * / {
     *     l1: node1 {
     *         x = &lt;&amp;ext1 &amp;l3 1 &amp;ext1&gt;, &lt;&amp;{/node2/sub}&gt;;
     *         y = &lt;&amp;{/nope}&gt;, "s", &lt;&amp;ext2&gt;;
     *     };
     *     l3: node2 { sub { z = &lt;&amp;l1&gt;; }; };
     *     __fixups__ { pre = "x"; };
     * };
     * </pre>
     * An existing /__fixups__ is filled in place after what it has; offsets count bytes across chunks.
     */
    private static Node mixed() {
        Node root = new Node("");
        Node node1 = node(root, "node1", "l1");
        node1.addProperty("x", value().cells("ext1", "l3", 1, "ext1").cells("/node2/sub").build());
        node1.addProperty("y", value().cells("/nope").string("s").cells("ext2").build());
        node(node(root, "node2", "l3"), "sub").addProperty("z", cells("l1"));
        node(root, "__fixups__").addProperty("pre", PropertyValue.ofStrings("x"));
        return root;
    }

    @Test
    void existingFixupsAreKeptAndPathsResolveLocally() {
        DtcRun run = DtcRun.of(plugin(mixed()));
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tl1: node1 {
                \t\tx = <0xffffffff 0x01 0x01 0xffffffff>, < 0x02>;
                \t\ty = <0xffffffff>, "s", < 0xffffffff>;
                \t\tphandle = <0x03>;
                \t};

                \tl3: node2 {
                \t\tphandle = <0x01>;

                \t\tsub {
                \t\t\tz = <0x03>;
                \t\t\tphandle = <0x02>;
                \t\t};
                \t};

                \t__fixups__ {
                \t\tpre = "x";
                \t\text1 = "/node1:x:0", "/node1:x:12";
                \t\t/nope = "/node1:y:0";
                \t\text2 = "/node1:y:6";
                \t};

                \t__local_fixups__ {

                \t\tnode1 {
                \t\t\tx = <0x04>, <0x10>;
                \t\t};

                \t\tnode2 {

                \t\t\tsub {
                \t\t\t\tz = <0x00>;
                \t\t\t};
                \t\t};
                \t};
                };\n""", run.dts());
    }

    @Test
    void sortingComesAfterTheFixups() {
        assertEquals("""
                /dts-v1/;

                / {

                \t__fixups__ {
                \t\t/nope = "/node1:y:0";
                \t\text1 = "/node1:x:0", "/node1:x:12";
                \t\text2 = "/node1:y:6";
                \t\tpre = "x";
                \t};

                \t__local_fixups__ {

                \t\tnode1 {
                \t\t\tx = <0x04>, <0x10>;
                \t\t};

                \t\tnode2 {

                \t\t\tsub {
                \t\t\t\tz = <0x00>;
                \t\t\t};
                \t\t};
                \t};

                \tl1: node1 {
                \t\tphandle = <0x03>;
                \t\tx = <0xffffffff 0x01 0x01 0xffffffff>, < 0x02>;
                \t\ty = <0xffffffff>, "s", < 0xffffffff>;
                \t};

                \tl3: node2 {
                \t\tphandle = <0x01>;

                \t\tsub {
                \t\t\tphandle = <0x02>;
                \t\t\tz = <0x03>;
                \t\t};
                \t};
                };\n""", DtcRun.of(plugin(mixed()), "-s").dts());
    }

    /**
     * <pre>
     * /plugin/;
     * / {
     *     __fixups__ { ext = "/node1:x:0"; };
     *     l1: node1 {
     *         x = &lt;&amp;ext&gt;;
     *         x2 = &lt;&amp;ext&gt;, &amp;l1, &lt;&amp;l1 &amp;{/__symbols__}&gt;;
     *         phandle = &lt;&amp;l1&gt;;
     *         w = &lt;&amp;{/__local_fixups__/node1}&gt;;
     *     };
     * };
     * </pre>
     * dtc -@: entries are not de-duplicated; offsets are those after the path was spliced in;
     * whether a reference is resolved is asked again, of the tree as it is then, so
     * {@code &{/__symbols__}} (0xffffffff in its cell) is local once -@ has made the node, and
     * {@code &{/__local_fixups__/node1}} is a fixup (the node does not exist yet) and then also local
     * (x2 made it before w is reached). A self-reference asking for a phandle is local too.
     */
    @Test
    void resolutionIsAskedAgainOfTheTreeAsItIsThen() {
        Node root = new Node("");
        node(root, "__fixups__").addProperty("ext", PropertyValue.ofStrings("/node1:x:0"));
        Node node1 = node(root, "node1", "l1");
        node1.addProperty("x", cells("ext"));
        node1.addProperty("x2", value().cells("ext").pathRef("l1").cells("l1", "/__symbols__").build());
        node1.addProperty("phandle", cells("l1"));
        node1.addProperty("w", cells("/__local_fixups__/node1"));
        DtcRun run = DtcRun.of(plugin(root), "-@");
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \t__fixups__ {
                \t\text = "/node1:x:0", "/node1:x:0", "/node1:x2:0";
                \t\t/__local_fixups__/node1 = "/node1:w:0";
                \t};

                \tl1: node1 {
                \t\tx = <0xffffffff>;
                \t\tx2 = <0xffffffff>,  "/node1", < 0x01 0xffffffff>;
                \t\tphandle = <0x01>;
                \t\tw = <0xffffffff>;
                \t};

                \t__symbols__ {
                \t\tl1 = "/node1";
                \t};

                \t__local_fixups__ {

                \t\tnode1 {
                \t\t\tx2 = <0x0b>, <0x0f>;
                \t\t\tphandle = <0x00>;
                \t\t\tw = <0x00>;
                \t\t};
                \t};
                };\n""", run.dts());
    }

    /**
     * <pre>
     * /plugin/;
     * / { n { r = &lt;&amp;{/__fixups__}&gt;; }; };
     * </pre>
     * Unresolved when dtc asks whether to make /__fixups__, resolved once it is made: an empty
     * /__fixups__ and a local fixup.
     */
    @Test
    void aReferenceToTheFixupsNodeItself() {
        Node root = new Node("");
        node(root, "n").addProperty("r", cells("/__fixups__"));
        DtcRun run = DtcRun.of(plugin(root));
        assertEquals("""
                /dts-v1/;

                / {

                \tn {
                \t\tr = <0xffffffff>;
                \t};

                \t__fixups__ {
                \t};

                \t__local_fixups__ {

                \t\tn {
                \t\t\tr = <0x00>;
                \t\t};
                \t};
                };\n""", run.dts());
    }

    /**
     * <pre>
     * /plugin/;
     * / { __local_fixups__ { a = &lt;&amp;l&gt;; }; l: n { r = &lt;&amp;l&gt;; }; };
     * </pre>
     * The existing node is reused, and a reference inside it is mirrored inside it.
     */
    @Test
    void anExistingLocalFixupsNodeIsReusedAndWalked() {
        Node root = new Node("");
        node(root, "__local_fixups__").addProperty("a", cells("l"));
        node(root, "n", "l").addProperty("r", cells("l"));
        assertEquals("""
                /dts-v1/;

                / {

                \t__local_fixups__ {
                \t\ta = <0x01>;

                \t\t__local_fixups__ {
                \t\t\ta = <0x00>;
                \t\t};

                \t\tn {
                \t\t\tr = <0x00>;
                \t\t};
                \t};

                \tl: n {
                \t\tr = <0x01>;
                \t\tphandle = <0x01>;
                \t};
                };\n""", DtcRun.of(plugin(root)).dts());
    }

    /**
     * <pre>
     * /plugin/;
     * / {
     *     __local_fixups__ { };
     *     dup: n1 { r = &lt;&amp;dup&gt;; };
     *     dup: n2 { r = &lt;&amp;dup &amp;ext&gt;; };
     *     __fixups__ { ext = "a"; };
     *     last { };
     * };
     * rl: &amp;{/} { };
     * </pre>
     * dtc -f -@ -A: duplicate_label fails, so phandle_references never runs and every cell keeps
     * 0xffffffff, yet references that resolve now are local fixups.
     */
    @Test
    void afterFailedChecksTheCellsDoNotDecide() {
        Node root = new Node("");
        node(root, "__local_fixups__");
        node(root, "n1", "dup").addProperty("r", cells("dup"));
        node(root, "n2", "dup").addProperty("r", cells("dup", "ext"));
        node(root, "__fixups__").addProperty("ext", PropertyValue.ofStrings("a"));
        node(root, "last");
        root.addLabel("rl");
        DtcRun run = DtcRun.of(plugin(root), "-f", "-@", "-A");
        assertTrue(run.stderr().endsWith("ERROR (duplicate_label): /n2: Duplicate label 'dup' on /n2 and /n1\n"
                + "Warning: Input tree has errors, output forced\n"
                + "WARNING: label dup already exists in /aliasesWARNING: label dup already exists in /__symbols__"),
                run.stderr());
        assertEquals("""
                /dts-v1/;

                rl: / {
                \tphandle = <0x01>;

                \t__local_fixups__ {

                \t\tn1 {
                \t\t\tr = <0x00>;
                \t\t};

                \t\tn2 {
                \t\t\tr = <0x00>;
                \t\t};
                \t};

                \tdup: n1 {
                \t\tr = <0xffffffff>;
                \t\tphandle = <0x02>;
                \t};

                \tdup: n2 {
                \t\tr = <0xffffffff 0xffffffff>;
                \t\tphandle = <0x03>;
                \t};

                \t__fixups__ {
                \t\text = "a", "/n2:r:4";
                \t};

                \tlast {
                \t};

                \taliases {
                \t\trl = "/";
                \t\tdup = "/n1";
                \t};

                \t__symbols__ {
                \t\trl = "/";
                \t\tdup = "/n1";
                \t};
                };\n""", run.dts());
    }

    /** <pre>/ { l: n { r = &lt;&amp;l&gt;; }; o { s = &lt;&amp;l&gt;; }; };</pre> Not a plugin: no fixups. */
    @Test
    void notAPluginNoFixups() {
        Node root = new Node("");
        node(root, "n", "l").addProperty("r", cells("l"));
        node(root, "o").addProperty("s", cells("l"));
        DtcRun run = DtcRun.of(tree(root));
        assertEquals(List.of("n", "o"), root.children().stream().map(Node::name).toList());
    }

    @Test
    void aPluginWithoutReferencesGetsNoFixupNodes() {
        Node root = new Node("");
        node(root, "n", "l").addProperty("r", cells(1));
        DtcRun.of(plugin(root), "-@");
        assertEquals(List.of("n", "__symbols__"), root.children().stream().map(Node::name).toList());
    }

    /** Deleted nodes and properties are not walked; a deleted node is no target. */
    @Test
    void tombstonesAreSkipped() {
        Node root = new Node("");
        Node n = node(root, "n");
        Property gone = new Property("gone", cells("ext"));
        n.addProperty(gone);
        gone.setDeleted(true);
        node(root, "dead").addProperty("r", cells("ext"));
        root.child("dead").orElseThrow().delete();
        node(root, "t", "t").delete();
        n.addProperty("r", cells(1, "t"));
        DtcRun.of(plugin(root));
        Node fixups = root.child("__fixups__").orElseThrow();
        assertEquals(List.of("t"), fixups.properties().stream().map(Property::name).toList());
        assertEquals(List.of("/n:r:4"), fixups.value("t").orElseThrow().strings());
        assertTrue(root.child("__local_fixups__").isEmpty());
    }

    /**
     * A ':' in the node path or property name of an unresolved reference makes dtc die ("FATAL
     * ERROR: arguments should not contain ':'"); DTS cannot name such a node, but a built tree can.
     * A resolved one is fine. (The name checks fail first, hence -f.)
     */
    @Test
    void aColonInAFixupEntryIsFatal() {
        Node root = new Node("");
        node(root, "a:b").addProperty("r", cells("ext"));
        DtcRun run = DtcRun.of(plugin(root), "-f");
        assertEquals(DtcProcessor.Outcome.FATAL, run.outcome());
        assertTrue(run.stderr().endsWith("Warning: Input tree has errors, output forced\n"
                + "FATAL ERROR: arguments should not contain ':'\n"), run.stderr());

        Node prop = new Node("");
        node(prop, "n").addProperty("p:q", cells("ext"));
        assertEquals(DtcProcessor.Outcome.FATAL, DtcRun.of(plugin(prop), "-f").outcome());

        Node other = new Node("");
        node(other, "n", "l").addProperty("p:q", cells("l"));
        assertEquals(DtcProcessor.Outcome.OK, DtcRun.of(plugin(other), "-f").outcome());
        assertEquals(0, other.child("__local_fixups__").flatMap(x -> x.child("n")).flatMap(x -> x.value("p:q"))
                .orElseThrow().u32At(0));
    }

    /** A fixup node name taken by a deleted node: a new one is appended, the tombstone stays. */
    @Test
    void aDeletedFixupsNodeIsNotReused() {
        Node root = new Node("");
        node(root, "__fixups__").delete();
        node(root, "n").addProperty("r", cells("ext"));
        DtcRun.of(plugin(root));
        assertEquals(List.of("__fixups__", "n", "__fixups__"),
                root.childrenWithDeleted().stream().map(Node::name).toList());
        assertEquals(List.of("n", "__fixups__"), root.children().stream().map(Node::name).toList());
    }
}
