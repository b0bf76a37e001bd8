package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The DTB the boot test hands to QEMU: what {@code hwdesc generate} writes for a {@link BootConfig}. */
final class GeneratedDtb {

    private GeneratedDtb() {
    }

    /** Runs {@code hwdesc generate} for {@code config} into {@code dir} and returns {@code dir/vm.dtb}. */
    static Path make(BootConfig config, Path dir) {
        List<String> args = List.of("generate", "--cpus", Integer.toString(config.cpus()),
                "--gic", Integer.toString(config.gicVersion()), "--memory", BootConfig.MEMORY, "-o", dir.toString());
        ReferenceTool.Result r = Hwdesc.run(args);
        // TODO(boot-proof): remove this fallback, qemuStandIn and its use of dtc once `hwdesc generate`
        // lands on main; from then on an unknown command is a failure like any other.
        if (r.exitCode() == 2 && r.stderr().contains("unknown command")) {
            return qemuStandIn(config, dir);
        }
        assertEquals(0, r.exitCode(), "hwdesc " + String.join(" ", args) + ": " + r.stderr());
        Path dtb = dir.resolve("vm.dtb");
        assertTrue(Files.isRegularFile(dtb), "hwdesc generate wrote no " + dtb);
        return dtb;
    }

    /**
     * Stand-in until {@code generate} exists: QEMU's own DT for the same machine
     * ({@code dumpdtb}, no random seeds), packed with dtc, since QEMU dumps its whole 1 MiB buffer and the
     * kernel refuses the (1 MiB + 10000) * 2 bytes QEMU would make of that.
     */
    private static Path qemuStandIn(BootConfig config, Path dir) {
        Path raw = dir.resolve("qemu-dump.dtb");
        ReferenceTool.Result dump = ReferenceTool.run(List.of(ReferenceTool.QEMU.require(),
                "-machine", config.machine() + ",dtb-randomness=off,dumpdtb=" + raw, "-cpu", BootConfig.CPU,
                "-smp", Integer.toString(config.cpus()), "-m", BootConfig.MEMORY, "-display", "none"), null, 60);
        assertEquals(0, dump.exitCode(), "qemu dumpdtb: " + dump.stderr());
        Path dtb = dir.resolve("vm.dtb");
        ReferenceTool.Result pack = ReferenceTool.run(List.of(ReferenceTool.DTC.require(), "-q", "-I", "dtb", "-O", "dtb",
                "-o", dtb.toString(), raw.toString()), null, 60);
        assertEquals(0, pack.exitCode(), "dtc -I dtb -O dtb: " + pack.stderr());
        return dtb;
    }
}
