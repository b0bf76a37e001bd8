package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every node's role, found in one pass over the tree; the nodes of each role in pre-order. */
final class NodeRoles {

    private final Map<NodeRole, List<Node>> byRole = new EnumMap<>(NodeRole.class);
    private final List<Node> gics = new ArrayList<>();

    static NodeRoles of(List<Node> preOrder) {
        NodeRoles roles = new NodeRoles();
        for (Node n : preOrder) {
            roleOf(n).ifPresent(r -> {
                roles.byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(n);
                if (r == NodeRole.GIC_V2 || r == NodeRole.GIC_V3) {
                    roles.gics.add(n);
                }
            });
        }
        return roles;
    }

    List<Node> all(NodeRole role) {
        return byRole.getOrDefault(role, List.of());
    }

    /** The GICs of either version, in pre-order. */
    List<Node> gics() {
        return gics;
    }

    boolean is(Node n, NodeRole role) {
        return all(role).contains(n);
    }

    private static Optional<NodeRole> roleOf(Node n) {
        Node parent = n.parent().orElse(null);
        if (parent == null) {
            return Optional.empty();
        }
        if (parent.isRoot()) {
            switch (n.name()) {
                case "cpus" -> {
                    return Optional.of(NodeRole.CPUS);
                }
                case "chosen" -> {
                    return Optional.of(NodeRole.CHOSEN);
                }
                case "secure-chosen" -> {
                    return Optional.of(NodeRole.SECURE_CHOSEN);
                }
                case "aliases" -> {
                    return Optional.of(NodeRole.ALIASES);
                }
                default -> { }
            }
        }
        Optional<String> deviceType = n.value("device_type").filter(PropertyValue::isOneString).map(PropertyValue::firstString);
        if (deviceType.equals(Optional.of("cpu")) && parent.name().equals("cpus") && parent.parent().map(Node::isRoot).orElse(false)) {
            return Optional.of(NodeRole.CPU);
        }
        if (n.name().equals("cpu-map") && parent.name().equals("cpus") && parent.parent().map(Node::isRoot).orElse(false)) {
            return Optional.of(NodeRole.CPU_MAP);
        }
        if (deviceType.equals(Optional.of("memory"))) {
            return Optional.of(NodeRole.MEMORY);
        }
        Optional<PropertyValue> compatible = n.value("compatible");
        if (compatible.isPresent()) {
            for (String c : compatible.get().strings()) {
                Optional<NodeRole> r = NodeRole.byCompatible(c);
                if (r.isPresent()) {
                    return r;
                }
            }
        } else if (parent.isRoot() && n.name().equals("pmu") && n.properties().isEmpty() && n.children().isEmpty()) {
            // QEMU describes an ARMv7 core's PMU as an empty /pmu node.
            return Optional.of(NodeRole.PMU);
        }
        return Optional.empty();
    }
}
