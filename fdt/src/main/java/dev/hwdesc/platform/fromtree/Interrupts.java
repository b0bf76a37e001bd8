package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.platform.Interrupt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node's interrupts, resolved to the platform's GIC. The interrupt parent is found as Linux's
 * of_irq_find_parent finds it: follow the node's interrupt-parent, or else go to its parent node,
 * until a node with #interrupt-cells; every search result is kept, so each node is visited once.
 * interrupts-extended names the controller of each interrupt instead. Any controller but the GIC
 * the platform holds makes the interrupts unreadable.
 */
final class Interrupts {

    private sealed interface Search {
    }

    private record Found(Node controller) implements Search {
    }

    private record Failed(String reason) implements Search {
    }

    private final Phandles phandles;
    private final Coverage coverage;
    private final Map<Node, Search> searches = new IdentityHashMap<>();
    private final Set<Node> marked = Collections.newSetFromMap(new IdentityHashMap<>());
    private Optional<Node> gic = Optional.empty();
    private int gicCells;
    private Optional<String> gicFailure = Optional.empty();

    Interrupts(Phandles phandles, Coverage coverage) {
        this.phandles = phandles;
        this.coverage = coverage;
    }

    /** The GIC being read: interrupts may name it from now on. */
    void useGic(Node node, int interruptCells) {
        gic = Optional.of(node);
        gicCells = interruptCells;
    }

    /** The GIC could not be read: no interrupt can be. */
    void gicFailed(String reason) {
        gicFailure = Optional.of(reason);
    }

    Optional<Node> gic() {
        return gicFailure.isPresent() ? Optional.empty() : gic;
    }

    /** The node's interrupts (interrupts-extended, else interrupts), at least one; the properties are taken. */
    List<Interrupt> of(Claim c) throws Malformed {
        Optional<Property> extended = c.node().property("interrupts-extended");
        if (extended.isPresent()) {
            List<Interrupt> out = extended(Cells.of(c.require("interrupts-extended")));
            c.leave("interrupts", "interrupts-extended takes precedence");
            return out;
        }
        Cells cells = c.cells("interrupts");
        Node controller = parentOf(c.node());
        requireGic(controller);
        int n = cells.groups(gicCells, "interrupt specifiers");
        List<Interrupt> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(GicSpecifier.decode(cells, i * gicCells, gicCells));
        }
        markChain(c.node());
        return out;
    }

    /** The node's interrupt parent, by the search above. */
    Node parentOf(Node node) throws Malformed {
        Search s = search(node);
        if (s instanceof Failed f) {
            throw new Malformed(f.reason());
        }
        return ((Found) s).controller();
    }

    /** Throws unless {@code controller} is the platform's GIC and it was read. */
    void requireGic(Node controller) throws Malformed {
        if (gic.isEmpty() || gic.get() != controller) {
            throw new Malformed("the interrupt parent " + controller.fullPath() + " is not the platform's GIC"
                    + gic.map(g -> " (" + g.fullPath() + ")").orElse(""));
        }
        if (gicFailure.isPresent()) {
            throw new Malformed("the interrupt parent " + controller.fullPath() + " was not read");
        }
    }

    int gicCells() {
        return gicCells;
    }

    private List<Interrupt> extended(Cells cells) throws Malformed {
        List<Interrupt> out = new ArrayList<>();
        int at = 0;
        while (at < cells.size()) {
            Node controller = phandles.node(cells, at);
            requireGic(controller);
            if (at + 1 + gicCells > cells.size()) {
                throw new Malformed(cells.name() + ": the last specifier is cut short");
            }
            out.add(GicSpecifier.decode(cells, at + 1, gicCells));
            at += 1 + gicCells;
        }
        if (out.isEmpty()) {
            throw new Malformed(cells.name() + ": empty");
        }
        return out;
    }

    private Search search(Node start) {
        Search known = searches.get(start);
        if (known != null) {
            return known;
        }
        List<Node> chain = new ArrayList<>();
        Set<Node> onChain = Collections.newSetFromMap(new IdentityHashMap<>());
        Search result;
        Node at = start;
        while (true) {
            Search memo = searches.get(at);
            if (memo != null) {
                result = memo;
                break;
            }
            if (!onChain.add(at)) {
                result = new Failed("the interrupt-parent links loop through " + at.fullPath());
                break;
            }
            chain.add(at);
            Optional<Node> next;
            try {
                next = step(at);
            } catch (Malformed m) {
                result = new Failed(m.getMessage());
                break;
            }
            if (next.isEmpty()) {
                result = new Failed("no interrupt parent: neither it nor a node above it names one");
                break;
            }
            if (next.get().hasProperty("#interrupt-cells")) {
                result = new Found(next.get());
                break;
            }
            at = next.get();
        }
        for (Node n : chain) {
            searches.put(n, result);
        }
        return result;
    }

    /** Where the search goes from {@code n}: its interrupt-parent's node, or its parent; empty at the root. */
    private Optional<Node> step(Node n) throws Malformed {
        Optional<Property> link = n.property("interrupt-parent");
        if (link.isEmpty()) {
            return n.parent();
        }
        Cells cells = Cells.of(link.get());
        if (cells.size() != 1) {
            throw new Malformed("interrupt-parent of " + n.fullPath() + " is not one cell");
        }
        return Optional.of(phandles.node(cells, 0));
    }

    /** The interrupt-parent links a successful search followed count as read. */
    private void markChain(Node start) {
        Node at = start;
        while (at != null && marked.add(at)) {
            Optional<Property> link = at.property("interrupt-parent");
            Node here = at;
            link.ifPresent(p -> coverage.take(here, p));
            Optional<Node> next;
            try {
                next = step(at);
            } catch (Malformed m) {
                return; // cannot happen after a successful search
            }
            if (next.isEmpty() || next.get().hasProperty("#interrupt-cells")) {
                return;
            }
            at = next.get();
        }
    }
}
