package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.Psci;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PSCI (arm/psci.yaml): the version its compatible names, the conduit, and the function IDs, which
 * the model derives from the version and the guest's architecture: an ID that differs from what
 * {@link Psci#functionIds} gives is listed, not taken. The architecture is the one whose CPU_ON ID
 * the node gives; without that, AArch32 when every CPU is an ARMv7 core, else AArch64.
 */
final class PsciNode {

    /** The PSCI node, if read, and the guest's architecture. */
    record Result(Optional<Psci> psci, Architecture architecture) {
    }

    /** Cores without AArch64 (arm/cpus.yaml), whose guests are AArch32. */
    private static final Set<String> ARMV7_CORES = Set.of("arm,cortex-a5", "arm,cortex-a7", "arm,cortex-a8",
            "arm,cortex-a9", "arm,cortex-a12", "arm,cortex-a15", "arm,cortex-a17");

    private static final List<String> ID_NAMES = List.of("cpu_suspend", "cpu_off", "cpu_on", "migrate");

    private PsciNode() {
    }

    static Result read(ReadContext ctx, List<Cpu> cpus) {
        Architecture fromCpus = !cpus.isEmpty() && cpus.stream().allMatch(c -> ARMV7_CORES.contains(c.compatible()))
                ? Architecture.AARCH32 : Architecture.AARCH64;
        Architecture[] arch = {fromCpus};
        Optional<Psci> psci = ctx.single(NodeRole.PSCI, "PSCI node").flatMap(n -> ctx.read(n, c -> {
            Psci.Version version = version(c);
            String method = c.string("method");
            Psci.Method conduit = switch (method) {
                case "hvc" -> Psci.Method.HVC;
                case "smc" -> Psci.Method.SMC;
                default -> throw new Malformed("method \"" + method + "\" is not hvc or smc");
            };
            Psci p = new Psci(version, conduit);
            Optional<Long> cpuOn = c.optionalU32("cpu_on");
            for (Architecture a : Architecture.values()) {
                if (version != Psci.Version.V0_1 && cpuOn.equals(Optional.of(p.functionIds(a).cpuOn()))) {
                    arch[0] = a;
                }
            }
            Psci.FunctionIds expected = p.functionIds(arch[0]);
            long[] ids = {expected.cpuSuspend(), expected.cpuOff(), expected.cpuOn(), expected.migrate()};
            for (int i = 0; i < ID_NAMES.size(); i++) {
                Optional<Long> given = c.optionalU32(ID_NAMES.get(i));
                if (given.isPresent() && given.get() != ids[i]) {
                    c.leave(ID_NAMES.get(i), String.format("0x%x is not 0x%x, the ID the model gives PSCI %s on %s",
                            given.get(), ids[i], version.name().substring(1).replace('_', '.'), arch[0].configName()));
                }
            }
            return p;
        }));
        return new Result(psci, arch[0]);
    }

    /** The version of a binding's compatible list; any other list is read for its newest version, and left. */
    private static Psci.Version version(Claim c) throws Malformed {
        List<String> compatible = c.strings("compatible");
        Psci.Version v = compatible.contains("arm,psci-1.0") ? Psci.Version.V1_0
                : compatible.contains("arm,psci-0.2") ? Psci.Version.V0_2 : Psci.Version.V0_1;
        List<List<String>> allowed = switch (v) {
            case V1_0 -> List.of(List.of("arm,psci-1.0", "arm,psci-0.2", "arm,psci"), List.of("arm,psci-1.0", "arm,psci-0.2"),
                    List.of("arm,psci-1.0"));
            case V0_2 -> List.of(List.of("arm,psci-0.2", "arm,psci"), List.of("arm,psci-0.2"));
            case V0_1 -> List.of(List.of("arm,psci"));
        };
        if (!allowed.contains(compatible)) {
            c.leave("compatible", "not one of the binding's lists for PSCI " + v.name().substring(1).replace('_', '.')
                    + "; only the version is kept");
        }
        return v;
    }
}
