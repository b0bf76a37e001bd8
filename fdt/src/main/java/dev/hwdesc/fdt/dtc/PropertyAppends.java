package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc 1.6.1's append_to_property on the nodes the fixup steps fill: the first live property of the
 * name gets a typed chunk (marker and data) appended, or a new property holding just that chunk is
 * added as the node's last. Appends to one property are gathered in a buffer and written by
 * {@link #finish()}, so a property that grows by many entries costs the size of its bytes, not that
 * times the number of entries; in the meantime the property is already in its place in the node,
 * which is all the lookups of the fixup walks can see.
 */
final class PropertyAppends {

    /** A property being appended to, and its value so far. */
    private static final class Growing {
        final Property property;
        final PropertyValue.Builder value;

        Growing(Property property, PropertyValue.Builder value) {
            this.property = property;
            this.value = value;
        }
    }

    /** Below this many properties a linear scan is cheaper than building a name map. */
    private static final int PROPERTY_MAP_THRESHOLD = 8;

    /** Per node with many properties, its live properties by name (the first of each), made on first use. */
    private final Map<Node, Map<String, Property>> propertiesByName = new IdentityHashMap<>();
    private final Map<Property, Growing> growing = new IdentityHashMap<>();
    private final List<Growing> order = new ArrayList<>();

    /** Appends a string chunk: {@code s} and its NUL. */
    void appendString(Node node, String name, String s) {
        target(node, name).string(s);
    }

    /** Appends a 32-bit cell chunk. */
    void appendCell(Node node, String name, long cell) {
        target(node, name).cells(ValueType.CELLS32, cell);
    }

    /** Writes every appended value into its property. */
    void finish() {
        for (Growing g : order) {
            g.property.setValue(g.value.build());
        }
        order.clear();
        growing.clear();
    }

    private PropertyValue.Builder target(Node node, String name) {
        Property p = liveProperty(node, name);
        if (p == null) {
            p = new Property(name, PropertyValue.empty());
            node.addProperty(p);
            Map<String, Property> byName = propertiesByName.get(node);
            if (byName != null) {
                byName.put(name, p);
            }
        }
        Growing g = growing.get(p);
        if (g == null) {
            g = new Growing(p, startingWith(p.value()));
            growing.put(p, g);
            order.add(g);
        }
        return g.value;
    }

    /** get_property: the first live property with this name, or null; a scan when the node has few. */
    private Property liveProperty(Node node, String name) {
        int count = node.propertyCount();
        if (count < PROPERTY_MAP_THRESHOLD) {
            for (int i = 0; i < count; i++) {
                Property p = node.propertyAt(i);
                if (!p.isDeleted() && p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
        return propertiesByName.computeIfAbsent(node, PropertyAppends::indexProperties).get(name);
    }

    private static Map<String, Property> indexProperties(Node node) {
        Map<String, Property> byName = new HashMap<>();
        for (int i = 0, count = node.propertyCount(); i < count; i++) {
            Property p = node.propertyAt(i);
            if (!p.isDeleted()) {
                byName.putIfAbsent(p.name(), p);
            }
        }
        return byName;
    }

    /** A builder holding {@code v}'s bytes and markers, ready for more. */
    private static PropertyValue.Builder startingWith(PropertyValue v) {
        PropertyValue.Builder b = PropertyValue.builder();
        for (Marker m : v.markers()) {
            b.marker(m);
        }
        return b.raw(v.toByteArray());
    }
}
