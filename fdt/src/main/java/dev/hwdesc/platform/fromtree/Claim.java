package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reading of one node, as a transaction: the properties it interprets (its own, and sometimes
 * another node's, such as an alias) and the ones it leaves with a reason. {@link Coverage} applies
 * it when the reading succeeds; when it fails, none of it counts.
 */
final class Claim {

    private final Node node;
    private final boolean secure;
    private final List<Property> taken = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Property, String> left = new IdentityHashMap<>();

    Claim(Node node, boolean secure) {
        this.node = node;
        this.secure = secure;
        nodes.add(node);
    }

    Node node() {
        return node;
    }

    /** True when the node is for the secure world only (status "disabled", secure-status "okay"). */
    boolean secure() {
        return secure;
    }

    String path() {
        return node.fullPath();
    }

    /** The property, taken as interpreted, if the node has it. */
    Optional<PropertyValue> take(String name) {
        Optional<Property> p = node.property(name);
        p.ifPresent(taken::add);
        return p.map(Property::value);
    }

    Property require(String name) throws Malformed {
        Property p = node.property(name).orElseThrow(() -> new Malformed("no " + name));
        taken.add(p);
        return p;
    }

    Cells cells(String name) throws Malformed {
        return Cells.of(require(name));
    }

    /** A boolean property: true when present, which it may only be empty. */
    boolean flag(String name) throws Malformed {
        Optional<Property> p = node.property(name);
        if (p.isEmpty()) {
            return false;
        }
        if (!p.get().value().isEmpty()) {
            throw new Malformed(name + ": has a value; it is a flag and should be empty");
        }
        taken.add(p.get());
        return true;
    }

    long u32(String name) throws Malformed {
        Property p = require(name);
        return oneCell(p);
    }

    Optional<Long> optionalU32(String name) throws Malformed {
        Optional<Property> p = node.property(name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        taken.add(p.get());
        return Optional.of(oneCell(p.get()));
    }

    /** A number of one or two cells (u32 or u64). */
    Optional<Long> optionalNumber(String name) throws Malformed {
        Optional<Property> p = node.property(name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        Cells c = Cells.of(p.get());
        if (c.size() != 1 && c.size() != 2) {
            throw new Malformed(name + ": " + c.size() + " cells; a number here is 1 or 2");
        }
        taken.add(p.get());
        return Optional.of(c.number(0, c.size()));
    }

    String string(String name) throws Malformed {
        return string(require(name));
    }

    Optional<String> optionalString(String name) throws Malformed {
        Optional<Property> p = node.property(name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        taken.add(p.get());
        return Optional.of(string(p.get()));
    }

    /** A string list: NUL-terminated strings, at least one. */
    List<String> strings(String name) throws Malformed {
        Property p = require(name);
        return strings(p);
    }

    /**
     * Takes the compatible when it is exactly {@code expected}, the strings a rendering of the model
     * writes; otherwise leaves it, since the model keeps no compatible of its own for this device.
     */
    void compatible(String... expected) throws Malformed {
        List<String> actual = strings("compatible");
        if (!actual.equals(List.of(expected))) {
            leave("compatible", "not kept: the platform model implies " + quoted(List.of(expected)));
        }
    }

    /** Leaves a property of this node with a reason, interpreted or not. */
    /**
     * Whether the node has both of two properties that only mean something together; when it has
     * one alone, that one is left, not kept without its partner.
     */
    boolean pair(String first, String second) {
        boolean a = node.hasProperty(first);
        boolean b = node.hasProperty(second);
        if (a != b) {
            leave(a ? first : second, "not kept without its partner");
        }
        return a && b;
    }

    void leave(String name, String reason) {
        node.property(name).ifPresent(p -> {
            taken.remove(p);
            left.put(p, reason);
        });
    }

    /** Takes a property of another node (an alias, a bus's ranges), which then counts as read. */
    void takeOther(Node other, Property p) {
        taken.add(p);
        nodes.add(other);
    }

    /** Counts another node as read (a cpu-map level, a key's parent): its properties are listed unless taken. */
    void interpretOther(Node other) {
        nodes.add(other);
    }

    List<Property> taken() {
        return taken;
    }

    List<Node> nodes() {
        return nodes;
    }

    Map<Property, String> left() {
        return left;
    }

    static String quoted(List<String> strings) {
        return String.join(", ", strings.stream().map(s -> "\"" + s + "\"").toList());
    }

    private static long oneCell(Property p) throws Malformed {
        if (p.value().length() != 4) {
            throw new Malformed(p.name() + ": " + p.value().length() + " bytes; it should be one cell");
        }
        return p.value().u32At(0);
    }

    private static String string(Property p) throws Malformed {
        if (!p.value().isOneString()) {
            throw new Malformed(p.name() + ": not one string");
        }
        return p.value().firstString();
    }

    private static List<String> strings(Property p) throws Malformed {
        PropertyValue v = p.value();
        if (v.isEmpty() || v.byteAt(v.length() - 1) != 0) {
            throw new Malformed(p.name() + ": not a list of NUL-terminated strings");
        }
        return v.strings();
    }
}
