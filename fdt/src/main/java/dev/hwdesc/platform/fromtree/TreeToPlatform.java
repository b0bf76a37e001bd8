package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Chosen;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Pl061;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.SecureWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads any device tree into a {@link Platform}, and lists beside it every node and property the
 * platform does not hold, each with the reason: nothing is dropped silently, and a malformed input
 * (wrong lengths, dangling phandles, an interrupt parent that is not the GIC) is listed, never thrown.
 *
 * <p>The order is the order of dependence: the CPUs (the GIC's limits depend on their count), the
 * GIC (every interrupt is read against it), the clock (the PrimeCells' clocks name it), then the
 * devices, the secure world (RAM, UART and GPIO, accepted together), the GPIO lines, /chosen (which
 * names a UART) and PSCI (whose IDs tell the architecture).
 */
public final class TreeToPlatform {

    private TreeToPlatform() {
    }

    public static PlatformReading read(DeviceTree tree) {
        ReadContext ctx = new ReadContext(tree);
        Platform.Builder p = Platform.builder();
        Node root = tree.root();

        CpuNodes.Result cpus = CpuNodes.read(ctx);
        cpus.cpus().forEach(p::cpu);
        p.topology(cpus.topology());
        Optional<GicNodes.Result> gic = GicNodes.read(ctx, cpus.cpus().size());
        gic.ifPresent(g -> p.gic(g.gic()));
        ctx.read(root, TreeToPlatform::rootNode).ifPresent(r -> {
            r.model().ifPresent(p::model);
            p.compatible(r.compatible());
        });

        Optional<FixedClockNode.Result> clock = FixedClockNode.read(ctx);
        clock.ifPresent(c -> p.peripheralClock(c.clock()));
        TimerNode.read(ctx).ifPresent(p::timer);
        PmuNode.read(ctx).ifPresent(p::pmu);
        MemoryNodes.Result memory = MemoryNodes.read(ctx);
        memory.ram().forEach(p::memory);
        DistanceMap.read(ctx).ifPresent(p::numaDistances);

        PrimeCells cells = new PrimeCells(ctx, clock.map(FixedClockNode.Result::node));
        PrimeCells.Uarts uarts = cells.uarts();
        uarts.uarts().forEach(p::uart);
        cells.rtc().ifPresent(p::rtc);
        PrimeCells.Gpios gpio = cells.gpios();
        Optional<SecureParts> secure = SecureParts.accept(ctx, memory.secureRam(), uarts.secure(), gpio.secure());
        List<PrimeCells.Gpio> controllers = new ArrayList<>();
        gpio.normal().ifPresent(controllers::add);
        secure.flatMap(SecureParts::gpio).ifPresent(controllers::add);
        Map<Node, List<Pl061.GpioLine>> lines = new GpioLines(ctx, controllers).read();
        gpio.normal().ifPresent(g -> p.gpio(pl061(g, lines)));
        secure.ifPresent(s -> p.secureWorld(new SecureWorld(s.ram(), s.uart(), s.gpio().map(g -> pl061(g, lines)))));

        SimpleDevices.virtioMmio(ctx).forEach(p::virtioMmio);
        Optional<SimpleDevices.Smmu> smmu = SimpleDevices.smmu(ctx);
        smmu.ifPresent(s -> p.smmu(s.smmu()));
        PcieHostNode.read(ctx, gic.flatMap(GicNodes.Result::msiController), smmu.map(SimpleDevices.Smmu::node))
                .ifPresent(p::pcie);
        SimpleDevices.fwCfg(ctx).ifPresent(p::fwCfg);
        FlashNodes.read(ctx).ifPresent(p::flash);
        SimpleDevices.platformBus(ctx).ifPresent(p::platformBus);
        SimpleDevices.xen(ctx).ifPresent(p::xen);

        Chosen chosen = ChosenNodes.read(ctx, uarts.nodes());
        p.chosen(chosen);
        ChosenNodes.readSecure(ctx, secure.map(SecureParts::uartNode));
        PsciNode.Result psci = PsciNode.read(ctx, cpus.cpus());
        psci.psci().ifPresent(p::psci);
        p.architecture(psci.architecture());

        return new PlatformReading(p.build(), ctx.coverage.report(tree.reservations(), ctx.index.nodes()));
    }

    private record Root(Optional<String> model, List<String> compatible) {
    }

    /** The root's model and compatible; either, malformed, is listed rather than failing the root. */
    private static Root rootNode(Claim c) {
        Node root = c.node();
        Optional<String> model = Optional.empty();
        List<String> compatible = List.of();
        try {
            model = c.optionalString("model");
        } catch (Malformed m) {
            c.leave("model", m.getMessage());
        }
        try {
            compatible = root.hasProperty("compatible") ? c.strings("compatible") : List.of();
        } catch (Malformed m) {
            c.leave("compatible", m.getMessage());
        }
        return new Root(model, compatible);
    }

    private static Pl061 pl061(PrimeCells.Gpio g, Map<Node, List<Pl061.GpioLine>> lines) {
        return new Pl061(g.mmio(), g.interrupt(), g.secure(), lines.getOrDefault(g.node(), List.of()));
    }

    /** The secure world's RAM, UART and GPIO, committed together or not at all. */
    private record SecureParts(Region ram, Pl011 uart, Node uartNode, Optional<PrimeCells.Gpio> gpio) {

        static Optional<SecureParts> accept(ReadContext ctx, Optional<ReadContext.Attempt<Region>> ram,
                Optional<ReadContext.Attempt<Pl011>> uart, Optional<ReadContext.Attempt<PrimeCells.Gpio>> gpio) {
            if (ram.isPresent() && uart.isPresent()) {
                Optional<PrimeCells.Gpio> g = gpio.map(ctx::commit);
                return Optional.of(new SecureParts(ctx.commit(ram.get()), ctx.commit(uart.get()), uart.get().claim().node(), g));
            }
            String why = "the secure world needs secure-only RAM and a secure-only UART, and the tree has not both";
            ram.ifPresent(a -> ctx.unread(a.claim().node(), why));
            uart.ifPresent(a -> ctx.unread(a.claim().node(), why));
            gpio.ifPresent(a -> ctx.unread(a.claim().node(), why));
            return Optional.empty();
        }
    }
}
