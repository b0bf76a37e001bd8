package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.Interrupt;

/**
 * A GIC interrupt specifier (interrupt-controller/arm,gic.yaml and arm,gic-v3.yaml): type (0 SPI,
 * 1 PPI), number, flags (trigger in bits 3:0, the GICv2 PPI CPU mask in bits 15:8), and with
 * #interrupt-cells 4 a PPI partition phandle, which must be 0 here.
 */
final class GicSpecifier {

    private GicSpecifier() {
    }

    /** The interrupt in {@code cells} at {@code at}, {@code width} (3 or 4) cells long. */
    static Interrupt decode(Cells cells, int at, int width) throws Malformed {
        long type = cells.u32(at);
        long number = cells.u32(at + 1);
        long flags = cells.u32(at + 2);
        Interrupt.Kind kind;
        if (type == 0) {
            kind = Interrupt.Kind.SPI;
        } else if (type == 1) {
            kind = Interrupt.Kind.PPI;
        } else if (type == 2 || type == 3) {
            throw new Malformed(cells.name() + ": an extended " + (type == 2 ? "SPI" : "PPI") + " (type " + type
                    + ") is not kept: the platform holds SPIs and PPIs");
        } else {
            throw new Malformed(cells.name() + ": interrupt type " + type + " is not SPI (0) or PPI (1)");
        }
        if (number > Integer.MAX_VALUE) {
            throw new Malformed(cells.name() + ": interrupt number " + number + " is out of range");
        }
        Interrupt.Trigger trigger = trigger(cells.name(), flags);
        if ((flags & ~0xff0fL) != 0) {
            throw new Malformed(String.format("%s: flags 0x%x set bits the binding does not define", cells.name(), flags));
        }
        if (width == 4 && cells.u32(at + 3) != 0) {
            throw new Malformed(cells.name() + ": a PPI partition (4th cell) is not kept");
        }
        return new Interrupt(kind, (int) number, trigger, (int) (flags >> 8) & 0xff);
    }

    private static Interrupt.Trigger trigger(String name, long flags) throws Malformed {
        for (Interrupt.Trigger t : Interrupt.Trigger.values()) {
            if (t.bits() == (flags & 0xf)) {
                return t;
            }
        }
        throw new Malformed(String.format("%s: flags 0x%x name no single trigger type (1, 2, 4 or 8 in bits 3:0)", name, flags));
    }
}
