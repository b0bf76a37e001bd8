package dev.hwdesc.platform.fromtree;

import java.util.Optional;

/**
 * Something of the tree that the platform does not hold. With a property, it is that property of a
 * node that was otherwise read; without, it is the whole node with all its properties (its children
 * have entries of their own). The memory reservation map, which is not a node, appears under the
 * path {@value #RESERVATIONS}, as DTS writes it.
 *
 * @param path the node's full path
 * @param property the property, when the entry is about one property only
 * @param reason why it was not interpreted
 */
public record Uninterpreted(String path, Optional<String> property, String reason) {

    /** The pseudo-path of the memory reservation map. */
    public static final String RESERVATIONS = "/memreserve/";

    public static Uninterpreted node(String path, String reason) {
        return new Uninterpreted(path, Optional.empty(), reason);
    }

    public static Uninterpreted property(String path, String property, String reason) {
        return new Uninterpreted(path, Optional.of(property), reason);
    }

    @Override
    public String toString() {
        return path + property.map(p -> " " + p).orElse("") + ": " + reason;
    }
}
