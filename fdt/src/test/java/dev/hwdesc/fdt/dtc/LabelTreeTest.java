package dev.hwdesc.fdt.dtc;

import static dev.hwdesc.fdt.dtc.DtcRun.cells;
import static dev.hwdesc.fdt.dtc.DtcRun.node;
import static dev.hwdesc.fdt.dtc.DtcRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -A} and {@code -@}, against what dtc 1.6.1 makes of the source quoted above each tree:
 * the expected texts are dtc's own {@code -O dts} output, and its stderr.
 */
class LabelTreeTest {

    /**
     * <pre>
     * / {
     *     l1: l2: node1 { x = &lt;&amp;l3&gt;; };
     *     l3: node2 { l4: sub {}; };
     *     node3 { y = &lt;1&gt;; };
     * };
     * </pre>
     */
    private static Node labelled() {
        Node root = new Node("");
        node(root, "node1", "l1", "l2").addProperty("x", cells("l3"));
        node(node(root, "node2", "l3"), "sub", "l4");
        node(root, "node3").addProperty("y", cells(1));
        return root;
    }

    @Test
    void symbolsListEveryLabelAndGiveLabelledNodesPhandlesAfterTheReferencedOnes() {
        DtcRun run = DtcRun.of(tree(labelled()), "-@");
        assertEquals(DtcProcessor.Outcome.OK, run.outcome());
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tl1: l2: node1 {
                \t\tx = <0x01>;
                \t\tphandle = <0x02>;
                \t};

                \tl3: node2 {
                \t\tphandle = <0x01>;

                \t\tl4: sub {
                \t\t\tphandle = <0x03>;
                \t\t};
                \t};

                \tnode3 {
                \t\ty = <0x01>;
                \t};

                \t__symbols__ {
                \t\tl1 = "/node1";
                \t\tl2 = "/node1";
                \t\tl3 = "/node2";
                \t\tl4 = "/node2/sub";
                \t};
                };\n""", run.dts());
    }

    @Test
    void aliasesListEveryLabelWithoutPhandles() {
        DtcRun run = DtcRun.of(tree(labelled()), "-A");
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tl1: l2: node1 {
                \t\tx = <0x01>;
                \t};

                \tl3: node2 {
                \t\tphandle = <0x01>;

                \t\tl4: sub {
                \t\t};
                \t};

                \tnode3 {
                \t\ty = <0x01>;
                \t};

                \taliases {
                \t\tl1 = "/node1";
                \t\tl2 = "/node1";
                \t\tl3 = "/node2";
                \t\tl4 = "/node2/sub";
                \t};
                };\n""", run.dts());
    }

    @Test
    void aliasesComeBeforeSymbols() {
        Node root = labelled();
        DtcRun.of(tree(root), "-A", "-@");
        assertEquals(List.of("node1", "node2", "node3", "aliases", "__symbols__"),
                root.children().stream().map(Node::name).toList());
        assertEquals(root.child("aliases").orElseThrow().properties().toString(),
                root.child("__symbols__").orElseThrow().properties().toString());
    }

    /** dtc's data_copy_mem: the path and a NUL, with no type marker, so the printer guesses a string. */
    @Test
    void valuesAreThePathAndANulWithoutMarkers() {
        Node root = labelled();
        DtcRun.of(tree(root), "-@");
        PropertyValue v = root.child("__symbols__").orElseThrow().value("l4").orElseThrow();
        assertEquals(List.of(), v.markers());
        assertEquals("/node2/sub\0", new String(v.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * <pre>
     * / {
     *     __symbols__ { l1 = "pre"; other = &lt;5&gt;; };
     *     l1: node1 { };
     *     aliases { l2 = "/node1"; };
     *     l2: node2 { };
     * };
     * </pre>
     * dtc -@ -A: the existing nodes are filled in place; a name already there is kept and warned of,
     * with no newline.
     */
    @Test
    void existingNodesAreReusedAndNamesAlreadyThereAreSkippedWithAWarning() {
        Node root = new Node("");
        Node symbols = node(root, "__symbols__");
        symbols.addProperty("l1", PropertyValue.ofStrings("pre"));
        symbols.addProperty("other", cells(5));
        node(root, "node1", "l1");
        node(root, "aliases").addProperty("l2", PropertyValue.ofStrings("/node1"));
        node(root, "node2", "l2");
        DtcRun run = DtcRun.of(tree(root), "-@", "-A");
        assertEquals("WARNING: label l2 already exists in /aliasesWARNING: label l1 already exists in /__symbols__",
                run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \t__symbols__ {
                \t\tl1 = "pre";
                \t\tother = <0x05>;
                \t\tl2 = "/node2";
                \t};

                \tl1: node1 {
                \t\tphandle = <0x01>;
                \t};

                \taliases {
                \t\tl2 = "/node1";
                \t\tl1 = "/node1";
                \t};

                \tl2: node2 {
                \t\tphandle = <0x02>;
                \t};
                };\n""", run.dts());
    }

    @Test
    void theWarningIsPrintedWhateverQuietSays() {
        Node root = new Node("");
        node(root, "aliases").addProperty("l", PropertyValue.ofStrings("/n"));
        node(root, "n", "l");
        DtcRun run = DtcRun.of(tree(root), "-A", "-q", "-q", "-q");
        assertEquals("WARNING: label l already exists in /aliases", run.stderr());
    }

    /**
     * A deleted tombstone of a property of that name does not count:
     * {@code aliases { l = "x"; /delete-property/ l; }} would not stop {@code -A} (no DTS can express
     * this: a delete in the same block does nothing).
     */
    @Test
    void aDeletedPropertyDoesNotTakeTheName() {
        Node root = new Node("");
        Node aliases = node(root, "aliases");
        Property gone = new Property("l", PropertyValue.ofStrings("x"));
        aliases.addProperty(gone);
        gone.setDeleted(true);
        node(root, "n", "l");
        DtcRun run = DtcRun.of(tree(root), "-A");
        assertEquals("", run.stderr());
        assertEquals(2, aliases.propertiesWithDeleted().size());
        assertEquals("/n", aliases.value("l").orElseThrow().firstString());
    }

    /**
     * <pre>
     * / { l1: node1 { }; node2 { }; };
     * / { /delete-node/ node1; node1 { }; };
     * </pre>
     * node1 lives again with its label deleted; dtc tests the label list, not the labels, so -@
     * makes an empty /__symbols__ and still gives node1 a phandle, and -A an empty /aliases.
     */
    @Test
    void aDeletedLabelAloneStillMakesTheNodeAndThePhandle() {
        Node root = new Node("");
        Node node1 = node(root, "node1", "l1");
        node(root, "node2");
        node1.delete();
        node1.revive();
        DtcRun run = DtcRun.of(tree(root), "-@");
        assertEquals("", run.stderr());
        assertEquals("""
                /dts-v1/;

                / {

                \tnode1 {
                \t\tphandle = <0x01>;
                \t};

                \tnode2 {
                \t};

                \t__symbols__ {
                \t};
                };\n""", run.dts());

        Node again = new Node("");
        Node n1 = node(again, "node1", "l1");
        node(again, "node2");
        n1.delete();
        n1.revive();
        assertEquals("""
                /dts-v1/;

                / {

                \tnode1 {
                \t};

                \tnode2 {
                \t};

                \taliases {
                \t};
                };\n""", DtcRun.of(tree(again), "-A").dts());
    }

    @Test
    void noLabelsNoNode() {
        Node root = new Node("");
        node(root, "n");
        DtcRun run = DtcRun.of(tree(root), "-@", "-A");
        assertEquals("", run.stderr());
        assertEquals(List.of("n"), root.children().stream().map(Node::name).toList());
    }

    /** A label on a deleted node is not looked at: the walk visits live nodes only. */
    @Test
    void labelsOfDeletedNodesDoNotCount() {
        Node root = new Node("");
        node(root, "gone", "g").delete();
        DtcRun run = DtcRun.of(tree(root), "-@");
        assertEquals(List.of(), root.children().stream().filter(c -> c.name().equals("__symbols__")).toList());
        assertEquals("", run.stderr());
    }

    /**
     * <pre>
     * / {
     *     a: na { phandle = &lt;2&gt;; };
     *     b: nb { linux,phandle = &lt;3&gt;; };
     *     c: nc { };
     *     d: nd { r = &lt;&amp;e&gt;; };
     *     e: ne { };
     *     nf { f: ng { }; };
     * };
     * </pre>
     * The counter skips the explicit phandles and carries on after the one phandle_references gave
     * ne; the -H format decides the properties, and a node with a phandle gets none.
     */
    private static Node explicitPhandles() {
        Node root = new Node("");
        node(root, "na", "a").addProperty("phandle", cells(2));
        node(root, "nb", "b").addProperty("linux,phandle", cells(3));
        node(root, "nc", "c");
        node(root, "nd", "d").addProperty("r", cells("e"));
        node(root, "ne", "e");
        node(node(root, "nf"), "ng", "f");
        return root;
    }

    private static final String EXPLICIT_PHANDLES_SYMBOLS = """
            \t__symbols__ {
            \t\ta = "/na";
            \t\tb = "/nb";
            \t\tc = "/nc";
            \t\td = "/nd";
            \t\te = "/ne";
            \t\tf = "/nf/ng";
            \t};
            };\n""";

    @Test
    void phandlesContinueTheChecksCounterInEachFormat() {
        assertEquals("""
                /dts-v1/;

                / {

                \ta: na {
                \t\tphandle = <0x02>;
                \t};

                \tb: nb {
                \t\tlinux,phandle = <0x03>;
                \t};

                \tc: nc {
                \t\tphandle = <0x04>;
                \t};

                \td: nd {
                \t\tr = <0x01>;
                \t\tphandle = <0x05>;
                \t};

                \te: ne {
                \t\tphandle = <0x01>;
                \t};

                \tnf {

                \t\tf: ng {
                \t\t\tphandle = <0x06>;
                \t\t};
                \t};

                """ + EXPLICIT_PHANDLES_SYMBOLS, DtcRun.of(tree(explicitPhandles()), "-@").dts());
        assertEquals("""
                /dts-v1/;

                / {

                \ta: na {
                \t\tphandle = <0x02>;
                \t};

                \tb: nb {
                \t\tlinux,phandle = <0x03>;
                \t};

                \tc: nc {
                \t\tlinux,phandle = <0x04>;
                \t};

                \td: nd {
                \t\tr = <0x01>;
                \t\tlinux,phandle = <0x05>;
                \t};

                \te: ne {
                \t\tlinux,phandle = <0x01>;
                \t};

                \tnf {

                \t\tf: ng {
                \t\t\tlinux,phandle = <0x06>;
                \t\t};
                \t};

                """ + EXPLICIT_PHANDLES_SYMBOLS, DtcRun.of(tree(explicitPhandles()), "-@", "-H", "legacy").dts());
        assertEquals("""
                /dts-v1/;

                / {

                \ta: na {
                \t\tphandle = <0x02>;
                \t};

                \tb: nb {
                \t\tlinux,phandle = <0x03>;
                \t};

                \tc: nc {
                \t\tlinux,phandle = <0x04>;
                \t\tphandle = <0x04>;
                \t};

                \td: nd {
                \t\tr = <0x01>;
                \t\tlinux,phandle = <0x05>;
                \t\tphandle = <0x05>;
                \t};

                \te: ne {
                \t\tlinux,phandle = <0x01>;
                \t\tphandle = <0x01>;
                \t};

                \tnf {

                \t\tf: ng {
                \t\t\tlinux,phandle = <0x06>;
                \t\t\tphandle = <0x06>;
                \t\t};
                \t};

                """ + EXPLICIT_PHANDLES_SYMBOLS, DtcRun.of(tree(explicitPhandles()), "-@", "-H", "both").dts());
    }

    /**
     * <pre>
     * / { dup: n1 { }; dup: n2 { }; al: aliases { }; };
     * rl: &amp;{/} { };
     * </pre>
     * dtc -f -@ -A: duplicate_label fails, so no later check runs (no phandle is recorded by them);
     * the root's label counts, the second "dup" is warned of in each node, and the label on /aliases
     * lists /aliases in itself.
     */
    @Test
    void forcedOutputAfterFailedChecks() {
        Node root = new Node("");
        node(root, "n1", "dup");
        node(root, "n2", "dup");
        node(root, "aliases", "al");
        root.addLabel("rl");
        DtcRun run = DtcRun.of(tree(root), "-f", "-@", "-A");
        assertEquals(DtcProcessor.Outcome.OK, run.outcome());
        assertTrue(run.stderr().endsWith("ERROR (duplicate_label): /n2: Duplicate label 'dup' on /n2 and /n1\n"
                + "Warning: Input tree has errors, output forced\n"
                + "WARNING: label dup already exists in /aliasesWARNING: label dup already exists in /__symbols__"),
                run.stderr());
        assertEquals("""
                /dts-v1/;

                rl: / {
                \tphandle = <0x01>;

                \tdup: n1 {
                \t\tphandle = <0x02>;
                \t};

                \tdup: n2 {
                \t\tphandle = <0x03>;
                \t};

                \tal: aliases {
                \t\trl = "/";
                \t\tdup = "/n1";
                \t\tal = "/aliases";
                \t\tphandle = <0x04>;
                \t};

                \t__symbols__ {
                \t\trl = "/";
                \t\tdup = "/n1";
                \t\tal = "/aliases";
                \t};
                };\n""", run.dts());
    }

    @Test
    void nothingIsGeneratedWhenTheChecksAbort() {
        Node root = new Node("");
        node(root, "n1", "dup");
        node(root, "n2", "dup");
        DtcRun run = DtcRun.of(tree(root), "-@", "-A");
        assertEquals(DtcProcessor.Outcome.ABORTED, run.outcome());
        assertEquals(List.of("n1", "n2"), root.children().stream().map(Node::name).toList());
    }
}
