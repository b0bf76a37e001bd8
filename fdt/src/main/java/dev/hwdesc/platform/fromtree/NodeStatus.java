package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import java.util.Optional;

/**
 * Whether a node is there for the normal world: its status is "okay" (or "ok", or absent); it is
 * for the secure world only (status "disabled", secure-status "okay"); or it is not there at all.
 */
enum NodeStatus {
    ENABLED, SECURE_ONLY, DISABLED;

    static NodeStatus of(Node node) {
        Optional<PropertyValue> status = node.value("status");
        if (status.isEmpty() || isOkay(status.get())) {
            return ENABLED;
        }
        if (status.get().isOneString() && status.get().firstString().equals("disabled")
                && node.value("secure-status").map(NodeStatus::isOkay).orElse(false)) {
            return SECURE_ONLY;
        }
        return DISABLED;
    }

    /** The status as the reason for leaving a node out: {@code status "fail"}. */
    static String describe(Node node) {
        return node.value("status")
                .map(v -> v.isOneString() ? "status \"" + v.firstString() + "\"" : "a status that is not one string")
                .orElse("enabled");
    }

    private static boolean isOkay(PropertyValue v) {
        return v.isOneString() && (v.firstString().equals("okay") || v.firstString().equals("ok"));
    }
}
