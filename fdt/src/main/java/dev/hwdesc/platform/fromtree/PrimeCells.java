package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Pl031;
import dev.hwdesc.platform.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ARM PrimeCell devices: PL011 UARTs (serial/pl011.yaml), the PL031 RTC and PL061 GPIO
 * controllers, each one region and one interrupt, clocked by the peripheral clock. Their clocks
 * and clock-names are taken when they say exactly that (as a rendering of the model writes them);
 * otherwise they are listed. A PL011 or PL061 may be secure-only.
 */
final class PrimeCells {

    /** A PL061 before its lines are known. */
    record Gpio(Node node, Region mmio, Interrupt interrupt, boolean secure) {
    }

    private final ReadContext ctx;
    private final Optional<Node> clock;

    PrimeCells(ReadContext ctx, Optional<Node> clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    /** The normal world's UARTs (committed) with their nodes, in tree order, and the secure world's, not yet committed. */
    record Uarts(List<Pl011> uarts, List<Node> nodes, Optional<ReadContext.Attempt<Pl011>> secure) {
    }

    /** The normal world's PL061 (committed), and the secure world's, not yet committed. */
    record Gpios(Optional<Gpio> normal, Optional<ReadContext.Attempt<Gpio>> secure) {
    }

    Uarts uarts() {
        List<Pl011> uarts = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Optional<ReadContext.Attempt<Pl011>> secure = Optional.empty();
        for (Node n : ctx.all(NodeRole.PL011)) {
            if (NodeStatus.of(n) == NodeStatus.SECURE_ONLY && secure.isPresent()) {
                ctx.unread(n, "a second secure-only UART: the secure world holds one");
                continue;
            }
            Optional<ReadContext.Attempt<Pl011>> a = uart(n);
            if (a.isPresent() && a.get().claim().secure()) {
                secure = a;
            } else if (a.isPresent()) {
                uarts.add(ctx.commit(a.get()));
                nodes.add(n);
            }
        }
        return new Uarts(uarts, nodes, secure);
    }

    Gpios gpios() {
        Optional<Gpio> normal = Optional.empty();
        Optional<ReadContext.Attempt<Gpio>> secure = Optional.empty();
        for (Node n : ctx.all(NodeRole.PL061)) {
            NodeStatus status = NodeStatus.of(n);
            boolean secureOnly = status == NodeStatus.SECURE_ONLY;
            if (secureOnly ? secure.isPresent() : status == NodeStatus.ENABLED && normal.isPresent()) {
                ctx.unread(n, "a second " + (secureOnly ? "secure-only " : "") + "PL061: the platform holds one of each world");
                continue;
            }
            Optional<ReadContext.Attempt<Gpio>> a = gpio(n);
            if (a.isPresent() && a.get().claim().secure()) {
                secure = a;
            } else if (a.isPresent()) {
                normal = Optional.of(ctx.commit(a.get()));
            }
        }
        return new Gpios(normal, secure);
    }

    /** A PL011, normal or secure-only, not yet committed. */
    private Optional<ReadContext.Attempt<Pl011>> uart(Node n) {
        return ctx.attempt(n, true, c -> {
            c.compatible("arm,pl011", "arm,primecell");
            Region mmio = DeviceParts.firstRegion(ctx, c);
            Interrupt irq = DeviceParts.firstInterrupt(ctx, c);
            clocks(c, List.of("uartclk", "apb_pclk"));
            return new Pl011(mmio, irq, c.secure());
        });
    }

    Optional<Pl031> rtc() {
        return ctx.single(NodeRole.PL031, "PL031 RTC").flatMap(n -> ctx.read(n, c -> {
            c.compatible("arm,pl031", "arm,primecell");
            Region mmio = DeviceParts.firstRegion(ctx, c);
            Interrupt irq = DeviceParts.firstInterrupt(ctx, c);
            clocks(c, List.of("apb_pclk"));
            return new Pl031(mmio, irq);
        }));
    }

    /** A PL061, normal or secure-only, not yet committed. */
    private Optional<ReadContext.Attempt<Gpio>> gpio(Node n) {
        return ctx.attempt(n, true, c -> {
            c.compatible("arm,pl061", "arm,primecell");
            Region mmio = DeviceParts.firstRegion(ctx, c);
            Interrupt irq = DeviceParts.firstInterrupt(ctx, c);
            if (!c.flag("gpio-controller")) {
                throw new Malformed("no gpio-controller");
            }
            if (c.u32("#gpio-cells") != 2) {
                throw new Malformed("#gpio-cells should be 2 (line, flags)");
            }
            clocks(c, List.of("apb_pclk"));
            return new Gpio(n, mmio, irq, c.secure());
        });
    }

    /** Takes clocks and clock-names when they name the peripheral clock once per name, in {@code names}' order. */
    private void clocks(Claim c, List<String> names) throws Malformed {
        if (c.node().hasProperty("clocks")) {
            Cells cells = c.cells("clocks");
            boolean peripheral = clock.isPresent() && cells.size() == names.size();
            for (int i = 0; peripheral && i < cells.size(); i++) {
                peripheral = ctx.phandles.node(cells.u32(i)).equals(clock);
            }
            if (!peripheral) {
                c.leave("clocks", "not kept: the platform model clocks it with the peripheral clock"
                        + clock.map(n -> " " + n.fullPath()).orElse(", and there is none") + ", " + names.size() + " time(s)");
            }
        }
        if (c.node().hasProperty("clock-names") && !c.strings("clock-names").equals(names)) {
            c.leave("clock-names", "not kept: the platform model names its clocks " + Claim.quoted(names));
        }
    }
}
