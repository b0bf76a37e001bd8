package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** dtc's structural checks: no two siblings or properties of a node with the same name. */
final class StructureChecks {

    /** Up to this many siblings, comparing every pair is cheaper than grouping by name. */
    private static final int SMALL = 16;

    private StructureChecks() {
    }

    /**
     * Each live child against every later sibling, deleted ones included: dtc reports the later
     * one, once per earlier live namesake.
     */
    static final CheckDefinition DUPLICATE_NODE_NAMES = CheckDefinition.error("duplicate_node_names",
            TreeFacts::withSiblings, (ctx, n) -> {
                List<Node> raw = n.node().childrenWithDeleted();
                if (raw.size() < 2) {
                    return;
                }
                if (raw.size() <= SMALL) {
                    for (int i = 0; i < raw.size(); i++) {
                        Node child = raw.get(i);
                        if (!child.isDeleted()) {
                            for (int j = i + 1; j < raw.size(); j++) {
                                if (raw.get(j).name().equals(child.name())) {
                                    ctx.fail(raw.get(j), "Duplicate node name");
                                }
                            }
                        }
                    }
                    return;
                }
                if (allDifferent(raw)) {
                    return;
                }
                Map<String, List<Integer>> positionsByName = positionsByName(raw, Node::name);
                for (int i = 0; i < raw.size(); i++) {
                    Node child = raw.get(i);
                    if (child.isDeleted()) {
                        continue;
                    }
                    for (int j : positionsByName.get(child.name())) {
                        if (j > i) {
                            ctx.fail(raw.get(j), "Duplicate node name");
                        }
                    }
                }
            });

    /** Each live property against every later live one: dtc reports the earlier one each time. */
    static final CheckDefinition DUPLICATE_PROPERTY_NAMES = CheckDefinition.error("duplicate_property_names",
            TreeFacts::withRepeatedPropertyName, (ctx, n) -> {
                List<Property> live = n.node().properties();
                if (live.size() < 2) {
                    return;
                }
                if (live.size() <= SMALL) {
                    for (int i = 0; i < live.size(); i++) {
                        Property p = live.get(i);
                        for (int j = i + 1; j < live.size(); j++) {
                            if (live.get(j).name().equals(p.name())) {
                                ctx.failProperty(n.node(), p, "Duplicate property name");
                            }
                        }
                    }
                    return;
                }
                Map<String, List<Integer>> positionsByName = positionsByName(live, Property::name);
                for (int i = 0; i < live.size(); i++) {
                    Property p = live.get(i);
                    for (int j : positionsByName.get(p.name())) {
                        if (j > i) {
                            ctx.failProperty(n.node(), p, "Duplicate property name");
                        }
                    }
                }
            });

    private static boolean allDifferent(List<Node> nodes) {
        Set<String> names = new HashSet<>(nodes.size() * 2);
        for (Node n : nodes) {
            if (!names.add(n.name())) {
                return false;
            }
        }
        return true;
    }

    /** Each name's positions in the list, ascending. */
    private static <T> Map<String, List<Integer>> positionsByName(List<T> items, Function<T, String> name) {
        Map<String, List<Integer>> out = new HashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            out.computeIfAbsent(name.apply(items.get(i)), k -> new ArrayList<>(1)).add(i);
        }
        return out;
    }
}
