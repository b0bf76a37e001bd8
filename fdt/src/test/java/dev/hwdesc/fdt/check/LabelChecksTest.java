package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.at;
import static dev.hwdesc.fdt.check.CheckRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;
import org.junit.jupiter.api.Test;

class LabelChecksTest {

    /**
     * dtc 1.6.1 on:
     * <pre>
     * / {
     *     l1: a { };
     *     l1: b { };
     *     c { l2: p = &lt;1&gt;; q = l3: &lt;2&gt;; };
     *     l2: d { };
     *     e { l3: x; };
     *     f { y = l4: &lt;1&gt;, l4: &lt;2&gt;; };
     * };
     * / { a { }; b { }; };
     * </pre>
     */
    @Test
    void duplicateLabelsAsDtcReportsThem() {
        Node root = new Node("");
        Node a = root.addChild(new Node("a"));
        a.addLabel("l1");
        a.addPosition(at("dl.dts", 3, 8, 12));
        a.addPosition(at("dl.dts", 10, 6, 10));
        Node b = root.addChild(new Node("b"));
        b.addLabel("l1");
        b.addPosition(at("dl.dts", 4, 8, 12));
        b.addPosition(at("dl.dts", 10, 14, 18));
        Node c = root.addChild(new Node("c"));
        c.addPosition(at("dl.dts", 5, 4, 34));
        Property p = new Property("p", PropertyValue.ofCells(1), at("dl.dts", 5, 6, 17));
        p.addLabel("l2");
        c.addProperty(p);
        c.addProperty(new Property("q", PropertyValue.builder().marker(new Marker.ValueLabel(0, "l3"))
                .cells(ValueType.CELLS32, 2).build(), at("dl.dts", 5, 18, 32)));
        Node d = root.addChild(new Node("d"));
        d.addLabel("l2");
        Node e = root.addChild(new Node("e"));
        Property x = new Property("x", PropertyValue.empty());
        x.addLabel("l3");
        e.addProperty(x);
        Node f = root.addChild(new Node("f"));
        f.addPosition(at("dl.dts", 8, 4, 30));
        f.addProperty(new Property("y", PropertyValue.builder()
                .marker(new Marker.ValueLabel(0, "l4")).cells(ValueType.CELLS32, 1)
                .marker(new Marker.ValueLabel(4, "l4")).cells(ValueType.CELLS32, 2).build(),
                at("dl.dts", 8, 6, 28)));
        CheckRun run = CheckRun.of(tree(root));
        assertEquals("""
                dl.dts:4.8-12: ERROR (duplicate_label): /b: Duplicate label 'l1' on /b and /a
                  also defined at dl.dts:10.14-18
                dl.dts:5.4-34: ERROR (duplicate_label): /c: Duplicate label 'l2' on 'p' in /c and /d
                dl.dts:5.4-34: ERROR (duplicate_label): /c: Duplicate label 'l3' on value of 'q' in /c and 'x' in /e
                dl.dts:8.4-30: ERROR (duplicate_label): /f: Duplicate label 'l4' on value of 'y' in /f and value of 'y' in /f
                """, run.text());
        assertTrue(run.failed());
    }

    @Test
    void deletedLabelsDoNotCount() {
        Node root = new Node("");
        Node a = root.addChild(new Node("a"));
        a.addLabel("l1");
        Node gone = root.addChild(new Node("gone"));
        gone.addLabel("l1");
        gone.delete();
        assertEquals("", CheckRun.of(tree(root)).text());
    }
}
