package dev.hwdesc.fdt;

/**
 * A label on a node, property or memory reservation. A deleted label keeps its place in the list,
 * because dtc revives it in that place when it is added again.
 */
public record Label(String name, boolean deleted) {

    public static Label of(String name) {
        return new Label(name, false);
    }
}
