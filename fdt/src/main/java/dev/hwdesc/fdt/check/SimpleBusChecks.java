package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.Optional;

/** dtc's simple-bus checks: a "simple-bus" compatible node, and unit names of its children. */
final class SimpleBusChecks {

    private SimpleBusChecks() {
    }

    static final CheckDefinition SIMPLE_BUS_BRIDGE = CheckDefinition.warning("simple_bus_bridge",
            Candidates.withProperty("compatible"), (ctx, n) -> {
                if (isCompatible(n, "simple-bus")) {
                    n.setBus(Bus.SIMPLE_BUS);
                }
            }, "addr_size_cells", "compatible_is_string_list");

    /**
     * The unit name must be the hex of the address in reg (or, without reg, the parent-bus address
     * in the first ranges entry), folded from the parent's #address-cells cells into 64 bits.
     */
    static final CheckDefinition SIMPLE_BUS_REG = CheckDefinition.warning("simple_bus_reg",
            Candidates.childrenOfBus(Bus.SIMPLE_BUS), (ctx, n) -> {
                if (n.isRoot() || n.parentOrThrow().bus() != Bus.SIMPLE_BUS) {
                    return;
                }
                Node node = n.node();
                PropertyValue cells = null;
                long firstCell = 0;
                Optional<Property> reg = n.property("reg");
                if (reg.isPresent()) {
                    if (!reg.get().value().isEmpty()) {
                        cells = reg.get().value();
                    }
                } else {
                    Optional<Property> ranges = n.property("ranges");
                    if (ranges.isPresent() && !ranges.get().value().isEmpty()) {
                        cells = ranges.get().value();
                        firstCell = n.addressCellsOrDefault();
                    }
                }
                if (cells == null) {
                    if (!n.parentOrThrow().isRoot() && n.bus() != Bus.SIMPLE_BUS) {
                        ctx.fail(node, "missing or empty reg/ranges property");
                    }
                    return;
                }
                long count = Integer.toUnsignedLong(n.parentOrThrow().addressCellsOrDefault());
                long address = 0;
                // Only the last two of the cells folded in survive a 64-bit shift by 32.
                for (long i = Math.max(0, count - 2); i < count; i++) {
                    address = (address << 32) | Cells.cell(cells, firstCell + i);
                }
                String expected = Long.toHexString(address);
                if (!CStrings.unitAddressIs(node.name(), expected)) {
                    ctx.fail(node, "simple-bus unit address format error, expected \"" + expected + "\"");
                }
            }, "reg_format", "simple_bus_bridge");

    /** dtc's node_is_compatible: one of the NUL-separated strings of "compatible" equals {@code compatible}. */
    static boolean isCompatible(CheckedNode n, String compatible) {
        Optional<Property> p = n.property("compatible");
        return p.isPresent() && CStrings.hasString(p.get().value(), compatible);
    }
}
