package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.Optional;

/** dtc's I2C checks: bus nodes named i2c/i2c-bus/i2c-arb, and the addresses of their children. */
final class I2cChecks {

    private static final long OWN_SLAVE_ADDRESS = 1L << 30;
    private static final long TEN_BIT_ADDRESS = 1L << 31;

    private I2cChecks() {
    }

    static final CheckDefinition I2C_BUS_BRIDGE = CheckDefinition.warning("i2c_bus_bridge",
            Candidates.withBaseName("i2c", "i2c-bus", "i2c-arb"), (ctx, n) -> {
                Node node = n.node();
                String name = node.name();
                int baseLength = CStrings.baseNameLength(name);
                if (CStrings.prefixIs(name, baseLength, "i2c-bus") || CStrings.prefixIs(name, baseLength, "i2c-arb")) {
                    n.setBus(Bus.I2C);
                } else if (CStrings.prefixIs(name, baseLength, "i2c")) {
                    // As in dtc, the child's name is measured with the parent's base-name length ("i2c", 3),
                    // so an "i2c-bus" child never matches.
                    for (Node child : node.children()) {
                        if (CStrings.prefixIs(child.name(), baseLength, "i2c-bus")) {
                            return;
                        }
                    }
                    n.setBus(Bus.I2C);
                } else {
                    return;
                }
                if (node.childrenWithDeleted().isEmpty()) {
                    return;
                }
                if (n.addressCellsOrDefault() != 1) {
                    ctx.fail(node, "incorrect #address-cells for I2C bus");
                }
                if (n.sizeCellsOrDefault() != 0) {
                    ctx.fail(node, "incorrect #size-cells for I2C bus");
                }
            }, "addr_size_cells");

    /**
     * The unit name is the hex of the first reg cell (own-slave flag dropped); each cell must be a
     * 7-bit address, or 10-bit with the ten-bit flag. As in dtc 1.6.1, a flagged address that fits
     * in 10 bits but not 7 still gets the 7-bit message.
     */
    static final CheckDefinition I2C_BUS_REG = CheckDefinition.warning("i2c_bus_reg",
            Candidates.childrenOfBus(Bus.I2C), (ctx, n) -> {
                if (n.isRoot() || n.parentOrThrow().bus() != Bus.I2C) {
                    return;
                }
                Node node = n.node();
                Optional<Property> found = n.property("reg");
                if (found.isEmpty() || found.get().value().isEmpty()) {
                    ctx.fail(node, "missing or empty reg property");
                    return;
                }
                Property reg = found.get();
                PropertyValue v = reg.value();
                long first = Cells.cell(v, 0) & ~OWN_SLAVE_ADDRESS;
                String expected = Long.toHexString(first);
                if (!CStrings.unitAddressIs(node.name(), expected)) {
                    ctx.fail(node, "I2C bus unit address format error, expected \"" + expected + "\"");
                }
                int index = 0;
                for (int len = v.length(); len > 0; len -= 4) {
                    long address = Cells.cell(v, index++) & ~OWN_SLAVE_ADDRESS;
                    if ((address & TEN_BIT_ADDRESS) != 0 && (address & ~TEN_BIT_ADDRESS) > 0x3ff) {
                        ctx.failProperty(node, reg, "I2C address must be less than 10-bits, got \"0x"
                                + Long.toHexString(address) + "\"");
                    } else if (address > 0x7f) {
                        ctx.failProperty(node, reg, "I2C address must be less than 7-bits, got \"0x"
                                + Long.toHexString(address)
                                + "\". Set I2C_TEN_BIT_ADDRESS for 10 bit addresses or fix the property");
                    }
                }
            }, "reg_format", "i2c_bus_bridge");
}
