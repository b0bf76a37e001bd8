package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each label is first used, in the order dtc's duplicate_label looks for it: on a node
 * (get_node_by_label), else on a property (get_property_by_label), else inside a value
 * (get_marker_label); each the first in pre-order among live nodes and properties.
 */
final class LabelSites {

    /** A place a label is written: a node, a property of it, or a value label (marker index) in that property. */
    record Site(Node node, Optional<Property> property, int markerIndex) {

        static final int NO_MARKER = -1;

        boolean sameAs(Site other) {
            return node == other.node && property.orElse(null) == other.property.orElse(null)
                    && markerIndex == other.markerIndex;
        }
    }

    private final Map<String, Site> onNodes = new HashMap<>();
    private final Map<String, Site> onProperties = new HashMap<>();
    private final Map<String, Site> inValues = new HashMap<>();
    private boolean anyRepeated;

    private LabelSites() {
    }

    /** From the nodes, in pre-order, that had any kind of label when the run began. */
    static LabelSites of(List<CheckedNode> labelled) {
        LabelSites sites = new LabelSites();
        for (CheckedNode n : labelled) {
            if (n.isRoot() || !n.isDeleted()) {
                sites.add(n.node());
            }
        }
        // a label on a node and on a property (or in a value) is in two places too
        for (String l : sites.onProperties.keySet()) {
            sites.anyRepeated |= sites.onNodes.containsKey(l);
        }
        for (String l : sites.inValues.keySet()) {
            sites.anyRepeated |= sites.onNodes.containsKey(l) || sites.onProperties.containsKey(l);
        }
        return sites;
    }

    private void add(Node n) {
        if (n.hasLabelEntries()) {
            for (String l : n.labels()) {
                note(onNodes, l, new Site(n, Optional.empty(), Site.NO_MARKER));
            }
        }
        for (int j = 0, count = n.propertyCount(); j < count; j++) {
            Property p = n.propertyAt(j);
            if (p.isDeleted()) {
                continue;
            }
            if (p.hasLabelEntries()) {
                for (String l : p.labels()) {
                    note(onProperties, l, new Site(n, Optional.of(p), Site.NO_MARKER));
                }
            }
            List<Marker> markers = p.value().markers();
            for (int i = 0; i < markers.size(); i++) {
                if (markers.get(i) instanceof Marker.ValueLabel v) {
                    note(inValues, v.name(), new Site(n, Optional.of(p), i));
                }
            }
        }
    }

    /** Keeps the first site of a label in {@code sites}; a second, different one makes it repeated. */
    private void note(Map<String, Site> sites, String label, Site site) {
        Site first = sites.putIfAbsent(label, site);
        if (first != null && !first.sameAs(site)) {
            anyRepeated = true;
        }
    }

    /**
     * True when some label is written in two different places. Otherwise every label's first site
     * is its only one, and duplicate_label has nothing to find.
     */
    boolean anyRepeated() {
        return anyRepeated;
    }

    /** The site dtc's duplicate_label compares a use of {@code label} against. */
    Optional<Site> firstSite(String label) {
        Site s = onNodes.get(label);
        if (s == null) {
            s = onProperties.get(label);
        }
        if (s == null) {
            s = inValues.get(label);
        }
        return Optional.ofNullable(s);
    }
}
