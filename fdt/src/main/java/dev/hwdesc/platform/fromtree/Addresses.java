package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.platform.Region;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses to CPU addresses: a node's reg is read with its parent's #address-cells and #size-cells
 * (2 and 1 when absent, as the specification says), then translated through the ranges of every bus
 * above it. Each bus's translation is composed once and kept, so a device costs a binary search.
 * The properties a translation uses (cells, ranges, a bus's "simple-bus" compatible) count as read.
 */
final class Addresses {

    private final Coverage coverage;
    private final Map<Node, BusMap> maps = new IdentityHashMap<>();
    private final Set<Node> marked = Collections.newSetFromMap(new IdentityHashMap<>());

    Addresses(Coverage coverage) {
        this.coverage = coverage;
    }

    /** The node's reg as CPU-address regions, at least one. */
    List<Region> reg(Claim c) throws Malformed {
        Node bus = c.node().parent().orElseThrow(() -> new Malformed("reg: the root is on no bus"));
        Cells reg = c.cells("reg");
        int ac = addressCells(bus);
        int sc = sizeCells(bus);
        if (ac < 1 || ac > 2) {
            throw new Malformed("reg: " + bus.fullPath() + " has #address-cells " + ac + "; a CPU-visible device needs 1 or 2");
        }
        if (sc < 1 || sc > 2) {
            throw new Malformed("reg: " + bus.fullPath() + " has #size-cells " + sc + "; a CPU-visible device needs 1 or 2");
        }
        int entries = reg.groups(ac + sc, "(address, size) entries");
        List<Region> out = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            int at = i * (ac + sc);
            out.add(translate(bus, reg.number(at, ac), reg.number(at + ac, sc)));
        }
        return out;
    }

    /** {@code size} bytes at {@code address} on {@code bus} (the address space of its children), as CPU addresses. */
    Region translate(Node bus, long address, long size) throws Malformed {
        BusMap map = mapOf(bus);
        if (map instanceof BusMap.Untranslatable u) {
            throw new Malformed(u.reason());
        }
        long cpu = map.translate(address, size).orElseThrow(() -> new Malformed(String.format(
                "0x%x bytes at 0x%x are not within one window of the ranges of %s", size, address, bus.fullPath())));
        markUsed(bus);
        return new Region(cpu, size);
    }

    /** #address-cells of a node: its value, or 2 when absent. */
    static int addressCells(Node n) throws Malformed {
        return cellCount(n, "#address-cells", 2);
    }

    /** #size-cells of a node: its value, or 1 when absent. */
    static int sizeCells(Node n) throws Malformed {
        return cellCount(n, "#size-cells", 1);
    }

    private static int cellCount(Node n, String name, int absent) throws Malformed {
        Optional<PropertyValue> v = n.value(name);
        if (v.isEmpty()) {
            return absent;
        }
        if (v.get().length() != 4 || v.get().u32At(0) > 4) {
            throw new Malformed(name + " of " + n.fullPath() + " is not one cell of at most 4");
        }
        return (int) v.get().u32At(0);
    }

    private BusMap mapOf(Node bus) {
        BusMap known = maps.get(bus);
        if (known != null) {
            return known;
        }
        Deque<Node> pending = new ArrayDeque<>();
        for (Node b = bus; b != null && !maps.containsKey(b); b = b.parent().orElse(null)) {
            pending.push(b);
        }
        while (!pending.isEmpty()) {
            Node b = pending.pop();
            maps.put(b, compose(b));
        }
        return maps.get(bus);
    }

    /** The map of a bus whose parent's map is known. */
    private BusMap compose(Node bus) {
        Optional<Node> parent = bus.parent();
        if (parent.isEmpty()) {
            return new BusMap.Identity();
        }
        BusMap above = maps.get(parent.get());
        if (above instanceof BusMap.Untranslatable) {
            return above;
        }
        if (NodeStatus.of(bus) != NodeStatus.ENABLED) {
            return new BusMap.Untranslatable("on " + bus.fullPath() + ", which is not enabled (" + NodeStatus.describe(bus) + ")");
        }
        Optional<Property> ranges = bus.property("ranges");
        if (ranges.isEmpty()) {
            return new BusMap.Untranslatable(bus.fullPath() + " has no ranges: addresses on it are not CPU addresses");
        }
        if (ranges.get().value().isEmpty()) {
            return above;
        }
        try {
            return windows(bus, parent.get(), Cells.of(ranges.get()), above);
        } catch (Malformed m) {
            return new BusMap.Untranslatable(bus.fullPath() + ": " + m.getMessage());
        }
    }

    private static BusMap windows(Node bus, Node parent, Cells ranges, BusMap above) throws Malformed {
        int ac = addressCells(bus);
        int pac = addressCells(parent);
        int sc = sizeCells(bus);
        if (ac > 2 || pac > 2 || sc > 2 || ac == 0 || sc == 0) {
            throw new Malformed(String.format("ranges of %d-cell addresses and %d-cell sizes are not translated", ac, sc));
        }
        int width = ac + pac + sc;
        int n = ranges.groups(width, "ranges entries");
        long[][] rows = new long[n][];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int at = i * width;
            long busBase = ranges.number(at, ac);
            long size = ranges.number(at + ac + pac, sc);
            Optional<Long> cpu = above.translate(ranges.number(at + ac, pac), size);
            if (size != 0 && cpu.isPresent()) { // a window the bus above cannot reach maps nothing
                rows[kept++] = new long[] {busBase, size, cpu.get()};
            }
        }
        long[][] sorted = Arrays.copyOf(rows, kept);
        Arrays.sort(sorted, (a, b) -> Long.compareUnsigned(a[0], b[0]));
        long[] base = new long[kept];
        long[] length = new long[kept];
        long[] cpu = new long[kept];
        for (int i = 0; i < kept; i++) {
            base[i] = sorted[i][0];
            length[i] = sorted[i][1];
            cpu[i] = sorted[i][2];
            if (i > 0 && Long.compareUnsigned(base[i] - base[i - 1], length[i - 1]) < 0) {
                throw new Malformed(String.format("ranges windows at 0x%x and 0x%x overlap", base[i - 1], base[i]));
            }
        }
        return new BusMap.Windows(base, length, cpu);
    }

    /** The bus and those above it took part in a translation: their cells and ranges count as read. */
    private void markUsed(Node bus) {
        for (Node b = bus; b != null && marked.add(b); b = b.parent().orElse(null)) {
            for (String name : new String[] {"#address-cells", "#size-cells", "ranges"}) {
                Node at = b;
                b.property(name).ifPresent(p -> coverage.take(at, p));
            }
            if (!b.isRoot()) {
                Node at = b;
                b.property("compatible").filter(p -> p.value().isOneString() && p.value().firstString().equals("simple-bus"))
                        .ifPresent(p -> coverage.take(at, p));
            }
        }
    }
}
