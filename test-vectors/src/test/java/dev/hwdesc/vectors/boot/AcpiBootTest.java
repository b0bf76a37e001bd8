package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.qemu.AcpiFwCfg;
import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boot proof for the ACPI tables: Debian's arm64 kernel boots with {@code acpi=force} on the tables
 * {@code hwdesc generate --acpi-fw-cfg} writes (on its defaults: the platform as the truth), which
 * QEMU 7.2 serves to Debian's AAVMF through fw_cfg in place of its own ({@code -machine acpi=off}
 * and {@code -fw_cfg name=etc/acpi/...}); the firmware links and installs them as it does QEMU's.
 * The tables carry the OEM ID HWDESC, so the kernel's table list shows they are hwdesc's. The three
 * machines are the ones where hwdesc's tables differ from QEMU's: GICv2 without EL2 (no GICH/GICV in
 * the GICCs, an IORT without an ITS group), GICv3 with an ITS, and GICv3 with {@code its=off} (no ITS
 * in the MADT or the IORT). Each must bring every CPU up on its GIC, find the PCIe root bridge
 * through the MCFG and the DSDT, the console through the SPCR and the DSDT, and run /init.
 *
 * <p>Runs only under CI ({@code CI=true} or {@code -Dhwdesc.ci=true}), like {@link BootTest}.
 */
class AcpiBootTest {

    /** A machine: GIC version, CPUs, and whether a GICv3 has its ITS. */
    record Machine(int gicVersion, int cpus, boolean its) {
        String name() {
            return "acpi-gicv" + gicVersion + (gicVersion == 3 && !its ? "-noits" : "") + "-smp" + cpus;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static final List<Machine> MACHINES = List.of(new Machine(2, 1, false), new Machine(3, 4, true),
            new Machine(3, 2, false));
    private static final String OEM_ID = "HWDESC";
    private static final String APPEND = "acpi=force console=ttyAMA0 panic=-1";
    private static final String FIRMWARE = "/usr/share/AAVMF/AAVMF_CODE.fd";
    private static final String FIRMWARE_VARS = "/usr/share/AAVMF/AAVMF_VARS.fd";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("hwdesc.boot.timeout", 180));
    private static final int PARALLEL_BOOTS = 2;

    private static Path work;
    private static ExecutorService pool;
    private static final Map<String, Future<QemuBoot.Outcome>> BOOTS = new LinkedHashMap<>();

    @BeforeAll
    static void bootAll() throws IOException {
        if (!ReferenceTool.underCi()) {
            return;
        }
        String qemu = ReferenceTool.QEMU.require();
        for (String f : List.of(FIRMWARE, FIRMWARE_VARS)) {
            assertTrue(Files.isRegularFile(Path.of(f)), f + " is missing: install Debian's qemu-efi-aarch64");
        }
        Arm64Kit kit = Arm64Kit.cached();
        work = Files.createTempDirectory("hwdesc-acpi-boot");
        Path initrd = Initramfs.write(kit.busybox(), work);
        pool = Executors.newFixedThreadPool(PARALLEL_BOOTS);
        for (Machine m : MACHINES) {
            Path dir = Files.createDirectories(work.resolve(m.name()));
            BOOTS.put(m.name(), pool.submit(() -> {
                QemuBoot.Outcome o = QemuBoot.run(command(qemu, m, generate(m, dir), kit.kernel(), initrd), BOOT_TIMEOUT);
                Files.writeString(dir.resolve("console.log"), String.join("\n", o.console().lines()),
                        StandardCharsets.ISO_8859_1);
                return o;
            }));
        }
    }

    /** {@code hwdesc generate --acpi-fw-cfg} for the machine, in process; returns the fw_cfg folder. */
    private static Path generate(Machine m, Path dir) {
        List<String> args = new ArrayList<>(List.of("generate", "-o", dir.toString(), "--gic", Integer.toString(m.gicVersion()),
                "--cpus", Integer.toString(m.cpus()), "--cpu", BootConfig.CPU, "--memory", BootConfig.MEMORY,
                "--acpi-fw-cfg", "--acpi-oem-id", OEM_ID));
        if (m.gicVersion() == 3 && !m.its()) {
            args.add("--no-its");
        }
        ReferenceTool.Result r = Hwdesc.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        return dir.resolve("acpi").resolve("fw_cfg");
    }

    private static List<String> command(String qemu, Machine m, Path fwCfg, Path kernel, Path initrd) throws IOException {
        Path vars = Files.copy(Path.of(FIRMWARE_VARS), fwCfg.resolveSibling("vars.fd"));
        List<String> c = new ArrayList<>(List.of(qemu,
                "-machine", "virt,acpi=off,gic-version=" + m.gicVersion() + (m.gicVersion() == 3 && !m.its() ? ",its=off" : ""),
                "-accel", "tcg", "-cpu", BootConfig.CPU, "-smp", Integer.toString(m.cpus()), "-m", BootConfig.MEMORY,
                "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot",
                "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + FIRMWARE,
                "-drive", "if=pflash,format=raw,unit=1,file=" + vars));
        for (String name : List.of(AcpiFwCfg.TABLES, AcpiFwCfg.RSDP, AcpiFwCfg.LOADER)) {
            c.addAll(List.of("-fw_cfg", "name=" + name + ",file=" + fwCfg.resolve(name)));
        }
        c.addAll(List.of("-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", APPEND));
        return c;
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (work != null && !Boolean.getBoolean("hwdesc.boot.keep")) {
            Arm64Kit.deleteTree(work);
        }
    }

    static List<Machine> machines() {
        return MACHINES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void bootsOnHwdescsAcpiTables(Machine m) throws Exception {
        Assumptions.assumeTrue(ReferenceTool.underCi(), "the ACPI boot test downloads Debian's arm64 kernel and boots"
                + " it in QEMU under UEFI; it runs under CI only (CI=true or -Dhwdesc.ci=true)");
        QemuBoot.Outcome o = QemuBoot.finished(BOOTS.get(m.name()), m.name(),
                BOOT_TIMEOUT.multipliedBy(MACHINES.size()).plusSeconds(120));
        o.assertExitedCleanly(m.name());
        List<Executable> checks = new ArrayList<>();
        for (ConsoleLine e : expectations(m)) {
            checks.add(() -> e.check(m.name(), o.console()));
        }
        assertAll(m.name(), checks);
    }

    static List<ConsoleLine> expectations(Machine m) {
        int n = m.cpus();
        List<ConsoleLine> e = new ArrayList<>();
        e.add(ConsoleLine.kernelMatching("hwdesc's RSDP", "ACPI: RSDP 0x[0-9A-F]{16} 000024 \\(v02 " + OEM_ID + "\\)"));
        for (String sig : List.of("FACP", "DSDT", "APIC", "GTDT", "MCFG", "SPCR", "IORT")) {
            e.add(ConsoleLine.kernelMatching("hwdesc's " + sig, "ACPI: " + sig + " 0x[0-9A-F]{16} [0-9A-F]{6} \\(v0[0-9] " + OEM_ID + " .*"));
        }
        e.add(ConsoleLine.kernelMatching("the SPCR's console", Pattern.quote("ACPI: SPCR: console: pl011,mmio,0x9000000,9600")));
        e.add(ConsoleLine.kernelMatching("PSCI from the FADT", Pattern.quote("psci: probing for conduit method from ACPI.")));
        e.add(ConsoleLine.kernelMatching("CPUs brought up", Pattern.quote("smp: Brought up 1 node, " + n + (n == 1 ? " CPU" : " CPUs"))));
        if (m.gicVersion() == 3) {
            for (int cpu = 0; cpu < n; cpu++) {
                e.add(ConsoleLine.kernelMatching("GICv3 redistributor of CPU" + cpu,
                        Pattern.quote("GICv3: CPU" + cpu + ": found redistributor " + cpu + " region 0:0x") + "[0-9a-f]{16}"));
            }
            e.add(ConsoleLine.anywhere(m.its() ? "the MADT's ITS" : "no ITS without one",
                    Pattern.quote("PCI/MSI: ITS@0x8080000 domain created"), m.its()));
        } else {
            e.add(ConsoleLine.kernelMatching("the MADT's GICv2m frame", Pattern.quote("GICv2m: range[mem 0x08020000-0x08020fff], SPI[80:143]")));
            e.add(ConsoleLine.anywhere("no GICv3 line", "GICv3", false));
        }
        e.add(ConsoleLine.kernelMatching("the GTDT's timer", Pattern.quote("arch_timer: cp15 timer(s) running at 62.50MHz (virt).")));
        e.add(ConsoleLine.kernelMatching("the MCFG's ECAM", Pattern.quote("ACPI: MCFG table detected, 1 entries")));
        e.add(ConsoleLine.kernelMatching("the DSDT's PCIe root bridge", Pattern.quote("ACPI: PCI Root Bridge [PCI0] (domain 0000 [bus 00-ff])")));
        e.add(ConsoleLine.kernelMatching("the DSDT's PL011", Pattern.quote("ARMH0011:00: ttyAMA0 at MMIO 0x9000000 (irq = ") + "[0-9]+"
                + Pattern.quote(", base_baud = 0) is a SBSA")));
        e.add(ConsoleLine.anywhere("no ACPI error", "ACPI (BIOS )?Error|ACPI Warning|FW_BUG|Firmware Bug", false));
        e.add(ConsoleLine.kernelMatching("/init started", Pattern.quote("Run /init as init process")));
        e.add(ConsoleLine.init("/init ran", "init reached"));
        e.add(ConsoleLine.init("CPUs online", "cpus-online " + (n == 1 ? "0" : "0-" + (n - 1))));
        e.add(ConsoleLine.init("/init finished", "DONE"));
        return e;
    }
}
