package dev.hwdesc.dts;

import dev.hwdesc.fdt.Label;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.SourcePosition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc's merge_nodes: a block written again ({@code / { }} twice, {@code &label { }}) merges into the
 * node it names. The old node is revived; the new node's labels are added to it; each new property
 * replaces the first old one of that name in place (value, position, tombstone cleared, labels
 * added) or is appended; a deleted new property deletes the first old one of that name; each new
 * child merges into the first old child of that name, or is appended; a deleted new child deletes
 * the first old child of that name. Name lookups go through maps on large nodes, so merging stays
 * linear.
 */
final class TreeMerger {

    private static final int MAP_THRESHOLD = 8;

    private final NodeLookup lookup;

    TreeMerger(NodeLookup lookup) {
        this.lookup = lookup;
    }

    /** Merges {@code fresh} (a node just parsed, not in the tree) into {@code old} (a node of the tree). */
    void merge(Node old, Node fresh) {
        old.revive();
        for (Label l : fresh.labelEntries()) {
            old.addLabel(l.name());
            lookup.labelAdded(old, l.name());
        }
        mergeProperties(old, fresh);
        mergeChildren(old, fresh);
        for (SourcePosition p : fresh.positions()) {
            old.addPosition(p);
        }
    }

    private static void mergeProperties(Node old, Node fresh) {
        List<Property> incoming = fresh.takeProperties();
        Map<String, Property> firstByName = old.propertyCount() >= MAP_THRESHOLD ? propertyMap(old) : null;
        for (Property p : incoming) {
            Property match = firstByName != null ? firstByName.get(p.name()) : firstProperty(old, p.name());
            if (p.isDeleted()) {
                if (match != null) {
                    match.setDeleted(true);
                }
                continue;
            }
            if (match != null) {
                for (Label l : p.labelEntries()) {
                    match.addLabel(l.name());
                }
                match.setValue(p.value());
                match.setDeleted(false);
                match.setPosition(p.position().orElse(null));
            } else {
                old.addProperty(p);
                if (firstByName != null) {
                    firstByName.put(p.name(), p);
                }
            }
        }
    }

    private void mergeChildren(Node old, Node fresh) {
        List<Node> incoming = fresh.takeChildren();
        Map<String, Node> firstByName = old.childCount() >= MAP_THRESHOLD ? childMap(old) : null;
        for (Node c : incoming) {
            Node match = firstByName != null ? firstByName.get(c.name()) : firstChild(old, c.name());
            if (c.isDeleted()) {
                if (match != null) {
                    match.delete();
                }
                continue;
            }
            if (match != null) {
                merge(match, c);
            } else {
                old.addChild(c);
                lookup.joined(c);
                if (firstByName != null) {
                    firstByName.put(c.name(), c);
                }
            }
        }
    }

    /** The first property with this name, tombstones included (dtc's _withdel walks). */
    private static Property firstProperty(Node node, String name) {
        for (int i = 0; i < node.propertyCount(); i++) {
            if (node.propertyAt(i).name().equals(name)) {
                return node.propertyAt(i);
            }
        }
        return null;
    }

    private static Node firstChild(Node node, String name) {
        for (int i = 0; i < node.childCount(); i++) {
            if (node.childAt(i).name().equals(name)) {
                return node.childAt(i);
            }
        }
        return null;
    }

    private static Map<String, Property> propertyMap(Node node) {
        Map<String, Property> m = new HashMap<>();
        for (int i = 0; i < node.propertyCount(); i++) {
            m.putIfAbsent(node.propertyAt(i).name(), node.propertyAt(i));
        }
        return m;
    }

    private static Map<String, Node> childMap(Node node) {
        Map<String, Node> m = new HashMap<>();
        for (int i = 0; i < node.childCount(); i++) {
            m.putIfAbsent(node.childAt(i).name(), node.childAt(i));
        }
        return m;
    }

}
