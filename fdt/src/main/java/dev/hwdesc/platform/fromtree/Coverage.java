package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger of what was interpreted: nodes read, properties taken, properties left with a reason,
 * nodes that could not be read and why. At the end it lists, in tree order, everything not
 * interpreted; so nothing can be dropped without showing up.
 */
final class Coverage {

    static final String NOT_RECOGNISED = "not recognised";
    static final String NOT_INTERPRETED = "not interpreted";

    private final Set<Node> read = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Property> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Property, String> left = new IdentityHashMap<>();
    private final Map<Node, String> unread = new IdentityHashMap<>();

    void commit(Claim claim) {
        read.addAll(claim.nodes());
        taken.addAll(claim.taken());
        claim.left().forEach(left::putIfAbsent);
    }

    /** A property used in passing (a bus's ranges, an interrupt-parent link): its node counts as read. */
    void take(Node node, Property property) {
        read.add(node);
        taken.add(property);
    }

    /** A node that is not read, and why; the first reason given stays. */
    void unread(Node node, String reason) {
        unread.putIfAbsent(node, reason);
    }

    boolean isUnread(Node node) {
        return unread.containsKey(node);
    }

    List<Uninterpreted> report(List<MemoryReservation> reservations, List<Node> preOrder) {
        List<Uninterpreted> out = new ArrayList<>();
        for (MemoryReservation r : reservations) {
            out.add(Uninterpreted.node(Uninterpreted.RESERVATIONS, String.format(
                    "the reservation of 0x%x bytes at 0x%x is not kept", r.size(), r.address())));
        }
        // The nearest ancestor that could not be read, for each node below one.
        Map<Node, Node> belowUnread = new IdentityHashMap<>();
        for (Node n : preOrder) {
            Node parent = n.parent().orElse(null);
            if (parent != null) {
                Node blocked = unread.containsKey(parent) ? parent : belowUnread.get(parent);
                if (blocked != null) {
                    belowUnread.put(n, blocked);
                }
            }
            String path = n.fullPath();
            if (unread.containsKey(n)) {
                out.add(Uninterpreted.node(path, unread.get(n)));
            } else if (read.contains(n)) {
                for (Property p : n.properties()) {
                    if (left.containsKey(p)) {
                        out.add(Uninterpreted.property(path, p.name(), left.get(p)));
                    } else if (!taken.contains(p)) {
                        out.add(Uninterpreted.property(path, p.name(), NOT_INTERPRETED));
                    }
                }
            } else {
                Node blocked = belowUnread.get(n);
                out.add(Uninterpreted.node(path, blocked == null ? NOT_RECOGNISED
                        : "below " + blocked.fullPath() + ", which was not read"));
            }
        }
        return out;
    }
}
