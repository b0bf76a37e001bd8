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
        ctx.read(root, c -> {
            c.optionalString("model").ifPresent(p::model);
            if (root.hasProperty("compatible")) {
                p.compatible(c.strings("compatible"));
            }
            return root;
        });

        Optional<FixedClockNode.Result> clock = FixedClockNode.read(ctx);
        clock.ifPresent(c -> p.peripheralClock(c.clock()));
        TimerNode.read(ctx).ifPresent(p::timer);
        PmuNode.read(ctx).ifPresent(p::pmu);
        MemoryNodes.Result memory = MemoryNodes.read(ctx);
        memory.ram().forEach(p::memory);
        DistanceMap.read(ctx).ifPresent(p::numaDistances);

        PrimeCells cells = new PrimeCells(ctx, clock.map(FixedClockNode.Result::node));
        List<Node> uartNodes = new ArrayList<>();
        Optional<ReadContext.Attempt<Pl011>> secureUart = Optional.empty();
        for (Node n : ctx.all(NodeRole.PL011)) {
            if (NodeStatus.of(n) == NodeStatus.SECURE_ONLY && secureUart.isPresent()) {
                ctx.unread(n, "a second secure-only UART: the secure world holds one");
                continue;
            }
            Optional<ReadContext.Attempt<Pl011>> a = cells.uart(n);
            if (a.isPresent() && a.get().claim().secure()) {
                secureUart = a;
            } else if (a.isPresent()) {
                p.uart(ctx.commit(a.get()));
                uartNodes.add(n);
            }
        }
        cells.rtc().ifPresent(p::rtc);
        List<PrimeCells.Gpio> gpios = new ArrayList<>();
        Optional<ReadContext.Attempt<PrimeCells.Gpio>> secureGpio = Optional.empty();
        for (Node n : ctx.all(NodeRole.PL061)) {
            NodeStatus status = NodeStatus.of(n);
            boolean secure = status == NodeStatus.SECURE_ONLY;
            if (secure ? secureGpio.isPresent() : status == NodeStatus.ENABLED && !gpios.isEmpty()) {
                ctx.unread(n, "a second " + (secure ? "secure-only " : "") + "PL061: the platform holds one of each world");
                continue;
            }
            Optional<ReadContext.Attempt<PrimeCells.Gpio>> a = cells.gpio(n);
            if (a.isPresent() && a.get().claim().secure()) {
                secureGpio = a;
            } else if (a.isPresent()) {
                gpios.add(ctx.commit(a.get()));
            }
        }
        Optional<SecureParts> secure = SecureParts.accept(ctx, memory.secureRam(), secureUart, secureGpio);
        secure.flatMap(SecureParts::gpio).ifPresent(gpios::add);
        Map<Node, List<Pl061.GpioLine>> lines = new GpioLines(ctx, gpios).read();
        Optional<Pl061> normalGpio = Optional.empty();
        Optional<Pl061> secureWorldGpio = Optional.empty();
        for (PrimeCells.Gpio g : gpios) {
            Pl061 pl061 = new Pl061(g.mmio(), g.interrupt(), g.secure(), lines.getOrDefault(g.node(), List.of()));
            if (g.secure()) {
                secureWorldGpio = Optional.of(pl061);
            } else {
                normalGpio = Optional.of(pl061);
            }
        }
        normalGpio.ifPresent(p::gpio);
        Optional<Pl061> secureGpioRecord = secureWorldGpio;
        secure.ifPresent(s -> p.secureWorld(new SecureWorld(s.ram(), s.uart(), secureGpioRecord)));

        SimpleDevices.virtioMmio(ctx).forEach(p::virtioMmio);
        Optional<SimpleDevices.Smmu> smmu = SimpleDevices.smmu(ctx);
        smmu.ifPresent(s -> p.smmu(s.smmu()));
        PcieHostNode.read(ctx, gic.flatMap(GicNodes.Result::msiController), smmu.map(SimpleDevices.Smmu::node))
                .ifPresent(p::pcie);
        SimpleDevices.fwCfg(ctx).ifPresent(p::fwCfg);
        FlashNodes.read(ctx).ifPresent(p::flash);
        SimpleDevices.platformBus(ctx).ifPresent(p::platformBus);
        SimpleDevices.xen(ctx).ifPresent(p::xen);

        Chosen chosen = ChosenNodes.read(ctx, uartNodes);
        p.chosen(chosen);
        ChosenNodes.readSecure(ctx, secure.map(SecureParts::uartNode));
        PsciNode.Result psci = PsciNode.read(ctx, cpus.cpus());
        psci.psci().ifPresent(p::psci);
        p.architecture(psci.architecture());

        return new PlatformReading(p.build(), ctx.coverage.report(tree.reservations(), ctx.index.nodes()));
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
