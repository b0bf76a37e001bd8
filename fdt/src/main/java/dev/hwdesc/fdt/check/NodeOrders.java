package dev.hwdesc.fdt.check;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A growable list of pre-order positions: how {@link TreeFacts} keeps its candidate lists without
 * an object per entry (a large tree has millions of entries, and the garbage collector should not
 * have to trace them).
 */
final class NodeOrders {

    private int[] orders = new int[4];
    private int size;

    void add(int order) {
        if (size == orders.length) {
            orders = Arrays.copyOf(orders, size * 2);
        }
        orders[size++] = order;
    }

    int size() {
        return size;
    }

    /** Sorts ascending and drops repeats. */
    void sortUnique() {
        Arrays.sort(orders, 0, size);
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (w == 0 || orders[w - 1] != orders[r]) {
                orders[w++] = orders[r];
            }
        }
        size = w;
    }

    /** The union of several ascending lists without repeats, merged in linear time. */
    static NodeOrders union(List<NodeOrders> lists) {
        NodeOrders out = new NodeOrders();
        for (NodeOrders l : lists) {
            out = merge(out, l);
        }
        return out;
    }

    private static NodeOrders merge(NodeOrders a, NodeOrders b) {
        NodeOrders out = new NodeOrders();
        out.orders = new int[Math.max(a.size + b.size, 4)];
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            int next;
            if (j >= b.size || (i < a.size && a.orders[i] <= b.orders[j])) {
                next = a.orders[i++];
            } else {
                next = b.orders[j++];
            }
            if (out.size == 0 || out.orders[out.size - 1] != next) {
                out.orders[out.size++] = next;
            }
        }
        return out;
    }

    /** A read-only view of these positions as nodes of {@code preOrder}. */
    List<CheckedNode> asNodes(List<CheckedNode> preOrder) {
        return new Nodes(preOrder, orders, size);
    }

    private static final class Nodes extends AbstractList<CheckedNode> implements RandomAccess {
        private final List<CheckedNode> preOrder;
        private final int[] orders;
        private final int size;

        Nodes(List<CheckedNode> preOrder, int[] orders, int size) {
            this.preOrder = preOrder;
            this.orders = orders;
            this.size = size;
        }

        @Override
        public CheckedNode get(int index) {
            return preOrder.get(orders[index]);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
