package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.Optional;

/** dtc's OF graph checks: ports, port and endpoint nodes, and endpoints that point at each other. */
final class GraphChecks {

    private GraphChecks() {
    }

    /**
     * A node with an "endpoint" child (or a child with remote-endpoint) is a port; its parent is a
     * ports node when it is named "ports" or the port has reg. dtc 1.6.1 crashes when the root has
     * such a child; here the root is marked a port and has no parent to mark.
     */
    static final CheckDefinition GRAPH_NODES = CheckDefinition.warning("graph_nodes",
            TreeFacts::graphPortCandidates, (ctx, n) -> {
                for (Node child : n.node().children()) {
                    String name = child.name();
                    if (!(CStrings.prefixIs(name, CStrings.baseNameLength(name), "endpoint")
                            || child.hasProperty("remote-endpoint"))) {
                        continue;
                    }
                    n.setBus(Bus.GRAPH_PORT);
                    if (!n.isRoot()) {
                        CheckedNode parent = n.parentOrThrow();
                        if (parent.bus() == Bus.NONE
                                && (parent.node().name().equals("ports") || n.hasProperty("reg"))) {
                            parent.setBus(Bus.GRAPH_PORTS);
                        }
                    }
                    break;
                }
            });

    /** In dtc 1.6.1 this needs only graph_nodes (graph_port and graph_endpoint became prerequisites later). */
    static final CheckDefinition GRAPH_CHILD_ADDRESS = CheckDefinition.warning("graph_child_address",
            Candidates.busNodes(), (ctx, n) -> {
                if (n.bus() != Bus.GRAPH_PORTS && n.bus() != Bus.GRAPH_PORT) {
                    return;
                }
                int count = 0;
                for (Node child : n.node().children()) {
                    Optional<Property> reg = child.property("reg");
                    if (reg.isPresent() && Cells.first(reg.get().value()) != 0) {
                        return;
                    }
                    count++;
                }
                if (count == 1 && n.addressCells() != -1) {
                    String first = n.node().childrenWithDeleted().get(0).name();
                    ctx.fail(n.node(), "graph node has single child node '" + first
                            + "', #address-cells/#size-cells are not necessary");
                }
            }, "graph_nodes");

    static final CheckDefinition GRAPH_PORT = CheckDefinition.warning("graph_port",
            Candidates.busNodes(), (ctx, n) -> {
                if (n.bus() != Bus.GRAPH_PORT) {
                    return;
                }
                String name = n.node().name();
                if (!CStrings.prefixIs(name, CStrings.baseNameLength(name), "port")) {
                    ctx.fail(n.node(), "graph port node name should be 'port'");
                }
                checkGraphReg(ctx, n);
            }, "graph_nodes");

    static final CheckDefinition GRAPH_ENDPOINT = CheckDefinition.warning("graph_endpoint",
            Candidates.childrenOfBus(Bus.GRAPH_PORT), (ctx, n) -> {
                if (n.isRoot() || n.parentOrThrow().bus() != Bus.GRAPH_PORT) {
                    return;
                }
                Node node = n.node();
                String name = node.name();
                if (!CStrings.prefixIs(name, CStrings.baseNameLength(name), "endpoint")) {
                    ctx.fail(node, "graph endpoint node name should be 'endpoint'");
                }
                checkGraphReg(ctx, n);
                Optional<Node> remote = remoteEndpoint(ctx, node);
                if (remote.isEmpty()) {
                    return;
                }
                Optional<Node> back = remoteEndpoint(ctx, remote.get());
                if (back.isEmpty() || back.get() != node) {
                    ctx.fail(node, "graph connection to node '" + ctx.pathOf(remote.get()) + "' is not bidirectional");
                }
            }, "graph_nodes");

    /** reg must be one cell matching the unit name, under a parent with #address-cells 1 and #size-cells 0. */
    private static void checkGraphReg(CheckContext ctx, CheckedNode n) {
        Node node = n.node();
        Optional<Property> reg = n.property("reg");
        if (reg.isEmpty()) {
            return;
        }
        if (reg.get().value().length() != 4) {
            ctx.fail(node, "graph node malformed 'reg' property");
            return;
        }
        String expected = Long.toHexString(reg.get().value().u32At(0));
        if (!CStrings.unitAddressIs(node.name(), expected)) {
            ctx.fail(node, "graph node unit address error, expected \"" + expected + "\"");
        }
        if (n.isRoot()) {
            return; // dtc 1.6.1 would dereference the root's missing parent here
        }
        CheckedNode parent = n.parentOrThrow();
        if (parent.addressCells() != 1) {
            ctx.failProperty(node, n.property("#address-cells"),
                    "graph node '#address-cells' is " + parent.addressCells() + ", must be 1");
        }
        if (parent.sizeCells() != 0) {
            ctx.failProperty(node, n.property("#size-cells"),
                    "graph node '#size-cells' is " + parent.sizeCells() + ", must be 0");
        }
    }

    /** The node remote-endpoint points at; a phandle that names no node is reported (on {@code endpoint}). */
    private static Optional<Node> remoteEndpoint(CheckContext ctx, Node endpoint) {
        Optional<Property> p = endpoint.property("remote-endpoint");
        if (p.isEmpty()) {
            return Optional.empty();
        }
        long phandle = Cells.first(p.get().value());
        if (Cells.isNoPhandle(phandle)) {
            return Optional.empty();
        }
        Optional<Node> target = ctx.phandles().nodeWithPhandle(phandle);
        if (target.isEmpty()) {
            ctx.failProperty(endpoint, p.get(), "graph phandle is not valid");
        }
        return target;
    }
}
