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
        List<String> args = List.of("generate", "--cpus", Integer.toString(config.cpus()), "--cpu", BootConfig.CPU,
                "--gic", Integer.toString(config.gicVersion()), "--memory", BootConfig.MEMORY, "-o", dir.toString());
        ReferenceTool.Result r = Hwdesc.run(args);
        assertEquals(0, r.exitCode(), "hwdesc " + String.join(" ", args) + ": " + r.stderr());
        Path dtb = dir.resolve("vm.dtb");
        assertTrue(Files.isRegularFile(dtb), "hwdesc generate wrote no " + dtb);
        return dtb;
    }
}
