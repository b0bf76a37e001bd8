package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dtc's checks of addressing: #address-cells/#size-cells, the shape of reg, ranges and
 * dma-ranges, unit addresses against reg, and sibling unit addresses.
 */
final class AddressChecks {

    private AddressChecks() {
    }

    /** Records each node's #address-cells/#size-cells (-1 when absent) for the checks after it. */
    static final CheckDefinition ADDR_SIZE_CELLS = CheckDefinition.warning("addr_size_cells",
            Candidates.withProperty("#address-cells", "#size-cells"), (ctx, n) -> {
                int address = n.property("#address-cells").map(p -> (int) Cells.first(p.value())).orElse(-1);
                int size = n.property("#size-cells").map(p -> (int) Cells.first(p.value())).orElse(-1);
                n.recordCells(address, size);
            }, "address_cells_is_cell", "size_cells_is_cell").withStart(TreeFacts::markCellsRecorded);

    static final CheckDefinition REG_FORMAT = CheckDefinition.warning("reg_format",
            Candidates.withProperty("reg"), (ctx, n) -> {
                Node node = n.node();
                Optional<Property> reg = n.property("reg");
                if (reg.isEmpty()) {
                    return;
                }
                if (n.isRoot()) {
                    ctx.fail(node, "Root node has a \"reg\" property");
                    return;
                }
                int len = reg.get().value().length();
                if (len == 0) {
                    ctx.failProperty(node, reg.get(), "property is empty");
                }
                CheckedNode parent = n.parentOrThrow();
                int addressCells = parent.addressCellsOrDefault();
                int sizeCells = parent.sizeCellsOrDefault();
                int entryLength = (addressCells + sizeCells) * 4;
                if (!Cells.isMultipleOf(len, entryLength)) {
                    ctx.failProperty(node, reg.get(), "property has invalid length (" + len
                            + " bytes) (#address-cells == " + addressCells + ", #size-cells == " + sizeCells + ")");
                }
            }, "addr_size_cells");

    static final CheckDefinition RANGES_FORMAT = rangesFormat("ranges_format", "ranges");
    static final CheckDefinition DMA_RANGES_FORMAT = rangesFormat("dma_ranges_format", "dma-ranges");

    private static CheckDefinition rangesFormat(String checkName, String propertyName) {
        return CheckDefinition.warning(checkName, Candidates.withProperty(propertyName), (ctx, n) -> {
            Node node = n.node();
            Optional<Property> found = n.property(propertyName);
            if (found.isEmpty()) {
                return;
            }
            Property p = found.get();
            if (n.isRoot()) {
                ctx.failProperty(node, p, "Root node has a \"" + propertyName + "\" property");
                return;
            }
            CheckedNode parent = n.parentOrThrow();
            int parentAddressCells = parent.addressCellsOrDefault();
            int parentSizeCells = parent.sizeCellsOrDefault();
            int childAddressCells = n.addressCellsOrDefault();
            int childSizeCells = n.sizeCellsOrDefault();
            int entryLength = (parentAddressCells + childAddressCells + childSizeCells) * 4;
            int len = p.value().length();
            String parentPath = ctx.pathOf(parent.node());
            if (len == 0) {
                if (parentAddressCells != childAddressCells) {
                    ctx.failProperty(node, p, "empty \"" + propertyName + "\" property but its #address-cells ("
                            + childAddressCells + ") differs from " + parentPath + " (" + parentAddressCells + ")");
                }
                if (parentSizeCells != childSizeCells) {
                    ctx.failProperty(node, p, "empty \"" + propertyName + "\" property but its #size-cells ("
                            + childSizeCells + ") differs from " + parentPath + " (" + parentSizeCells + ")");
                }
            } else if (!Cells.isMultipleOf(len, entryLength)) {
                ctx.failProperty(node, p, "\"" + propertyName + "\" property has invalid length (" + len
                        + " bytes) (parent #address-cells == " + parentAddressCells + ", child #address-cells == "
                        + childAddressCells + ", #size-cells == " + childSizeCells + ")");
            }
        }, "addr_size_cells");
    }

    /** A unit address goes with reg or non-empty ranges; overlay fragments (with __overlay__) are exempt. */
    static final CheckDefinition UNIT_ADDRESS_VS_REG = CheckDefinition.warning("unit_address_vs_reg",
            Candidates.anyOf(TreeFacts::withUnitAddress, Candidates.withProperty("reg", "ranges")), (ctx, n) -> {
                Node node = n.node();
                if (n.hadOverlayChild() && node.child("__overlay__").isPresent()) {
                    return;
                }
                Optional<Property> p = n.property("reg");
                if (p.isEmpty()) {
                    p = n.property("ranges").filter(r -> !r.value().isEmpty());
                }
                boolean hasUnit = CStrings.hasUnitAddress(node.name());
                if (p.isPresent() && !hasUnit) {
                    ctx.fail(node, "node has a reg or ranges property, but no unit name");
                } else if (p.isEmpty() && hasUnit) {
                    ctx.fail(node, "node has a unit name, but no reg or ranges property");
                }
            });

    /** No "0x" and no leading zero, except under a bus a bridge check has recognised. */
    static final CheckDefinition UNIT_ADDRESS_FORMAT = CheckDefinition.warning("unit_address_format",
            TreeFacts::withUnitAddress, (ctx, n) -> {
                if (!n.isRoot() && n.parentOrThrow().bus() != Bus.NONE) {
                    return;
                }
                String unit = n.node().unitAddress();
                if (unit.isEmpty()) {
                    return;
                }
                if (unit.startsWith("0x")) {
                    ctx.fail(n.node(), "unit name should not have leading \"0x\"");
                    unit = unit.substring(2);
                }
                if (unit.length() >= 2 && unit.charAt(0) == '0' && CStrings.isHexDigit(unit.charAt(1))) {
                    ctx.fail(n.node(), "unit name should not have leading 0s");
                }
            }, "node_name_format", "pci_bridge", "simple_bus_bridge");

    static final CheckDefinition AVOID_DEFAULT_ADDR_SIZE = CheckDefinition.warning("avoid_default_addr_size",
            Candidates.withProperty("reg", "ranges"), (ctx, n) -> {
                if (n.isRoot()) {
                    return;
                }
                Node node = n.node();
                if (!n.hasProperty("reg") && !n.hasProperty("ranges")) {
                    return;
                }
                CheckedNode parent = n.parentOrThrow();
                if (parent.addressCells() == -1) {
                    ctx.fail(node, "Relying on default #address-cells value");
                }
                if (parent.sizeCells() == -1) {
                    ctx.fail(node, "Relying on default #size-cells value");
                }
            }, "addr_size_cells");

    /** dtc 1.6.1 exempts only "ranges" here (dma-ranges was added later). */
    static final CheckDefinition AVOID_UNNECESSARY_ADDR_SIZE = CheckDefinition.warning("avoid_unnecessary_addr_size",
            Candidates.withProperty("#address-cells"), (ctx, n) -> {
                Node node = n.node();
                if (n.isRoot() || n.addressCells() < 0 || n.sizeCells() < 0) {
                    return;
                }
                if (n.hasProperty("ranges") || node.childrenWithDeleted().isEmpty()) {
                    return;
                }
                for (Node child : node.children()) {
                    if (child.hasProperty("reg")) {
                        return;
                    }
                }
                ctx.fail(node, "unnecessary #address-cells/#size-cells without \"ranges\" or child \"reg\" property");
            }, "avoid_default_addr_size");

    static final CheckDefinition UNIQUE_UNIT_ADDRESS = CheckDefinition.warning("unique_unit_address",
            Candidates.withProperty("#address-cells"), (ctx, n) -> uniqueUnitAddress(ctx, n, false),
            "avoid_default_addr_size");

    static final CheckDefinition UNIQUE_UNIT_ADDRESS_IF_ENABLED = CheckDefinition.off(
            "unique_unit_address_if_enabled", Candidates.withProperty("#address-cells"),
            (ctx, n) -> uniqueUnitAddress(ctx, n, true), "avoid_default_addr_size");

    /**
     * For each child with a unit address, every earlier child with the same one is reported
     * (naming the later); with {@code skipDisabled}, children with status "disabled" take no part.
     */
    private static void uniqueUnitAddress(CheckContext ctx, CheckedNode n, boolean skipDisabled) {
        if (n.addressCells() < 0 || n.sizeCells() < 0) {
            return;
        }
        Node node = n.node();
        if (node.childrenWithDeleted().isEmpty()) {
            return;
        }
        List<Node> children = node.children();
        UnitAddressIndex earlier = new UnitAddressIndex(children.size());
        for (int i = 0; i < children.size(); i++) {
            Node a = children.get(i);
            if (skipDisabled && isDisabled(a)) {
                continue;
            }
            if (!CStrings.hasUnitAddress(a.name())) {
                continue; // an empty unit address is never reported, nor matched by a later one
            }
            for (int b = earlier.first(a.name(), children); b >= 0; b = earlier.next(b)) {
                ctx.fail(children.get(b), "duplicate unit-address (also used in node " + ctx.pathOf(a) + ")");
            }
            earlier.add(i, a.name(), children);
        }
    }

    /** dtc's node_is_disabled; an empty status, on which dtc would crash, counts as not disabled. */
    private static boolean isDisabled(Node node) {
        return node.property("status").map(p -> CStrings.valueEquals(p.value(), "disabled")).orElse(false);
    }
}
