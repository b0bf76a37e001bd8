package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.platform.Chosen;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.RngSeed;
import java.util.List;
import java.util.Optional;

/**
 * /chosen (chosen.yaml): bootargs, the initrd (linux,initrd-start and -end, 1 or 2 cells each), the
 * seeds (kaslr-seed, one 64-bit value; rng-seed, bytes), and
 * stdout-path resolved, through /aliases when it names an alias, to one of the platform's UARTs; and
 * /secure-chosen's stdout-path, which must name the secure world's UART. Console options after ':'
 * are not kept (the stdout-path is listed with them).
 */
final class ChosenNodes {

    private ChosenNodes() {
    }

    /** /chosen, with the console as an index into {@code uarts} (nodes in the order of the platform's UARTs). */
    static Chosen read(ReadContext ctx, List<Node> uarts) {
        return ctx.single(NodeRole.CHOSEN, "/chosen").flatMap(n -> ctx.read(n, c -> {
            Optional<String> bootargs = c.optionalString("bootargs");
            Optional<Region> initrd = initrd(c);
            Optional<Integer> console = Optional.empty();
            if (n.hasProperty("stdout-path")) {
                Optional<Node> uart = stdout(ctx, c);
                console = uart.map(uarts::indexOf).filter(i -> i >= 0);
                if (uart.isPresent() && console.isEmpty()) {
                    c.leave("stdout-path", "names " + uart.get().fullPath() + ", which is not a UART the platform holds");
                }
            }
            Optional<Long> kaslrSeed = c.take("kaslr-seed").filter(v -> v.length() == 8)
                    .map(v -> v.u32At(0) << 32 | v.u32At(4));
            if (n.hasProperty("kaslr-seed") && kaslrSeed.isEmpty()) {
                c.leave("kaslr-seed", "not one 64-bit value");
            }
            Optional<RngSeed> rngSeed = c.take("rng-seed").filter(v -> !v.isEmpty()).map(v -> new RngSeed(v.toByteArray()));
            if (n.hasProperty("rng-seed") && rngSeed.isEmpty()) {
                c.leave("rng-seed", "empty");
            }
            return new Chosen(bootargs, initrd, console, kaslrSeed, rngSeed);
        })).orElse(Chosen.none());
    }

    /** /secure-chosen: its stdout-path is taken when it names {@code secureUart}. */
    static void readSecure(ReadContext ctx, Optional<Node> secureUart) {
        ctx.single(NodeRole.SECURE_CHOSEN, "/secure-chosen").ifPresent(n -> ctx.read(n, c -> {
            if (n.hasProperty("stdout-path")) {
                Optional<Node> uart = stdout(ctx, c);
                if (uart.isPresent() && !uart.equals(secureUart)) {
                    c.leave("stdout-path", "names " + uart.get().fullPath() + ", which is not the secure world's UART");
                }
            }
            return n;
        }));
    }

    /** The node stdout-path names (a path, or an alias), taken; empty (and left) when it names none. */
    private static Optional<Node> stdout(ReadContext ctx, Claim c) throws Malformed {
        String value = c.string("stdout-path");
        int colon = value.indexOf(':');
        String target = colon < 0 ? value : value.substring(0, colon);
        Optional<Node> node;
        if (target.startsWith("/")) {
            node = ctx.index.byPath(target);
        } else {
            Optional<Node> aliases = ctx.roles.all(NodeRole.ALIASES).stream().findFirst();
            Optional<Property> alias = aliases.flatMap(a -> a.property(target));
            node = alias.filter(p -> p.value().isOneString()).flatMap(p -> ctx.index.byPath(p.value().firstString()));
            if (node.isPresent()) {
                c.takeOther(aliases.get(), alias.get());
            }
        }
        if (node.isEmpty()) {
            c.leave("stdout-path", "\"" + target + "\" names no node");
        } else if (colon >= 0) {
            c.leave("stdout-path", "the console options \"" + value.substring(colon + 1) + "\" are not kept");
        }
        return node;
    }

    private static Optional<Region> initrd(Claim c) throws Malformed {
        if (!c.pair("linux,initrd-start", "linux,initrd-end")) {
            return Optional.empty();
        }
        long from = c.optionalNumber("linux,initrd-start").orElseThrow();
        long to = c.optionalNumber("linux,initrd-end").orElseThrow();
        if (Long.compareUnsigned(to, from) < 0) {
            String why = String.format("the initrd would end (0x%x) before it starts (0x%x)", to, from);
            c.leave("linux,initrd-start", why);
            c.leave("linux,initrd-end", why);
            return Optional.empty();
        }
        return Optional.of(new Region(from, to - from));
    }
}
