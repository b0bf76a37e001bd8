package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.empty;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static dev.hwdesc.platform.fromtree.Trees.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Pmu;
import dev.hwdesc.platform.Psci;
import dev.hwdesc.platform.Timer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The architected timer, the PMU, and PSCI with the architecture its function IDs tell. */
class TimerPmuPsciTest {

    private static Interrupt ppi(int n) {
        return Interrupt.ppi(n, Interrupt.Trigger.LEVEL_LOW);
    }

    @Test
    void aTimerOfFourOrFivePpis() {
        PlatformReading r = read(vm(node("timer", strings("compatible", "arm,armv8-timer"), empty("always-on"),
                cells("interrupts", 1, 13, 8, 1, 14, 8, 1, 11, 8, 1, 10, 8, 1, 12, 8))));
        assertEquals(Optional.of(new Timer(List.of(ppi(13), ppi(14), ppi(11), ppi(10), ppi(12)), true, List.of("arm,armv8-timer"))),
                r.platform().timer());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aTimerOfThreePpisIsListed() {
        PlatformReading r = read(vm(node("timer", strings("compatible", "arm,cortex-a15-timer", "arm,armv7-timer"),
                cells("interrupts", 1, 13, 8, 1, 14, 8, 1, 11, 8), cells("clock-frequency", 100000000))));
        assertEquals(Optional.empty(), r.platform().timer());
        assertEquals(List.of("/timer: the timer has 4 or 5 interrupts, not 3"), left(r));
    }

    @Test
    void qemusEmptyPmuNodeAndAnArmv8Pmu() {
        assertEquals(Optional.of(new Pmu(List.of(), Optional.empty())), read(vm(node("pmu"))).platform().pmu());
        PlatformReading r = read(vm(node("pmu", strings("compatible", "arm,cortex-a53-pmu"), cells("interrupts", 1, 7, 4))));
        assertEquals(Optional.of(new Pmu(List.of("arm,cortex-a53-pmu"), Optional.of(Interrupt.ppi(7, Interrupt.Trigger.LEVEL_HIGH)))),
                r.platform().pmu());
        assertEquals(List.of(), left(r));
    }

    @Test
    void aPmuOnOneSpiPerCpuIsReadWithoutItsInterrupts() {
        PlatformReading r = read(vm(node("pmu", strings("compatible", "arm,armv8-pmuv3"), cells("interrupts", 0, 60, 4, 0, 61, 4),
                cells("interrupt-affinity", 2, 3))));
        assertEquals(Optional.of(new Pmu(List.of("arm,armv8-pmuv3"), Optional.empty())), r.platform().pmu());
        assertEquals(List.of("/pmu interrupts: 2 interrupts are not kept: the platform holds one PPI",
                "/pmu interrupt-affinity: not interpreted"), left(r));
    }

    private static Node psci(String[] compatible, long... ids) {
        Node n = node("psci", strings("compatible", compatible), strings("method", "hvc"));
        String[] names = {"cpu_suspend", "cpu_off", "cpu_on", "migrate"};
        for (int i = 0; i < ids.length; i++) {
            n.addProperty(cells(names[i], ids[i]));
        }
        return n;
    }

    @Test
    void psci10WithAarch64IdsMakesAnAarch64Guest() {
        PlatformReading r = read(vm(psci(new String[] {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"},
                0xc4000001L, 0x84000002L, 0xc4000003L, 0xc4000005L)));
        assertEquals(Optional.of(new Psci(Psci.Version.V1_0, Psci.Method.HVC)), r.platform().psci());
        assertEquals(Architecture.AARCH64, r.platform().architecture());
        assertEquals(List.of(), left(r));
    }

    @Test
    void psciWithAarch32IdsMakesAnAarch32Guest() {
        PlatformReading r = read(vm(psci(new String[] {"arm,psci-0.2"}, 0x84000001L, 0x84000002L, 0x84000003L, 0x84000005L)));
        assertEquals(Optional.of(new Psci(Psci.Version.V0_2, Psci.Method.HVC)), r.platform().psci());
        assertEquals(Architecture.AARCH32, r.platform().architecture());
        assertEquals(List.of(), left(r), "a shortened compatible is one the binding allows");
    }

    @Test
    void functionIdsTheModelWouldNotGiveAreListed() {
        PlatformReading r = read(vm(psci(new String[] {"arm,psci"}, 0x95c1ba5eL, 0x95c1ba5fL, 0x12345678L)));
        assertEquals(Optional.of(new Psci(Psci.Version.V0_1, Psci.Method.HVC)), r.platform().psci());
        assertEquals(List.of("/psci cpu_on: 0x12345678 is not 0x95c1ba60, the ID the model gives PSCI 0.1 on aarch64"), left(r));
    }

    @Test
    void withoutPsciIdsArmv7CoresMakeAnAarch32Guest() {
        Node cpus = node("cpus", cells("#address-cells", 1), cells("#size-cells", 0),
                node("cpu@0", strings("device_type", "cpu"), strings("compatible", "arm,cortex-a15"), cells("reg", 0)));
        assertEquals(Architecture.AARCH32, read(vm(cpus)).platform().architecture());
    }

    @Test
    void anUnknownConduitIsListed() {
        Node n = node("psci", strings("compatible", "arm,psci-1.0"), strings("method", "svc"));
        PlatformReading r = read(vm(n));
        assertEquals(Optional.empty(), r.platform().psci());
        assertEquals(List.of("/psci: method \"svc\" is not hvc or smc"), left(r));
    }
}
