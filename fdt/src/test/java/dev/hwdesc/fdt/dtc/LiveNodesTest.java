package dev.hwdesc.fdt.dtc;

import static dev.hwdesc.fdt.dtc.DtcRun.node;
import static dev.hwdesc.fdt.dtc.DtcRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.Node;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dtc's get_node_by_ref and build_root_node on a tree that grows while it is asked. */
class LiveNodesTest {

    private final Node root = new Node("");
    private final Node a = node(root, "a", "la");
    private final Node b = node(a, "b@1");
    private final LiveNodes nodes;

    LiveNodesTest() {
        node(root, "gone", "lg").delete();
        for (int i = 0; i < 20; i++) {
            node(a, "c" + i);
        }
        nodes = new LiveNodes(tree(root));
    }

    @Test
    void references() {
        assertEquals(Optional.of(root), nodes.byReference("/"));
        assertEquals(Optional.of(a), nodes.byReference("/a"));
        assertEquals(Optional.of(a), nodes.byReference("/a/"), "one trailing slash names the node");
        assertEquals(Optional.of(b), nodes.byReference("//a///b@1"));
        assertEquals(Optional.empty(), nodes.byReference("/a//"));
        assertEquals(Optional.empty(), nodes.byReference("/a/b"), "the unit address is part of the name");
        assertEquals(Optional.empty(), nodes.byReference("/gone"));
        assertEquals(Optional.of(a), nodes.byReference("la"));
        assertEquals(Optional.empty(), nodes.byReference("lg"), "labels of deleted nodes are deleted");
        assertEquals(Optional.empty(), nodes.byReference("la/b@1"), "no label-relative paths in 1.6.1");
    }

    @Test
    void appendedNodesAnswerLaterPathsInWideAndNarrowParents() {
        assertTrue(nodes.byReference("/a/new").isEmpty());
        assertTrue(nodes.byReference("/new").isEmpty());
        Node wide = nodes.childOrAppend(a, "new");
        Node narrow = nodes.childOrAppend(root, "new");
        assertEquals(Optional.of(wide), nodes.byReference("/a/new"));
        assertEquals(Optional.of(narrow), nodes.byReference("/new"));
        assertSame(wide, nodes.childOrAppend(a, "new"), "made once");
        assertSame(a.childAt(a.childCount() - 1), wide, "appended last");
    }

    @Test
    void aDeletedChildIsNotReusedAndTheFirstLiveOneIs() {
        Node dead = node(root, "x");
        Node live = node(root, "x");
        Node second = node(root, "x");
        dead.delete();
        assertSame(live, nodes.childOrAppend(root, "x"));
        assertEquals(Optional.of(live), nodes.byReference("/x"));
        assertTrue(second.parent().isPresent());
    }
}
