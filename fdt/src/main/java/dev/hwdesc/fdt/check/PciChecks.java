package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.Optional;

/** dtc's PCI checks: a device_type "pci" bridge and the config-space reg of its children. */
final class PciChecks {

    private PciChecks() {
    }

    static final CheckDefinition PCI_BRIDGE = CheckDefinition.warning("pci_bridge",
            Candidates.withProperty("device_type"), (ctx, n) -> {
                Node node = n.node();
                Optional<Property> deviceType = n.property("device_type");
                if (deviceType.isEmpty() || !CStrings.valueEquals(deviceType.get().value(), "pci")) {
                    return;
                }
                n.setBus(Bus.PCI);
                int baseLength = CStrings.baseNameLength(node.name());
                if (!CStrings.prefixIs(node.name(), baseLength, "pci")
                        && !CStrings.prefixIs(node.name(), baseLength, "pcie")) {
                    ctx.fail(node, "node name is not \"pci\" or \"pcie\"");
                }
                if (!n.hasProperty("ranges")) {
                    ctx.fail(node, "missing ranges for PCI bridge (or not a bridge)");
                }
                if (n.addressCellsOrDefault() != 3) {
                    ctx.fail(node, "incorrect #address-cells for PCI bridge");
                }
                if (n.sizeCellsOrDefault() != 2) {
                    ctx.fail(node, "incorrect #size-cells for PCI bridge");
                }
                Optional<Property> busRange = n.property("bus-range");
                if (busRange.isEmpty()) {
                    return;
                }
                PropertyValue v = busRange.get().value();
                if (v.length() != 8) {
                    ctx.failProperty(node, busRange.get(), "value must be 2 cells");
                    return;
                }
                if (v.u32At(0) > v.u32At(4)) {
                    ctx.failProperty(node, busRange.get(), "1st cell must be less than or equal to 2nd cell");
                }
                if (v.u32At(4) > 0xff) {
                    ctx.failProperty(node, busRange.get(), "maximum bus number must be less than 256");
                }
            }, "device_type_is_string", "addr_size_cells");

    /**
     * dtc reports this on the child, but with the parent's bus-range property (or none). dtc 1.6.1
     * takes both ends of the range from bus-range's first cell (fixed in 1.7.0).
     */
    static final CheckDefinition PCI_DEVICE_BUS_NUM = CheckDefinition.warning("pci_device_bus_num",
            Candidates.childrenOfBus(Bus.PCI), (ctx, n) -> {
                if (n.isRoot() || n.parentOrThrow().bus() != Bus.PCI) {
                    return;
                }
                Node node = n.node();
                Optional<Property> reg = n.property("reg");
                if (reg.isEmpty()) {
                    return;
                }
                long busNumber = (Cells.first(reg.get().value()) & 0x00ff0000L) >> 16;
                Optional<Property> busRange = n.parentOrThrow().property("bus-range");
                long min = busRange.map(p -> Cells.cell(p.value(), 0)).orElse(0L);
                long max = busRange.map(p -> Cells.cell(p.value(), 0)).orElse(0L); // sic: dtc 1.6.1 reads cell 0 twice
                if (busNumber < min || busNumber > max) {
                    ctx.failProperty(node, busRange, "PCI bus number " + busNumber + " out of range, expected ("
                            + (int) min + " - " + (int) max + ")");
                }
            }, "reg_format", "pci_bridge");

    static final CheckDefinition PCI_DEVICE_REG = CheckDefinition.warning("pci_device_reg",
            Candidates.childrenOfBus(Bus.PCI), (ctx, n) -> {
                if (n.isRoot() || n.parentOrThrow().bus() != Bus.PCI) {
                    return;
                }
                Node node = n.node();
                Optional<Property> found = n.property("reg");
                if (found.isEmpty()) {
                    return;
                }
                Property reg = found.get();
                PropertyValue v = reg.value();
                if (Cells.cell(v, 1) != 0 || Cells.cell(v, 2) != 0) {
                    ctx.failProperty(node, reg, "PCI reg config space address cells 2 and 3 must be 0");
                }
                long address = Cells.cell(v, 0);
                long device = (address & 0xf800) >> 11;
                long function = (address & 0x700) >> 8;
                if ((address & 0xff000000L) != 0) {
                    ctx.failProperty(node, reg, "PCI reg address is not configuration space");
                }
                if ((address & 0xff) != 0) {
                    ctx.failProperty(node, reg, "PCI reg config space address register number must be 0");
                }
                String unit = node.unitAddress();
                if (function == 0 && unit.equals(Long.toHexString(device))) {
                    return;
                }
                String expected = Long.toHexString(device) + "," + Long.toHexString(function);
                if (unit.equals(expected)) {
                    return;
                }
                ctx.fail(node, "PCI unit address format error, expected \"" + expected + "\"");
            }, "reg_format", "pci_bridge");
}
