package dev.hwdesc.vectors.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hwdesc generate} end to end: flags and config files give QEMU's own DTB, the DTS it writes
 * compiles with dtc to the DTB it writes, and with no arguments at all it writes ./out.
 */
class GenerateCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gicv3-a57-smp4-1G | --cpus 4 --memory 1G",
        "gicv2-a57-smp8-4G | --gic 2 --cpus 8 --memory 4G",
        "gicv3-a57-smp4-1G-its-off | --no-its --cpus 4 --memory 1024M",
        "gicv3-a53-smp4-1G | --cpu cortex-a53 --cpus 4 --memory 1GiB",
        "gicv2-defcpu-smp1-512M | --arch aarch32 --gic 2 --cpus 1 --memory 512M",
        "gicv3-max-smp4-1G-virt | --cpu max --memory 1G --set virtualization=true",
        "gicv3-a57-smp2-2G-highmem-off | --cpus 2 --set highmem=false",
        "gicv3-a57-smp2-1G-virtio-iommu | --cpus 2 --memory 1G --set iommu=virtio",
        "gicv3-a57-smp4-1G-smmuv3-bypass | --memory 1G --set iommu=smmuv3 --set iommu-bypass=true"})
    void flagsGiveQemusTree(String dump, String flags) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("generate", "-o", out.toString()));
        args.addAll(List.of(flags.strip().split(" +")));
        ReferenceTool.Result r = Hwdesc.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(pack(qemuDump(dump)), pack(Files.readAllBytes(out.resolve("vm.dtb"))), dump);
    }

    @Test
    void aYamlConfigAndAJsonConfigSayTheSame() throws IOException {
        Files.writeString(tmp.resolve("vm.yaml"), """
                # a small VM
                cpus: 2
                memory: 1G
                gic:
                  version: 3
                  its: true
                bootargs: "console=ttyAMA0 panic=-1"
                """);
        Files.writeString(tmp.resolve("vm.json"), """
                {"cpus": 2, "memory": "1G", "gic": {"version": 3, "its": true}, "bootargs": "console=ttyAMA0 panic=-1"}
                """);
        assertEquals(0, Hwdesc.run(List.of("generate", tmp.resolve("vm.yaml").toString(), "-o", tmp.resolve("a").toString())).exitCode());
        assertEquals(0, Hwdesc.run(List.of("generate", tmp.resolve("vm.json").toString(), "-o", tmp.resolve("b").toString())).exitCode());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/vm.dtb")), Files.readAllBytes(tmp.resolve("b/vm.dtb")));
        assertTrue(Files.readString(tmp.resolve("a/vm.dts")).contains("bootargs = \"console=ttyAMA0 panic=-1\";"));
    }

    @Test
    void numaNodesAndMemoryHotplugFromAConfigGiveQemusTrees() throws IOException {
        Files.writeString(tmp.resolve("numa.yaml"), """
                cpus: 6
                memory: 2G
                numa:
                  nodes:
                    - {cpus: [0, 1], memory: 1G}
                    - {cpus: "2-3", memory: 1GiB}
                    - {cpus: "4,5"}
                  distances: [[10, 20, 30], [20, 10, 25], [30, 25, 10]]
                """);
        Files.writeString(tmp.resolve("hotplug.yaml"), "cpus: 4\nmemory: 1G\nmemory-hotplug: {slots: 2, max: 4G}\n");
        assertEquals(0, Hwdesc.run(List.of("generate", tmp.resolve("numa.yaml").toString(), "-o", tmp.resolve("n").toString())).exitCode());
        assertEquals(0, Hwdesc.run(List.of("generate", tmp.resolve("hotplug.yaml").toString(), "-o", tmp.resolve("h").toString())).exitCode());
        assertArrayEquals(pack(qemuDump("gicv3-a57-smp6-2G-numa3-memless")), pack(Files.readAllBytes(tmp.resolve("n/vm.dtb"))));
        assertArrayEquals(pack(qemuDump("gicv3-a57-smp4-1G-memslots")), pack(Files.readAllBytes(tmp.resolve("h/vm.dtb"))));
    }

    /** With random seeds, the tree is QEMU's with dtb-randomness on (its default) but for the seeds' values. */
    @Test
    void randomSeedsAreWhereAndAsLongAsQemusAndFreshEachRun() throws Exception {
        String qemu = ReferenceTool.QEMU.require();
        Path dump = tmp.resolve("qemu.dtb");
        ReferenceTool.Result q = ReferenceTool.run(List.of(qemu, "-display", "none", "-machine",
                "virt,gic-version=3,dumpdtb=" + dump, "-cpu", "cortex-a57", "-smp", "2", "-m", "1G"), null, 60);
        assertEquals(0, q.exitCode(), q.stderr());
        List<String> args = List.of("generate", "--cpus", "2", "--memory", "1G", "--set", "random-seeds=true");
        assertEquals(0, Hwdesc.run(concat(args, "-o", tmp.resolve("a").toString())).exitCode());
        assertEquals(0, Hwdesc.run(concat(args, "-o", tmp.resolve("b").toString())).exitCode());
        byte[] a = Files.readAllBytes(tmp.resolve("a/vm.dtb"));
        assertTrue(!java.util.Arrays.equals(a, Files.readAllBytes(tmp.resolve("b/vm.dtb"))), "two runs, two seeds");
        assertArrayEquals(pack(withoutSeedValues(Files.readAllBytes(dump))), pack(withoutSeedValues(a)));
    }

    /** With UEFI firmware (QEMU's -bios, Debian's qemu-efi-aarch64), QEMU's tree has no PL061: the GED takes the power button. */
    @Test
    void withFirmwareTheTreeIsQemusWithBios() throws Exception {
        String qemu = ReferenceTool.QEMU.require();
        Path firmware = Path.of("/usr/share/qemu-efi-aarch64/QEMU_EFI.fd");
        assertTrue(Files.isRegularFile(firmware), "Debian's qemu-efi-aarch64 provides " + firmware);
        Path dump = tmp.resolve("qemu-fw.dtb");
        ReferenceTool.Result q = ReferenceTool.run(List.of(qemu, "-display", "none", "-machine",
                "virt,gic-version=3,dtb-randomness=off,dumpdtb=" + dump, "-cpu", "cortex-a57", "-smp", "2", "-m", "1G",
                "-bios", firmware.toString()), null, 60);
        assertEquals(0, q.exitCode(), q.stderr());
        assertEquals(0, Hwdesc.run(List.of("generate", "--cpus", "2", "--memory", "1G", "--set", "firmware=true",
                "-o", tmp.resolve("fw").toString())).exitCode());
        assertArrayEquals(pack(Files.readAllBytes(dump)), pack(Files.readAllBytes(tmp.resolve("fw/vm.dtb"))));
    }

    private static List<String> concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    /** The blob with every seed in /chosen zeroed (same length). */
    private static byte[] withoutSeedValues(byte[] blob) throws dev.hwdesc.fdt.dtb.FdtFormatException {
        dev.hwdesc.fdt.DeviceTree t = dev.hwdesc.fdt.dtb.DtbReader.read(blob);
        dev.hwdesc.fdt.Node chosen = t.root().child("chosen").orElseThrow();
        for (String seed : List.of("kaslr-seed", "rng-seed")) {
            dev.hwdesc.fdt.Property p = chosen.property(seed).orElseThrow(() -> new AssertionError("no /chosen/" + seed));
            p.setValue(dev.hwdesc.fdt.PropertyValue.ofBytes(new byte[p.value().length()]));
        }
        return dev.hwdesc.fdt.dtb.DtbEncoder.encode(t);
    }

    @Test
    void flagsOverrideTheFile() throws IOException {
        Files.writeString(tmp.resolve("vm.yaml"), "cpus: 8\ngic: 2\nmemory: 4G\n");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", tmp.resolve("vm.yaml").toString(), "--cpus", "4", "--gic", "3",
                "--memory", "1G", "-o", tmp.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(pack(qemuDump("gicv3-a57-smp4-1G")), pack(Files.readAllBytes(tmp.resolve("vm.dtb"))));
    }

    @Test
    void theDtsItWritesCompilesToTheDtbItWrites() throws IOException {
        String dtc = ReferenceTool.DTC.require();
        for (List<String> flags : List.of(List.<String>of(), List.of("--gic", "2", "--cpus", "8"),
                List.of("--set", "secure=true", "--set", "virtualization=true", "--cpus", "3"),
                List.of("--cpus", "130", "--memory", "8G", "--set", "iommu=smmuv3"))) {
            Path out = tmp.resolve("dts" + flags.size());
            List<String> args = new ArrayList<>(List.of("generate", "-o", out.toString()));
            args.addAll(flags);
            assertEquals(0, Hwdesc.run(args).exitCode(), String.valueOf(flags));
            ReferenceTool.Result compiled = ReferenceTool.run(List.of(dtc, "-q", "-I", "dts", "-O", "dtb",
                    out.resolve("vm.dts").toString()), null, 60);
            assertEquals(0, compiled.exitCode(), compiled.stderr());
            assertArrayEquals(Files.readAllBytes(out.resolve("vm.dtb")), compiled.stdout(), "dtc of vm.dts for " + flags);
        }
    }

    /** The README's main-job command: no arguments at all, output in ./out, through the built jar. */
    @Test
    void withNoArgumentsItWritesOut() throws IOException {
        Path jar = TestVectors.data().getParent().getParent().resolve("cli/target/hwdesc.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the cli module's jar is built before test-vectors: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ReferenceTool.Result r = ReferenceTool.run(List.of(java, "-jar", jar.toString(), "generate"), null, 120, tmp);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.size(tmp.resolve("out/vm.dtb")) > 0);
        assertTrue(Files.size(tmp.resolve("out/vm.dts")) > 0);
        String summary = r.stdoutText();
        assertTrue(summary.contains("4 x arm,cortex-a57"), summary);
        assertTrue(summary.contains("GICv3"), summary);
        assertTrue(summary.contains("2 GiB of RAM"), summary);
        assertTrue(summary.contains("Console  PL011 at 0x9000000"), summary);
    }

    private byte[] pack(byte[] blob) {
        return ReferenceTool.dtcRepack(tmp, blob);
    }

    private static byte[] qemuDump(String name) {
        return TestVectors.bytes(TestVectors.data().resolve("qemu-virt/" + name + ".dtb.gz"));
    }
}
