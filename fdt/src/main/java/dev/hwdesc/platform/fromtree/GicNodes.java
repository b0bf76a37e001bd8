package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.SpiRange;
import java.util.List;
import java.util.Optional;

/**
 * The platform's GIC (arm,gic.yaml for v2, arm,gic-v3.yaml for v3): the one the root's
 * interrupt-parent names, else the first; its regions, its maintenance interrupt, and its MSI
 * child (a GICv2m frame or a GICv3 ITS). Every other interrupt is read against it, so it is read
 * first; if it cannot be, no interrupt can.
 */
final class GicNodes {

    /** The GIC, and the node of its MSI controller (what a PCIe host's msi-map must name). */
    record Result(InterruptController gic, Optional<Node> msiController) {
    }

    private record V2Core(Region dist, Region cpu, Optional<Region> gich, Optional<Region> gicv, Optional<Interrupt> maintenance) {
    }

    private record V3Core(Region dist, List<Region> redistributors, Optional<Long> stride, Optional<Interrupt> maintenance) {
    }

    private record Msi(Region frame, Optional<SpiRange> spis) {
    }

    private GicNodes() {
    }

    static Optional<Result> read(ReadContext ctx, int cpus) {
        Optional<Node> gic = choose(ctx);
        if (gic.isEmpty()) {
            return Optional.empty();
        }
        Node node = gic.get();
        boolean v3 = ctx.roles.is(node, NodeRole.GIC_V3);
        ctx.interrupts.useGic(node, interruptCells(node));
        Optional<Result> result = v3 ? readV3(ctx, node) : readV2(ctx, node, cpus);
        if (result.isEmpty()) {
            ctx.interrupts.gicFailed("not read");
        }
        NodeRole ownMsi = v3 ? NodeRole.GIC_V3_ITS : NodeRole.GIC_V2M;
        for (NodeRole child : List.of(NodeRole.GIC_V2M, NodeRole.GIC_V3_ITS)) {
            for (Node n : ctx.all(child)) {
                if (n.parent().orElse(null) != node || result.isEmpty() || child != ownMsi) {
                    ctx.unread(n, "not an MSI controller of the platform's GIC, as read");
                }
            }
        }
        return result;
    }

    /** The root's interrupt-parent if it is a GIC, else the first enabled GIC; the others are listed. */
    private static Optional<Node> choose(ReadContext ctx) {
        List<Node> gics = ctx.roles.gics().stream().filter(n -> NodeStatus.of(n) == NodeStatus.ENABLED).toList();
        Optional<Node> rootParent = ctx.index.nodes().get(0).value("interrupt-parent")
                .filter(v -> v.length() == 4).flatMap(v -> ctx.phandles.node(v.u32At(0)));
        Optional<Node> chosen = rootParent.filter(gics::contains).or(() -> gics.stream().findFirst());
        for (Node n : ctx.roles.gics()) {
            if (chosen.isPresent() && n != chosen.get()) {
                ctx.unread(n, NodeStatus.of(n) == NodeStatus.ENABLED ? "a second GIC: the platform holds one"
                        : "not enabled (" + NodeStatus.describe(n) + ")");
            }
        }
        return chosen;
    }

    /** #interrupt-cells as given (checked when the GIC is read); 3 when absent or unreadable. */
    private static int interruptCells(Node n) {
        return n.value("#interrupt-cells").filter(v -> v.length() == 4).map(v -> (int) Math.min(v.u32At(0), 4)).orElse(3);
    }

    private static Optional<Result> readV2(ReadContext ctx, Node node, int cpus) {
        Optional<V2Core> core = ctx.read(node, c -> {
            c.compatible("arm,cortex-a15-gic");
            controller(c, 3);
            if (cpus > GicV2.MAX_CPUS) {
                throw new Malformed("a GICv2 serves at most " + GicV2.MAX_CPUS + " CPUs; the tree has " + cpus);
            }
            List<Region> reg = ctx.addresses.reg(c);
            if (reg.size() < 2) {
                throw new Malformed("reg: " + reg.size() + " region; a GICv2 has a distributor and a CPU interface");
            }
            if (reg.size() == 3) {
                c.leave("reg", "a GICH region without a GICV region is not kept");
            } else if (reg.size() > 4) {
                c.leave("reg", "regions after the fourth are not kept");
            }
            boolean virt = reg.size() >= 4;
            return new V2Core(reg.get(0), reg.get(1), virt ? Optional.of(reg.get(2)) : Optional.empty(),
                    virt ? Optional.of(reg.get(3)) : Optional.empty(), DeviceParts.optionalInterrupt(ctx, c));
        });
        if (core.isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> msiNode = msiChild(ctx, node, NodeRole.GIC_V2M, "GICv2m frame");
        Optional<Msi> frame = msiNode.flatMap(n -> ctx.read(n, c -> {
            c.compatible("arm,gic-v2m-frame");
            c.flag("msi-controller");
            return new Msi(DeviceParts.firstRegion(ctx, c), spis(c));
        }));
        V2Core v = core.get();
        GicV2 gic = new GicV2(v.dist(), v.cpu(), v.gich(), v.gicv(),
                frame.map(f -> new GicV2.V2mFrame(f.frame(), f.spis())), v.maintenance());
        return Optional.of(new Result(gic, frame.flatMap(f -> msiNode)));
    }

    private static Optional<Result> readV3(ReadContext ctx, Node node) {
        Optional<V3Core> core = ctx.read(node, c -> {
            c.compatible("arm,gic-v3");
            controller(c, 4);
            long regions = c.optionalU32("#redistributor-regions").orElse(1L);
            List<Region> reg = ctx.addresses.reg(c);
            if (regions < 1 || regions > reg.size() - 1) {
                throw new Malformed("reg: " + reg.size() + " regions cannot hold a distributor and "
                        + regions + " redistributor regions");
            }
            int n = (int) regions;
            if (reg.size() > 1 + n) {
                c.leave("reg", "the " + (reg.size() - 1 - n) + " regions after the redistributors (GICC, GICH, GICV) are not kept");
            }
            return new V3Core(reg.get(0), reg.subList(1, 1 + n), c.optionalNumber("redistributor-stride"),
                    DeviceParts.optionalInterrupt(ctx, c));
        });
        if (core.isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> itsNode = msiChild(ctx, node, NodeRole.GIC_V3_ITS, "ITS");
        Optional<Region> its = itsNode.flatMap(n -> ctx.read(n, c -> {
            c.compatible("arm,gic-v3-its");
            c.flag("msi-controller");
            if (c.u32("#msi-cells") != 1) {
                throw new Malformed("#msi-cells should be 1");
            }
            return DeviceParts.firstRegion(ctx, c);
        }));
        V3Core v = core.get();
        GicV3 gic = new GicV3(v.dist(), v.redistributors(), v.stride(), its, v.maintenance());
        return Optional.of(new Result(gic, its.flatMap(r -> itsNode)));
    }

    /** interrupt-controller and #interrupt-cells (3, or up to {@code maxCells}). */
    private static void controller(Claim c, int maxCells) throws Malformed {
        c.flag("interrupt-controller");
        long cells = c.u32("#interrupt-cells");
        if (cells < 3 || cells > maxCells) {
            throw new Malformed("#interrupt-cells " + cells + "; this GIC's binding has " + (maxCells == 3 ? "3" : "3 or 4"));
        }
    }

    /** The first enabled MSI child of the GIC; the others are listed. */
    private static Optional<Node> msiChild(ReadContext ctx, Node gic, NodeRole role, String what) {
        Optional<Node> chosen = Optional.empty();
        for (Node n : ctx.all(role)) {
            if (n.parent().orElse(null) != gic) {
                continue; // listed by read()
            }
            if (NodeStatus.of(n) != NodeStatus.ENABLED) {
                ctx.unread(n, "not enabled (" + NodeStatus.describe(n) + ")");
            } else if (chosen.isEmpty()) {
                chosen = Optional.of(n);
            } else {
                ctx.unread(n, "a second " + what + ": the platform holds one");
            }
        }
        return chosen;
    }

    /**
     * arm,msi-base-spi (a GIC interrupt ID, as the frame's MSI_TYPER gives it: SPI n is ID n + 32)
     * and arm,msi-num-spis, which come together.
     */
    private static Optional<SpiRange> spis(Claim c) throws Malformed {
        if (!c.pair("arm,msi-base-spi", "arm,msi-num-spis")) {
            return Optional.empty();
        }
        long first = c.u32("arm,msi-base-spi");
        long n = c.u32("arm,msi-num-spis");
        if (first < 32 || first > 1019 || n > 988) {
            throw new Malformed("arm,msi-base-spi " + first + " and arm,msi-num-spis " + n + " are not SPI interrupt IDs (32-1019)");
        }
        return Optional.of(new SpiRange((int) first - 32, (int) n));
    }
}
