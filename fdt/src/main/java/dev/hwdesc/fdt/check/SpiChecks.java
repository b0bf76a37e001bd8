package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.Optional;

/** dtc's SPI checks: bus nodes (base name "spi", or guessed from spi-* child properties) and their children. */
final class SpiChecks {

    private SpiChecks() {
    }

    static final CheckDefinition SPI_BUS_BRIDGE = CheckDefinition.warning("spi_bus_bridge",
            Candidates.anyOf(Candidates.withBaseName("spi"), Candidates.withProperty("#address-cells")), (ctx, n) -> {
                Node node = n.node();
                String name = node.name();
                if (CStrings.prefixIs(name, CStrings.baseNameLength(name), "spi")) {
                    n.setBus(Bus.SPI);
                } else {
                    if (n.addressCellsOrDefault() != 1 || n.sizeCellsOrDefault() != 0) {
                        return;
                    }
                    search:
                    for (Node child : node.children()) {
                        for (Property p : child.properties()) {
                            if (p.name().startsWith("spi-")) {
                                n.setBus(Bus.SPI);
                                break search;
                            }
                        }
                    }
                    if (n.bus() == Bus.SPI && n.hasProperty("reg")) {
                        ctx.fail(node, "node name for SPI buses should be 'spi'");
                    }
                }
                if (n.bus() != Bus.SPI || node.childrenWithDeleted().isEmpty()) {
                    return;
                }
                int expectedAddressCells = n.hasProperty("spi-slave") ? 0 : 1;
                if (n.addressCellsOrDefault() != expectedAddressCells) {
                    ctx.fail(node, "incorrect #address-cells for SPI bus");
                }
                if (n.sizeCellsOrDefault() != 0) {
                    ctx.fail(node, "incorrect #size-cells for SPI bus");
                }
            }, "addr_size_cells");

    static final CheckDefinition SPI_BUS_REG = CheckDefinition.warning("spi_bus_reg",
            Candidates.childrenOfBus(Bus.SPI), (ctx, n) -> {
                if (n.isRoot() || n.parentOrThrow().bus() != Bus.SPI) {
                    return;
                }
                Node node = n.node();
                if (n.parentOrThrow().hasProperty("spi-slave")) {
                    return;
                }
                Optional<Property> reg = n.property("reg");
                if (reg.isEmpty() || reg.get().value().isEmpty()) {
                    ctx.fail(node, "missing or empty reg property");
                    return;
                }
                String expected = Long.toHexString(Cells.cell(reg.get().value(), 0));
                if (!CStrings.unitAddressIs(node.name(), expected)) {
                    ctx.fail(node, "SPI bus unit address format error, expected \"" + expected + "\"");
                }
            }, "reg_format", "spi_bus_bridge");
}
