package dev.hwdesc.vectors.boot;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every difference between two device trees, node by node and property by property, one line each:
 * the memory reservation map, the boot CPU id, nodes and properties missing or added, property values,
 * and the order of properties and of children. Empty means equal.
 */
final class FdtDiff {

    private final Set<String> anyValueOfSameLength;
    private final List<String> lines = new ArrayList<>();

    private FdtDiff(Set<String> anyValueOfSameLength) {
        this.anyValueOfSameLength = anyValueOfSameLength;
    }

    /**
     * The differences of {@code actual} from {@code expected}. A property whose name is in
     * {@code anyValueOfSameLength} may hold any bytes, as long as there are as many as expected.
     */
    static List<String> between(DeviceTree expected, DeviceTree actual, Set<String> anyValueOfSameLength) {
        FdtDiff d = new FdtDiff(anyValueOfSameLength);
        List<String> rsvExpected = reservations(expected);
        List<String> rsvActual = reservations(actual);
        if (!rsvExpected.equals(rsvActual)) {
            d.lines.add("memory reservation map is " + rsvActual + ", expected " + rsvExpected);
        }
        if (expected.bootCpuId() != actual.bootCpuId()) {
            d.lines.add("boot_cpuid_phys is " + actual.bootCpuId() + ", expected " + expected.bootCpuId());
        }
        d.compare(expected.root(), actual.root());
        return d.lines;
    }

    private static List<String> reservations(DeviceTree t) {
        return t.reservations().stream().map(r -> String.format("0x%x size 0x%x", r.address(), r.size())).toList();
    }

    private void compare(Node expected, Node actual) {
        String path = expected.fullPath();
        Map<String, Property> e = properties(expected);
        Map<String, Property> a = properties(actual);
        for (Property p : e.values()) {
            Property q = a.get(p.name());
            if (q == null) {
                lines.add(path + ": property " + p.name() + " is missing (expected " + show(p.value()) + ")");
            } else if (!sameValue(p, q)) {
                lines.add(path + ": property " + p.name() + " = " + show(q.value()) + ", expected " + show(p.value()));
            }
        }
        for (Property q : a.values()) {
            if (!e.containsKey(q.name())) {
                lines.add(path + ": property " + q.name() + " = " + show(q.value()) + " was added");
            }
        }
        if (e.keySet().equals(a.keySet())) {
            order(path, "property", List.copyOf(e.keySet()), List.copyOf(a.keySet()));
        }

        Map<String, Node> ec = children(expected);
        Map<String, Node> ac = children(actual);
        for (Node c : ec.values()) {
            Node other = ac.get(c.name());
            if (other == null) {
                lines.add(c.fullPath() + ": node is missing");
            } else {
                compare(c, other);
            }
        }
        for (Node c : ac.values()) {
            if (!ec.containsKey(c.name())) {
                lines.add(c.fullPath() + ": node was added");
            }
        }
        if (ec.keySet().equals(ac.keySet())) {
            order(path, "child", List.copyOf(ec.keySet()), List.copyOf(ac.keySet()));
        }
    }

    /** The same names in another order: says where the order first differs. */
    private void order(String path, String what, List<String> expected, List<String> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                lines.add(path + ": " + what + " " + i + " is " + actual.get(i) + ", expected " + expected.get(i)
                        + " (same " + what + " names in another order)");
                return;
            }
        }
    }

    private boolean sameValue(Property expected, Property actual) {
        if (anyValueOfSameLength.contains(expected.name())) {
            return expected.value().length() == actual.value().length();
        }
        return expected.value().sameBytes(actual.value());
    }

    private static Map<String, Property> properties(Node n) {
        Map<String, Property> m = new LinkedHashMap<>();
        n.properties().forEach(p -> m.putIfAbsent(p.name(), p));
        return m;
    }

    private static Map<String, Node> children(Node n) {
        Map<String, Node> m = new LinkedHashMap<>();
        n.children().forEach(c -> m.putIfAbsent(c.name(), c));
        return m;
    }

    /** A value as a string list when it is printable NUL-terminated text, else as cells or bytes; long ones cut. */
    static String show(PropertyValue v) {
        byte[] b = v.toByteArray();
        if (b.length == 0) {
            return "<empty>";
        }
        if (isText(b)) {
            return "\"" + new String(b, 0, b.length - 1, StandardCharsets.US_ASCII).replace("\0", "\", \"") + "\"";
        }
        StringBuilder sb = new StringBuilder(b.length % 4 == 0 ? "<" : "[");
        int shown = Math.min(b.length, 64);
        for (int i = 0; i < shown; i += b.length % 4 == 0 ? 4 : 1) {
            sb.append(i == 0 ? "" : " ");
            sb.append(b.length % 4 == 0 ? String.format("0x%x", v.u32At(i)) : String.format("%02x", b[i] & 0xff));
        }
        return sb.append(shown < b.length ? " ... (" + b.length + " bytes)" : "").append(b.length % 4 == 0 ? ">" : "]").toString();
    }

    private static boolean isText(byte[] b) {
        if (b[b.length - 1] != 0 || b[0] == 0) {
            return false;
        }
        for (int i = 0; i < b.length - 1; i++) {
            int c = b[i] & 0xff;
            if (c == 0 ? b[i + 1] == 0 : c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
