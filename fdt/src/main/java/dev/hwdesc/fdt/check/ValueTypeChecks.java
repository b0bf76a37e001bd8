package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.Optional;
import java.util.function.Predicate;

/** dtc's checks that a well-known property holds one string, a string list or one cell. */
final class ValueTypeChecks {

    private static final Predicate<String> NAMES_LIST = name -> name.endsWith("-names");

    private ValueTypeChecks() {
    }

    static final CheckDefinition ADDRESS_CELLS_IS_CELL = warningIfNotCell("address_cells_is_cell", "#address-cells");
    static final CheckDefinition SIZE_CELLS_IS_CELL = warningIfNotCell("size_cells_is_cell", "#size-cells");
    static final CheckDefinition DEVICE_TYPE_IS_STRING = warningIfNotString("device_type_is_string", "device_type");
    static final CheckDefinition MODEL_IS_STRING = warningIfNotString("model_is_string", "model");
    static final CheckDefinition STATUS_IS_STRING = warningIfNotString("status_is_string", "status");
    static final CheckDefinition LABEL_IS_STRING = warningIfNotString("label_is_string", "label");
    static final CheckDefinition COMPATIBLE_IS_STRING_LIST = CheckDefinition.warning("compatible_is_string_list",
            Candidates.withProperty("compatible"), (ctx, n) -> checkStringList(ctx, n, "compatible"));

    /** Every property whose name ends in "-names" (dtc looks each up again by name, so the first of a duplicate). */
    static final CheckDefinition NAMES_IS_STRING_LIST = CheckDefinition.warning("names_is_string_list",
            Candidates.withPropertyNamed(NAMES_LIST), (ctx, n) -> {
                for (Property p : n.node().properties()) {
                    if (p.name().endsWith("-names")) {
                        checkStringList(ctx, n, p.name());
                    }
                }
            });

    static CheckDefinition warningIfNotString(String checkName, String propertyName) {
        return CheckDefinition.warning(checkName, Candidates.withProperty(propertyName),
                (ctx, n) -> checkString(ctx, n, propertyName));
    }

    static CheckDefinition errorIfNotString(String checkName, String propertyName) {
        return CheckDefinition.error(checkName, Candidates.withProperty(propertyName),
                (ctx, n) -> checkString(ctx, n, propertyName));
    }

    static CheckDefinition warningIfNotCell(String checkName, String propertyName) {
        return CheckDefinition.warning(checkName, Candidates.withProperty(propertyName), (ctx, n) -> {
            Optional<Property> p = n.property(propertyName);
            if (p.isPresent() && p.get().value().length() != 4) {
                ctx.failProperty(n.node(), p.get(), "property is not a single cell");
            }
        });
    }

    /** dtc's check_is_string: absent is fine, present must be exactly one NUL-terminated string. */
    static void checkString(CheckContext ctx, CheckedNode n, String propertyName) {
        Optional<Property> p = n.property(propertyName);
        if (p.isPresent() && !p.get().value().isOneString()) {
            ctx.failProperty(n.node(), p.get(), "property is not a string");
        }
    }

    /** dtc's check_is_string_list: every string must be NUL-terminated (an empty value is fine). */
    static void checkStringList(CheckContext ctx, CheckedNode n, String propertyName) {
        Optional<Property> p = n.property(propertyName);
        if (p.isEmpty()) {
            return;
        }
        PropertyValue v = p.get().value();
        if (v.length() > 0 && v.byteAt(v.length() - 1) != 0) {
            ctx.failProperty(n.node(), p.get(), "property is not a string list");
        }
    }
}
