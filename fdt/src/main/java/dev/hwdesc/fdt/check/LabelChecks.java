package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.List;
import java.util.Optional;

/** dtc's duplicate_label: a label names one node, property or place in a value, not two. */
final class LabelChecks {

    private LabelChecks() {
    }

    static final CheckDefinition DUPLICATE_LABEL = CheckDefinition.error("duplicate_label",
            TreeFacts::withLabels, (ctx, n) -> {
                if (!ctx.labelSites().anyRepeated()) {
                    return; // each label in one place: nothing to report
                }
                Node node = n.node();
                for (String l : node.labels()) {
                    check(ctx, l, new LabelSites.Site(node, Optional.empty(), LabelSites.Site.NO_MARKER));
                }
                for (Property p : node.properties()) {
                    for (String l : p.labels()) {
                        check(ctx, l, new LabelSites.Site(node, Optional.of(p), LabelSites.Site.NO_MARKER));
                    }
                    List<Marker> markers = p.value().markers();
                    for (int i = 0; i < markers.size(); i++) {
                        if (markers.get(i) instanceof Marker.ValueLabel v) {
                            check(ctx, v.name(), new LabelSites.Site(node, Optional.of(p), i));
                        }
                    }
                }
            });

    private static void check(CheckContext ctx, String label, LabelSites.Site here) {
        Optional<LabelSites.Site> first = ctx.labelSites().firstSite(label);
        if (first.isPresent() && !first.get().sameAs(here)) {
            ctx.fail(here.node(), "Duplicate label '" + label + "' on " + describe(ctx, here) + " and "
                    + describe(ctx, first.get()));
        }
    }

    /** dtc's DESCLABEL: [value of ]['prop' in ]/path. */
    private static String describe(CheckContext ctx, LabelSites.Site site) {
        StringBuilder sb = new StringBuilder();
        if (site.markerIndex() != LabelSites.Site.NO_MARKER) {
            sb.append("value of ");
        }
        site.property().ifPresent(p -> sb.append('\'').append(p.name()).append("' in "));
        return sb.append(ctx.pathOf(site.node())).toString();
    }
}
