package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Region;
import java.util.List;
import java.util.Optional;

/** The parts most devices have: one MMIO region and one interrupt, or optionally one. */
final class DeviceParts {

    private DeviceParts() {
    }

    /** The first region of reg, as a CPU address; more regions are left as not kept. */
    static Region firstRegion(ReadContext ctx, Claim c) throws Malformed {
        List<Region> regions = ctx.addresses.reg(c);
        if (regions.size() > 1) {
            c.leave("reg", "only the first of its " + regions.size() + " regions is kept");
        }
        return regions.get(0);
    }

    /** The first interrupt; more are left as not kept. */
    static Interrupt firstInterrupt(ReadContext ctx, Claim c) throws Malformed {
        List<Interrupt> irqs = ctx.interrupts.of(c);
        if (irqs.size() > 1) {
            c.leave(interruptProperty(c), "only the first of its " + irqs.size() + " interrupts is kept");
        }
        return irqs.get(0);
    }

    /** The first interrupt, if the node has interrupts at all. */
    static Optional<Interrupt> optionalInterrupt(ReadContext ctx, Claim c) throws Malformed {
        if (!c.node().hasProperty("interrupts") && !c.node().hasProperty("interrupts-extended")) {
            return Optional.empty();
        }
        return Optional.of(firstInterrupt(ctx, c));
    }

    /** The property the interrupts came from. */
    static String interruptProperty(Claim c) {
        return c.node().hasProperty("interrupts-extended") ? "interrupts-extended" : "interrupts";
    }

    /** A cell read as a non-negative int, or why not. */
    static int toInt(long value, String what) throws Malformed {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new Malformed(what + " " + value + " is out of range");
        }
        return (int) value;
    }
}
