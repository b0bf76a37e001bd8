package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CheckRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dtc's get_node_by_path and get_node_by_ref, quirks included. */
class TreeLookupTest {

    private final Node root = new Node("");
    private final Node a = root.addChild(new Node("a"));
    private final Node b = a.addChild(new Node("b@1"));
    private final TreeLookup lookup;

    TreeLookupTest() {
        a.addLabel("la");
        Node gone = root.addChild(new Node("gone"));
        gone.addLabel("lg");
        gone.delete();
        DeviceTree t = tree(root);
        lookup = new TreeLookup(t, TreeFacts.of(root));
        for (int i = 0; i < 20; i++) {
            a.addChild(new Node("c" + i));
        }
    }

    @Test
    void paths() {
        assertEquals(Optional.of(root), lookup.nodeByPath(root, ""));
        assertEquals(Optional.of(a), lookup.nodeByPath(root, "/a"));
        assertEquals(Optional.of(a), lookup.nodeByPath(root, "a"), "no leading slash is fine");
        assertEquals(Optional.of(a), lookup.nodeByPath(root, "/a/"), "one trailing slash names the node");
        assertEquals(Optional.of(b), lookup.nodeByPath(root, "//a///b@1"));
        assertEquals(Optional.empty(), lookup.nodeByPath(root, "/"), "a lone slash names nothing");
        assertEquals(Optional.empty(), lookup.nodeByPath(root, "/a//"));
        assertEquals(Optional.empty(), lookup.nodeByPath(root, "/a/b"), "the unit address is part of the name");
        assertEquals(Optional.empty(), lookup.nodeByPath(root, "/gone"));
        assertTrue(lookup.nodeByPath(root, "/a/c19").isPresent(), "many children go through a name map");
    }

    @Test
    void references() {
        assertEquals(Optional.of(root), lookup.nodeByReference("/"));
        assertEquals(Optional.of(b), lookup.nodeByReference("/a/b@1"));
        assertEquals(Optional.of(a), lookup.nodeByReference("la"));
        assertEquals(Optional.empty(), lookup.nodeByReference("lg"), "labels of deleted nodes are deleted");
        assertEquals(Optional.empty(), lookup.nodeByReference("la/b@1"), "no label-relative paths in 1.6.1");
    }
}
