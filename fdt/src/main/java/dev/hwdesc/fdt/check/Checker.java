package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.Property;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs dtc 1.6.1's checks (checks.c) on a tree, in dtc's table order, with their fixups (which change
 * the tree: a redundant "name" property is removed, phandles are assigned and written, path
 * references are spliced in, unreferenced /omit-if-no-ref/ nodes are deleted).
 */
public final class Checker {

    /**
     * @param outputName what dtc names in a message that has no source position: "&lt;stdout&gt;" when
     *        writing to standard output, else the output file name
     * @param quiet dtc's -q count: 1 hides warnings, 2 hides errors too
     * @param phandleFormat which phandle properties an assigned phandle gets (-H)
     * @param symbols -@ was given (labelled nodes are then never omitted)
     */
    public record Settings(String outputName, int quiet, PhandleFormat phandleFormat, boolean symbols) {
        public Settings {
            Objects.requireNonNull(outputName, "outputName");
            Objects.requireNonNull(phandleFormat, "phandleFormat");
        }
    }

    private Checker() {
    }

    /**
     * Whether dtc's fixups may change this property: a reference in its value (resolved into it)
     * or the name "name" (removed when it repeats the node's name). The one test for both
     * {@link #mayChangeOutput} and a builder that notes it as it adds properties.
     */
    public static boolean mayFixUp(Property p) {
        if (p.name().equals("name")) {
            return true;
        }
        List<Marker> markers = p.value().markers();
        for (int i = 0, n = markers.size(); i < n; i++) {
            if (markers.get(i) instanceof Marker.PhandleRef || markers.get(i) instanceof Marker.PathRef) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when running the checks could change how the tree is written out: a "name" property
     * (removed when it repeats the node's name), a reference inside a value (resolved into the
     * bytes, possibly adding phandle properties), or an /omit-if-no-ref/ node (deleted when
     * unreferenced). When false, the fixups only record phandles on the nodes, so the output can be
     * rendered while the checks run.
     */
    public static boolean mayChangeOutput(DeviceTree tree) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(tree.root());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.isOmitIfNoRef()) {
                return true;
            }
            for (int i = 0, count = n.propertyCount(); i < count; i++) {
                Property p = n.propertyAt(i);
                if (!p.isDeleted() && mayFixUp(p)) {
                    return true;
                }
            }
            for (int i = 0, count = n.childCount(); i < count; i++) {
                if (!n.childAt(i).isDeleted()) {
                    todo.push(n.childAt(i));
                }
            }
        }
        return false;
    }

    /**
     * Runs the checks. Each message is passed to {@code messages} as the exact text dtc writes to
     * stderr for it, newline(s) included.
     *
     * @return true when a check at error level failed (dtc then aborts unless -f)
     */
    public static boolean run(DeviceTree tree, CheckSelection selection, Settings settings, Consumer<String> messages) {
        return run(tree, selection, settings, new PhandleAllocator(settings.phandleFormat()), messages);
    }

    /**
     * Runs the checks, assigning phandles through {@code phandles}, whose counter then carries on
     * for whatever assigns phandles after the checks in the same run (dtc's -@). Every node's
     * phandle is cleared first, as dtc's nodes start without one, and recorded again by the
     * explicit_phandles check.
     *
     * @return true when a check at error level failed (dtc then aborts unless -f)
     */
    public static boolean run(DeviceTree tree, CheckSelection selection, Settings settings, PhandleAllocator phandles,
            Consumer<String> messages) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(messages, "messages");
        phandles.forgetAll();
        CheckContext context = new CheckContext(tree, settings, selection, phandles, messages);
        return new CheckRunner(context, selection).runAll();
    }
}
