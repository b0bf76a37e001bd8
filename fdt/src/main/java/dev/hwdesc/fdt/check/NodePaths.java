package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Full node paths built without recursion (trees may be thousands of levels deep). */
public final class NodePaths {

    private NodePaths() {
    }

    /** dtc's fullpath: join_path of the parent's path and the name; "/" for the root. */
    public static String of(Node node) {
        List<String> names = new ArrayList<>();
        for (Optional<Node> n = Optional.of(node); n.isPresent(); n = n.get().parent()) {
            names.add(n.get().name());
        }
        StringBuilder path = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) {
            if (path.length() == 0 || path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(names.get(i));
        }
        return path.toString();
    }
}
