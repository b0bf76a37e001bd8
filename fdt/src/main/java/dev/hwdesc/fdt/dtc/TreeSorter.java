package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * dtc's {@code -s}: reservations by address then size (unsigned), properties and child nodes by name
 * (byte order), tombstones included, at every level.
 */
public final class TreeSorter {

    private static final Comparator<MemoryReservation> RESERVATIONS = (a, b) -> {
        int c = Long.compareUnsigned(a.address(), b.address());
        return c != 0 ? c : Long.compareUnsigned(a.size(), b.size());
    };

    private TreeSorter() {
    }

    public static void sort(DeviceTree tree) {
        List<MemoryReservation> entries = new ArrayList<>(tree.reservations());
        entries.sort(RESERVATIONS);
        tree.setReservations(entries);
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(tree.root());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            n.sortProperties(Comparator.comparing(Property::name));
            n.sortChildren(Comparator.comparing(Node::name));
            for (Node c : n.childrenWithDeleted()) {
                todo.push(c);
            }
        }
    }
}
