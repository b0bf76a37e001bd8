package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Pl061;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PL061 lines are wired to: a gpio-keys key reporting KEY_POWER (input/gpio-keys.yaml), and
 * gpio-poweroff and gpio-restart (power/reset/). Each names its controller and line in gpios
 * (active high only); a secure-only line must be on a secure-only controller and the other way round.
 */
final class GpioLines {

    /** linux,code of the power key: KEY_POWER (include/uapi/linux/input-event-codes.h). */
    static final long KEY_POWER = 116;

    private final ReadContext ctx;
    private final Map<Node, PrimeCells.Gpio> controllers = new IdentityHashMap<>();
    private final Map<Node, List<Pl061.GpioLine>> lines = new IdentityHashMap<>();

    GpioLines(ReadContext ctx, List<PrimeCells.Gpio> controllers) {
        this.ctx = ctx;
        controllers.forEach(g -> this.controllers.put(g.node(), g));
    }

    /** Reads every key and power line, then gives each controller its lines (in the order of Use, then line). */
    Map<Node, List<Pl061.GpioLine>> read() {
        for (Node keys : ctx.all(NodeRole.GPIO_KEYS)) {
            ctx.read(keys, c -> {
                c.compatible("gpio-keys");
                int read = 0;
                for (Node key : keys.children()) {
                    if (ctx.read(key, k -> powerKey(k)).isPresent()) {
                        read++;
                    }
                }
                if (read == 0) {
                    throw new Malformed("no power key read among its keys");
                }
                return read;
            });
        }
        for (NodeRole role : List.of(NodeRole.GPIO_POWEROFF, NodeRole.GPIO_RESTART)) {
            Pl061.Use use = role == NodeRole.GPIO_POWEROFF ? Pl061.Use.POWEROFF : Pl061.Use.RESTART;
            for (Node n : ctx.all(role)) {
                ctx.readEitherWorld(n, c -> {
                    c.compatible(role == NodeRole.GPIO_POWEROFF ? "gpio-poweroff" : "gpio-restart");
                    return line(c, use);
                });
            }
        }
        Comparator<Pl061.GpioLine> order = Comparator.comparing(Pl061.GpioLine::use).thenComparingInt(Pl061.GpioLine::line);
        lines.values().forEach(l -> l.sort(order));
        return lines;
    }

    private Pl061.GpioLine powerKey(Claim c) throws Malformed {
        long code = c.u32("linux,code");
        if (code != KEY_POWER) {
            throw new Malformed("linux,code " + code + " is not KEY_POWER (" + KEY_POWER + ")");
        }
        c.optionalString("label"); // a name for people, like a node's name
        return line(c, Pl061.Use.POWER_KEY);
    }

    /** The line gpios names, recorded on its controller. */
    private Pl061.GpioLine line(Claim c, Pl061.Use use) throws Malformed {
        Cells gpios = c.cells("gpios");
        if (gpios.size() != 3) {
            throw new Malformed("gpios: " + gpios.size() + " cells; one PL061 line is <controller line flags>");
        }
        Node controller = ctx.phandles.node(gpios, 0);
        PrimeCells.Gpio gpio = controllers.get(controller);
        if (gpio == null) {
            throw new Malformed("gpios: " + controller.fullPath() + " is not a PL061 that was read");
        }
        if (gpio.secure() != c.secure()) {
            throw new Malformed("gpios: a " + (c.secure() ? "secure-only" : "normal-world") + " line on a "
                    + (gpio.secure() ? "secure-only" : "normal-world") + " controller");
        }
        if (gpios.u32(2) != 0) {
            throw new Malformed(String.format("gpios: flags 0x%x; only an active-high line (0) is kept", gpios.u32(2)));
        }
        if (gpios.u32(1) > 7) {
            throw new Malformed("gpios: line " + gpios.u32(1) + "; a PL061 has lines 0-7");
        }
        Pl061.GpioLine line = new Pl061.GpioLine(use, (int) gpios.u32(1));
        lines.computeIfAbsent(controller, k -> new ArrayList<>()).add(line);
        return line;
    }
}
