package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbHeader;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boot proof: Debian's arm64 kernel boots in QEMU 7.2 (TCG) on the DTB {@code hwdesc generate} makes,
 * for GICv2 and GICv3 with 1, 3 and 4 CPUs. For each boot the kernel log must show every CPU up, the
 * GIC, the arch timer and ttyAMA0 on the PL011, /init must run, and the FDT the kernel was given (read
 * back from /sys/firmware/fdt) must equal the generated one but for {@link QemuDtbEdits}. A sixth boot,
 * of a generated DTB with seeds added, checks the allow-list's seed entries.
 *
 * <p>Runs only under CI ({@code CI=true} or {@code -Dhwdesc.ci=true}): it downloads the kernel (see
 * {@link Arm64Kit}) and boots six VMs, two at a time. There a missing QEMU, or one that is not 7.2,
 * fails it. {@code -Dhwdesc.boot.timeout=SECONDS} bounds each boot (default 120);
 * {@code -Dhwdesc.boot.keep=true} keeps the work folder with the DTBs and console logs.
 */
class BootTest {

    static final List<BootConfig> CONFIGS = List.of(
            new BootConfig(2, 1), new BootConfig(2, 4), new BootConfig(3, 1), new BootConfig(3, 3), new BootConfig(3, 4));
    private static final int PARALLEL_BOOTS = 2;
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("hwdesc.boot.timeout", 120));

    /** A finished boot: the DTB given to QEMU, the initramfs size, and how QEMU ended. */
    private record Booted(byte[] dtb, long initrdBytes, QemuBoot.Outcome outcome) {
    }

    /** The extra boot that checks the allow-list's seed entries: {@link #seeded} on this config. */
    private static final BootConfig SEEDED = new BootConfig(3, 1);
    private static final String SEEDED_NAME = SEEDED.name() + "-seeded";
    /** Where the seeded boot puts an rng-seed outside /chosen. */
    private static final String SEED_HOLDER = "seed-holder";

    private static long startNanos;
    private static Path work;
    private static ExecutorService pool;
    private static final Map<String, Future<Booted>> BOOTS = new LinkedHashMap<>();

    /** Skips each test, with a reason the report shows, outside CI (where nothing was booted). */
    private static void runsUnderCiOnly() {
        Assumptions.assumeTrue(ReferenceTool.underCi(), "the boot test downloads Debian's arm64 kernel and boots it"
                + " in QEMU; it runs under CI only (CI=true or -Dhwdesc.ci=true)");
    }

    @BeforeAll
    static void bootAll() throws IOException {
        if (!ReferenceTool.underCi()) {
            return;
        }
        startNanos = System.nanoTime();
        String qemu = ReferenceTool.QEMU.require();
        Arm64Kit kit = Arm64Kit.cached();
        System.out.println("boot test: " + kit.versions().replace("\n", ", ") + "; cache " + Arm64Kit.cacheDir());
        work = Files.createTempDirectory("hwdesc-boot");
        Path initrd = Initramfs.write(kit.busybox(), work);
        pool = Executors.newFixedThreadPool(PARALLEL_BOOTS);
        for (BootConfig c : CONFIGS) {
            submit(c.name(), c, dir -> GeneratedDtb.make(c, dir), qemu, kit, initrd);
        }
        submit(SEEDED_NAME, SEEDED, dir -> seeded(SEEDED, dir), qemu, kit, initrd);
    }

    private interface DtbMaker {
        Path make(Path dir) throws Exception;
    }

    private static void submit(String name, BootConfig c, DtbMaker maker, String qemu, Arm64Kit kit, Path initrd)
            throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        long initrdBytes = Files.size(initrd);
        BOOTS.put(name, pool.submit(() -> {
            Path dtb = maker.make(dir);
            QemuBoot.Outcome o = QemuBoot.run(QemuBoot.command(qemu, c, kit.kernel(), initrd, dtb), BOOT_TIMEOUT);
            Files.writeString(dir.resolve("console.log"), String.join("\n", o.console().lines()), StandardCharsets.ISO_8859_1);
            return new Booted(Files.readAllBytes(dtb), initrdBytes, o);
        }));
    }

    /**
     * The generated DTB of {@code config} with seeds added: /chosen/rng-seed (32 bytes), /chosen/kaslr-seed
     * (8 bytes) and an rng-seed in a node of its own, so that the allow-list's seed entries are seen to hold.
     */
    private static Path seeded(BootConfig config, Path dir) throws Exception {
        DeviceTree t = DtbReader.read(Files.readAllBytes(GeneratedDtb.make(config, dir)));
        Node chosen = t.root().child("chosen").orElseGet(() -> t.root().addChild(new Node("chosen")));
        for (String name : List.of(QemuDtbEdits.RNG_SEED, "kaslr-seed")) {
            chosen.property(name).ifPresent(chosen::removeProperty);
        }
        chosen.addProperty(QemuDtbEdits.RNG_SEED, PropertyValue.ofBytes(counting(32)));
        chosen.addProperty("kaslr-seed", PropertyValue.ofBytes(counting(8)));
        t.root().addChild(new Node(SEED_HOLDER)).addProperty(QemuDtbEdits.RNG_SEED, PropertyValue.ofBytes(counting(16)));
        return Files.write(dir.resolve("seeded.dtb"), DtbEncoder.encode(t));
    }

    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i + 1);
        }
        return b;
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (work != null) {
            System.out.printf("boot test: %d boots, %d at a time, %.1f s in all%n", BOOTS.size(), PARALLEL_BOOTS,
                    (System.nanoTime() - startNanos) / 1e9);
            if (Boolean.getBoolean("hwdesc.boot.keep")) {
                System.out.println("boot test: DTBs and console logs kept in " + work);
            } else {
                Arm64Kit.deleteTree(work);
            }
        }
    }

    static List<BootConfig> configs() {
        return CONFIGS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void bootsAndSeesTheGeneratedTree(BootConfig config) throws Exception {
        Booted b = await(config.name());
        Console console = b.outcome().console();
        String where = config + " (" + String.join(" ", b.outcome().command()) + ")";

        DeviceTree given = DtbReader.read(b.dtb());
        String model = given.root().value("model").map(v -> v.firstString()).orElse("");
        List<Executable> checks = new ArrayList<>();
        for (ConsoleLine e : expectations(config, model)) {
            checks.add(() -> e.check(config.name(), console));
        }
        checks.add(() -> seesTheGeneratedTree(config.name(), b, console));
        assertAll(where, checks);
    }

    /**
     * The allow-list's seed entries hold: QEMU refills the rng-seed outside /chosen, Linux zeroes
     * /chosen/kaslr-seed and removes /chosen/rng-seed, and nothing else differs.
     */
    @Test
    void seedsAreRefilledAndConsumedAsAllowed() throws Exception {
        Booted b = await(SEEDED_NAME);
        Console console = b.outcome().console();
        assertTrue(console.fact("DONE").isPresent(), SEEDED_NAME + ": /init did not finish; the console ends:\n" + console.tail(30));
        seesTheGeneratedTree(SEEDED_NAME, b, console);
        byte[] given = DtbReader.read(b.dtb()).root().child(SEED_HOLDER).orElseThrow().value(QemuDtbEdits.RNG_SEED)
                .orElseThrow().toByteArray();
        byte[] seen = DtbReader.read(console.blob("fdt")).root().child(SEED_HOLDER).orElseThrow()
                .value(QemuDtbEdits.RNG_SEED).orElseThrow().toByteArray();
        assertFalse(Arrays.equals(given, seen), "QEMU left /" + SEED_HOLDER + "/rng-seed as it was");
    }

    /** Kernel log lines ({@code [  0.123456] text}) and /init lines ({@code @@BOOT ...}) for a config. */
    static List<ConsoleLine> expectations(BootConfig config, String model) {
        int n = config.cpus();
        List<ConsoleLine> e = new ArrayList<>();
        e.add(ConsoleLine.kernel("the DTB's model", "Machine model: " + model));
        e.add(ConsoleLine.kernel("CPUs brought up", "smp: Brought up 1 node, " + n + (n == 1 ? " CPU" : " CPUs")));
        if (config.gicVersion() == 3) {
            for (int cpu = 0; cpu < n; cpu++) {
                e.add(ConsoleLine.kernelMatching("GICv3 redistributor of CPU" + cpu,
                        Pattern.quote("GICv3: CPU" + cpu + ": found redistributor " + cpu + " region 0:0x") + "[0-9a-f]{16}"));
            }
            e.add(ConsoleLine.anywhere("no GICv2 line", "GICv2m:", false));
        } else {
            // Linux 6.1 prints no GICv2 line of its own at EL1 ("GIC: Using split EOI/Deactivate mode" needs
            // EL2): the GICv2m MSI frame under the GIC node is its one GICv2 line.
            e.add(ConsoleLine.kernel("GICv2m frame", "GICv2m: range[mem 0x08020000-0x08020fff], SPI[80:143]"));
            e.add(ConsoleLine.anywhere("no GICv3 line", "GICv3", false));
        }
        String chip = config.gicVersion() == 3 ? "GICv3" : "GIC-0";
        e.add(ConsoleLine.anywhere("timer interrupt on the " + chip + " chip",
                "^@@BOOT interrupt [0-9]+:( [0-9]+){" + n + "} " + chip + " 27 Level arch_timer$", true));
        e.add(ConsoleLine.anywhere("PL011 interrupt on the " + chip + " chip",
                "^@@BOOT interrupt [0-9]+:( [0-9]+){" + n + "} " + chip + " 33 Level uart-pl011$", true));
        e.add(ConsoleLine.kernel("arch timer", "arch_timer: cp15 timer(s) running at 62.50MHz (virt)."));
        e.add(ConsoleLine.kernelMatching("ttyAMA0 on the PL011",
                Pattern.quote("9000000.pl011: ttyAMA0 at MMIO 0x9000000 (irq = ") + "[0-9]+"
                        + Pattern.quote(", base_baud = 0) is a PL011 rev1")));
        e.add(ConsoleLine.kernel("/init started", "Run /init as init process"));
        e.add(ConsoleLine.init("/init ran", "init reached"));
        e.add(ConsoleLine.init("CPUs /init sees", "cpus " + n));
        e.add(ConsoleLine.init("CPUs online", "cpus-online " + (n == 1 ? "0" : "0-" + (n - 1))));
        e.add(ConsoleLine.init("/init finished", "DONE"));
        return e;
    }

    private static void seesTheGeneratedTree(String name, Booted b, Console console) throws FdtFormatException {
        byte[] seenBlob = console.blob("fdt");
        DtbHeader givenHeader = DtbHeader.parse(b.dtb(), b.dtb().length);
        DtbHeader seenHeader = DtbHeader.parse(seenBlob, seenBlob.length);
        assertEquals(QemuDtbEdits.expectedTotalSize(b.dtb().length), seenHeader.totalSize(),
                "totalsize: QEMU makes a -dtb of " + b.dtb().length + " bytes (size + 10000) * 2");
        assertEquals(givenHeader.version(), seenHeader.version(), "version");
        assertEquals(givenHeader.lastCompatibleVersion(), seenHeader.lastCompatibleVersion(), "last_comp_version");

        DeviceTree seen = DtbReader.read(seenBlob);
        for (String d : FdtDiff.between(DtbReader.read(b.dtb()), seen, Set.of())) {
            System.out.println(name + ": FDT read back differs from the generated DTB: " + d);
        }
        DeviceTree expected = DtbReader.read(b.dtb());
        QemuDtbEdits.expected(expected, new QemuDtbEdits.Boot(BootConfig.MEMORY_BYTES, QemuBoot.APPEND, b.initrdBytes()));
        List<String> unexplained = FdtDiff.between(expected, seen, QemuDtbEdits.RANDOM_PROPERTIES);
        assertEquals(List.of(), unexplained, "the FDT the kernel got differs from the generated DTB in ways"
                + " QemuDtbEdits does not allow (allowed: " + QemuDtbEdits.summaries() + ")");
    }

    /** The boot called {@code name}, once QEMU exited 0 by itself; fails with the console's end otherwise. */
    private static Booted await(String name) throws Exception {
        runsUnderCiOnly();
        Booted b = QemuBoot.finished(BOOTS.get(name), name, BOOT_TIMEOUT.multipliedBy(BOOTS.size()).plusSeconds(120));
        b.outcome().assertExitedCleanly(name);
        return b;
    }
}
