package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.TreeIndex;
import java.util.List;
import java.util.Optional;

/**
 * What every node reader shares: the tree's indexes (paths, phandles, roles, built once), the
 * address and interrupt resolvers, and the ledger; and the one way to read a node, as a transaction.
 */
final class ReadContext {

    /** Reads one node through its claim. */
    @FunctionalInterface
    interface NodeReader<T> {
        T read(Claim claim) throws Malformed;
    }

    /** A node read but not yet committed: the caller decides, once it has seen the others. */
    record Attempt<T>(T value, Claim claim) {
    }

    final DeviceTree tree;
    final TreeIndex index;
    final Phandles phandles;
    final NodeRoles roles;
    final Coverage coverage = new Coverage();
    final Addresses addresses = new Addresses(coverage);
    final Interrupts interrupts;

    ReadContext(DeviceTree tree) {
        this.tree = tree;
        this.index = tree.index();
        this.phandles = Phandles.of(index.nodes());
        this.roles = NodeRoles.of(index.nodes());
        this.interrupts = new Interrupts(phandles, coverage);
    }

    /** Reads a node of the normal world; a secure-only or disabled node is listed instead. */
    <T> Optional<T> read(Node node, NodeReader<T> reader) {
        return attempt(node, false, reader).map(this::commit);
    }

    /** Reads a node that may be secure-only ({@link Claim#secure()} says which). */
    <T> Optional<T> readEitherWorld(Node node, NodeReader<T> reader) {
        return attempt(node, true, reader).map(this::commit);
    }

    <T> Optional<Attempt<T>> attempt(Node node, boolean eitherWorld, NodeReader<T> reader) {
        // The root's status (if any) says nothing of a device: it is listed as not interpreted.
        NodeStatus status = node.isRoot() ? NodeStatus.ENABLED : NodeStatus.of(node);
        if (status == NodeStatus.DISABLED) {
            coverage.unread(node, "not enabled (" + NodeStatus.describe(node) + ")");
            return Optional.empty();
        }
        if (status == NodeStatus.SECURE_ONLY && !eitherWorld) {
            coverage.unread(node, "secure-only: the platform's secure world holds RAM, a UART, a GPIO controller and the first flash bank");
            return Optional.empty();
        }
        Claim c = new Claim(node, status == NodeStatus.SECURE_ONLY);
        if (!node.isRoot()) {
            c.take("status");
        }
        if (c.secure()) {
            c.take("secure-status");
        }
        try {
            T value = reader.read(c);
            takeStructure(c);
            return Optional.of(new Attempt<>(value, c));
        } catch (Malformed m) {
            coverage.unread(node, m.getMessage());
        } catch (IllegalArgumentException e) { // a model record refused the values
            coverage.unread(node, e.getMessage());
        }
        return Optional.empty();
    }

    <T> T commit(Attempt<T> a) {
        coverage.commit(a.claim());
        return a.value();
    }

    /** Lists a node that will not be read, and why. */
    void unread(Node node, String reason) {
        coverage.unread(node, reason);
    }

    /**
     * The first node of a role, the others listed as ones the platform has no room for. A role whose
     * nodes are all disabled has none.
     */
    Optional<Node> single(NodeRole role, String what) {
        Optional<Node> chosen = Optional.empty();
        for (Node n : roles.all(role)) {
            if (NodeStatus.of(n) == NodeStatus.DISABLED) {
                unread(n, "not enabled (" + NodeStatus.describe(n) + ")");
            } else if (chosen.isEmpty()) {
                chosen = Optional.of(n);
            } else {
                unread(n, "a second " + what + ": the platform holds one");
            }
        }
        return chosen;
    }

    List<Node> all(NodeRole role) {
        return roles.all(role);
    }

    /**
     * What every read node may have besides its own properties, taken when well-formed: its phandle,
     * #address-cells and #size-cells (syntax for its children), an empty ranges, and an
     * interrupt-parent naming the GIC.
     */
    private void takeStructure(Claim c) {
        Node n = c.node();
        for (Property p : n.properties()) {
            switch (p.name()) {
                case "phandle", "linux,phandle" -> {
                    if (phandles.isOwnPhandle(n, p)) {
                        c.takeOther(n, p);
                    }
                }
                case "#address-cells", "#size-cells" -> {
                    if (p.value().length() == 4) {
                        c.takeOther(n, p);
                    }
                }
                case "ranges" -> {
                    if (p.value().isEmpty()) {
                        c.takeOther(n, p);
                    }
                }
                case "interrupt-parent" -> {
                    if (p.value().length() == 4 && interrupts.gic().isPresent()
                            && phandles.node(p.value().u32At(0)).equals(interrupts.gic())) {
                        c.takeOther(n, p);
                    }
                }
                default -> { }
            }
        }
    }
}
