package dev.hwdesc.cli;

import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.MemoryMap;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.Sizes;
import dev.hwdesc.platform.VirtioMmio;
import java.util.ArrayList;
import java.util.List;

/** The one-screen summary {@code hwdesc generate} prints: CPUs, GIC, console, and the memory map by address. */
final class PlatformSummary {

    private record Entry(Region region, String what) {
    }

    private PlatformSummary() {
    }

    static String of(String profile, Platform p) {
        StringBuilder sb = new StringBuilder();
        long ram = p.memory().stream().mapToLong(m -> m.range().size()).sum();
        sb.append(String.format("%s: %s, %s%n", profile, p.architecture().configName(), Sizes.describe(ram) + " of RAM"));
        if (!p.cpus().isEmpty()) {
            Cpu first = p.cpus().get(0);
            CpuTopology t = p.topology();
            sb.append(String.format("  CPUs     %d x %s, MPIDR 0x%x-0x%x, %d socket(s) x %d cluster(s) x %d core(s) x %d thread(s)%n",
                    p.cpus().size(), first.compatible(), first.mpidr(), p.cpus().get(p.cpus().size() - 1).mpidr(),
                    t.sockets(), t.clusters(), t.cores(), t.threads()));
        }
        sb.append("  PSCI     ").append(p.psci().map(s -> "version " + s.version().name().substring(1).replace('_', '.')
                + " via " + s.method().text()).orElse("none (firmware at EL3 provides it, or no SMP)")).append('\n');
        p.gic().ifPresent(g -> {
            sb.append("  GIC      ");
            if (g instanceof GicV3 v3) {
                sb.append(String.format("GICv3, %d redistributor region(s)%s", v3.redistributorRegions().size(),
                        v3.its().map(i -> ", ITS").orElse(", no ITS")));
            } else if (g instanceof GicV2 v2) {
                sb.append("GICv2").append(v2.hypervisorInterface().isPresent() ? " with virtualization extensions" : "")
                        .append(v2.v2m().map(m -> ", v2m MSI frame" + m.spis().map(r -> String.format(" (SPI %d-%d)", r.first(),
                                r.first() + r.count() - 1)).orElse("")).orElse(""));
            }
            g.maintenance().ifPresent(m -> sb.append(", maintenance ").append(irq(m)));
            sb.append('\n');
        });
        p.timer().ifPresent(t -> sb.append("  Timer    ").append(String.join(" ", t.interrupts().stream().map(PlatformSummary::irq).toList()))
                .append(t.alwaysOn() ? ", always-on" : "").append('\n'));
        sb.append("  Console  ").append(p.console().map(u -> String.format("PL011 at 0x%x, %s (ttyAMA0)", u.mmio().base(), irq(u.interrupt())))
                .orElse("none")).append('\n');
        p.chosen().bootargs().ifPresent(a -> sb.append("  Bootargs ").append(a).append('\n'));
        sb.append("  Memory map:\n");
        for (Entry e : entries(p)) {
            sb.append(String.format("    0x%010x-0x%010x  %s%n", e.region().base(), e.region().end() - 1, e.what()));
        }
        return sb.toString();
    }

    private static String irq(Interrupt i) {
        return String.format("%s %d (INTID %d)", i.kind(), i.number(), i.gsiv());
    }

    /** The platform's memory map, the virtio-mmio slots as one line. */
    private static List<Entry> entries(Platform p) {
        List<Entry> all = new ArrayList<>();
        List<VirtioMmio> virtio = p.virtioMmio();
        for (MemoryMap.Entry e : MemoryMap.of(p)) {
            if (!e.what().equals("virtio-mmio transport")) {
                all.add(new Entry(e.region(), e.what()));
            }
        }
        if (!virtio.isEmpty()) {
            Region first = virtio.get(0).mmio();
            Region last = virtio.get(virtio.size() - 1).mmio();
            all.add(new Entry(new Region(first.base(), last.end() - first.base()), String.format("virtio-mmio x%d, SPI %d-%d",
                    virtio.size(), virtio.get(0).interrupt().number(), virtio.get(virtio.size() - 1).interrupt().number())));
        }
        all.sort((a, b) -> Long.compareUnsigned(a.region().base(), b.region().base()));
        return all;
    }
}
