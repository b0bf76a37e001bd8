package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;

/**
 * dtc's checks on the old "name" property: it must be one string equal to the node's base name,
 * and then it is redundant and removed.
 */
final class NamePropertyChecks {

    private NamePropertyChecks() {
    }

    static final CheckDefinition NAME_IS_STRING = ValueTypeChecks.errorIfNotString("name_is_string", "name");

    /**
     * Looks at the first "name" property in the raw list (a deleted one too, as dtc does); compares
     * its length with the base name's plus one and its leading bytes with the base name.
     */
    static final CheckDefinition NAME_PROPERTIES = CheckDefinition.error("name_properties",
            Candidates.withProperty("name"), (ctx, n) -> {
                Node node = n.node();
                Property nameProperty = null;
                for (Property p : node.propertiesWithDeleted()) {
                    if (p.name().equals("name")) {
                        nameProperty = p;
                        break;
                    }
                }
                if (nameProperty == null) {
                    return;
                }
                PropertyValue v = nameProperty.value();
                String base = node.baseName();
                if (v.length() != base.length() + 1 || !startsWith(v, base)) {
                    ctx.fail(node, "\"name\" property is incorrect (\"" + CStrings.printed(v)
                            + "\" instead of base node name)");
                } else {
                    node.removeProperty(nameProperty);
                    ctx.facts().propertiesChanged(node);
                    ctx.treeChanged();
                }
            }, "name_is_string");

    private static boolean startsWith(PropertyValue v, String s) {
        for (int i = 0; i < s.length(); i++) {
            if ((v.byteAt(i) & 0xff) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
