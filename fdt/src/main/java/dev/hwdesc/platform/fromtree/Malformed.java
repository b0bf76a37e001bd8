package dev.hwdesc.platform.fromtree;

/**
 * Why a node cannot be read into the platform: its message is the reason listed beside the node.
 * Thrown only within this package and always caught there; it carries no stack trace.
 */
final class Malformed extends Exception {

    private static final long serialVersionUID = 1L;

    Malformed(String reason) {
        super(reason, null, false, false);
    }
}
