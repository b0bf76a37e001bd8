package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Interrupt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PCI host's interrupt-map read as the standard swizzle (pci/pci.txt, the PCI-to-PCI bridge rule):
 * interrupt-map-mask <0x1800 0 0 7>, and for slots 0-3 and pins INTA-INTD one entry each to a GIC
 * SPI, slot s pin p on the SPI of slot 0 pin (s + p) mod 4. Anything else is not the model's, and
 * the reason says what differs.
 */
final class PciInterruptMap {

    /** The four INTx interrupts (INTA..INTD of slot 0), or why the map is not the standard swizzle. */
    record Result(List<Interrupt> intx, Optional<String> notStandard) {
        static Result not(String why) {
            return new Result(List.of(), Optional.of(why));
        }
    }

    private PciInterruptMap() {
    }

    static Result read(ReadContext ctx, Node host) {
        try {
            return new Result(swizzle(ctx, host), Optional.empty());
        } catch (Malformed m) {
            return Result.not(m.getMessage());
        }
    }

    private static List<Interrupt> swizzle(ReadContext ctx, Node host) throws Malformed {
        Cells mask = Cells.of(host.property("interrupt-map-mask").orElseThrow(() -> new Malformed("no interrupt-map-mask")));
        if (mask.size() != 4 || mask.u32(0) != 0x1800 || mask.u32(1) != 0 || mask.u32(2) != 0 || mask.u32(3) != 7) {
            throw new Malformed("interrupt-map-mask is not <0x1800 0 0 7>");
        }
        if (host.value("#interrupt-cells").filter(v -> v.length() == 4 && v.u32At(0) == 1).isEmpty()) {
            throw new Malformed("#interrupt-cells is not 1");
        }
        Cells map = Cells.of(host.property("interrupt-map").orElseThrow(() -> new Malformed("no interrupt-map")));
        Interrupt[][] table = new Interrupt[4][4];
        int at = 0;
        while (at < map.size()) {
            if (at + 5 > map.size()) {
                throw new Malformed("interrupt-map: the last entry is cut short");
            }
            long unit = map.u32(at);
            long pin = map.u32(at + 3);
            if ((unit & ~0x1800L) != 0 || map.u32(at + 1) != 0 || map.u32(at + 2) != 0 || pin < 1 || pin > 4) {
                throw new Malformed(String.format("interrupt-map: an entry for <0x%x 0x%x 0x%x> pin %d is not of slots 0-3, pins 1-4",
                        unit, map.u32(at + 1), map.u32(at + 2), pin));
            }
            Node controller = ctx.phandles.node(map, at + 4);
            ctx.interrupts.requireGic(controller);
            // The parent's unit address has its #address-cells, 0 when absent (of_irq_parse_raw).
            int unitCells = controller.hasProperty("#address-cells") ? Addresses.addressCells(controller) : 0;
            int width = 5 + unitCells + ctx.interrupts.gicCells();
            if (at + width > map.size()) {
                throw new Malformed("interrupt-map: the last entry is cut short");
            }
            for (int i = 0; i < unitCells; i++) {
                if (map.u32(at + 5 + i) != 0) {
                    throw new Malformed("interrupt-map: a GIC unit address that is not 0");
                }
            }
            int slot = (int) (unit >> 11);
            if (table[slot][(int) pin - 1] != null) {
                throw new Malformed("interrupt-map: slot " + slot + " pin " + pin + " is mapped twice");
            }
            table[slot][(int) pin - 1] = GicSpecifier.decode(map, at + 5 + unitCells, ctx.interrupts.gicCells());
            at += width;
        }
        List<Interrupt> intx = new ArrayList<>(4);
        for (int p = 0; p < 4; p++) {
            intx.add(table[0][p]);
        }
        for (int s = 0; s < 4; s++) {
            for (int p = 0; p < 4; p++) {
                if (table[s][p] == null || !table[s][p].equals(intx.get((s + p) % 4))) {
                    throw new Malformed("interrupt-map is not the standard swizzle (slot " + s + ", pin " + (p + 1) + ")");
                }
            }
        }
        return intx;
    }
}
