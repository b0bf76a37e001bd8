package dev.hwdesc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad configs: each one is refused with exit 2, no output written, and an error that names the key,
 * and for a config file the line (FILE:LINE:COL) with the line quoted under it.
 */
class GenerateConfigErrorsTest {

    @TempDir
    Path tmp;

    /** A config (file text, or null for flags only), extra flags, the expected "FILE:LINE: error: KEY" start, and words of the message. */
    static Stream<Arguments> badConfigs() {
        return Stream.of(
                yaml("cpus: 0\n", 1, "cpus", "from 1 to"),
                yaml("cpus: -3\n", 1, "cpus", "from 1 to"),
                yaml("cpus: four\n", 1, "cpus", "\"four\""),
                yaml("cpus: 2\ngic: 2\nmemory: 1G\ncpus: 9\n", 4, "cpus", "GICv2 serves at most 8"),
                yaml("gic:\n  version: 2\ncpus: 12\n", 3, "cpus", "at most 8"),
                yaml("gic:\n  version: 5\n", 2, "gic.version", "2, 3 or 4"),
                yaml("gic:\n  version: 4\n", 2, "gic.version", "virtualization"),
                yaml("gic:\n  version: 2\n  its: true\n", 3, "gic.its", "needs GICv3"),
                yaml("gic:\n  its: maybe\n", 2, "gic.its", "true or false"),
                yaml("gic: [2, 3]\n", 1, "gic", "not a list"),
                yaml("memory: lots\n", 1, "memory", "size"),
                yaml("memory: 0\n", 1, "memory", "positive"),
                yaml("memory: 1000\n", 1, "memory", "multiple of 4 KiB"),
                yaml("highmem: false\nmemory: 4G\n", 2, "memory", "at most 3 GiB"),
                yaml("memory: 2T\ncpu: cortex-a53\n", 1, "memory", "40-bit"),
                yaml("virtio-mmio: 33\n", 1, "virtio-mmio", "32 virtio-mmio slots"),
                yaml("cpu: cortex-z9\n", 1, "cpu", "no CPU model"),
                yaml("arch: aarch64\ncpu: cortex-a15\n", 1, "arch", "AArch32-only"),
                yaml("arch: riscv\n", 1, "arch", "aarch64 or aarch32"),
                yaml("cpus: 4\nnetwork: true\n", 2, "network", "unknown key"),
                yaml("gic:\n  verison: 3\n", 2, "gic.verison", "did you mean gic.version"),
                yaml("iommu: smmuv2\n", 1, "iommu", "none, smmuv3 or virtio"),
                yaml("iommu: virtio\npcie: false\n", 1, "iommu", "a PCI device"),
                yaml("iommu-bypass: true\n", 1, "iommu-bypass", "no IOMMU to bypass"),
                yaml("iommu: smmuv3\npcie: false\n", 1, "iommu", "needs pcie"),
                yaml("psci:\n  method: svc\n", 2, "psci.method", "hvc, smc or none"),
                yaml("secure: true\npsci: hvc\n", 2, "psci.method", "EL3 firmware"),
                yaml("virtualization: true\ncpu: cortex-a7\narch: aarch32\n", 1, "virtualization", "EL2"),
                yaml("topology:\n  sockets: 2\n  cores: 3\ncpus: 4\n", 1, "topology", "make 6 CPUs, not 4"),
                yaml("initrd:\n  start: 0x48000000\n", 1, "initrd", "needs a size"),
                yaml("memory: 1G\ninitrd:\n  start: 0x90000000\n  size: 16MiB\n", 2, "initrd", "not within RAM"),
                yaml("profile: firecracker\n", 1, "profile", "unknown profile"),
                yaml("pmu: yes please\n", 1, "pmu", "true or false"),
                yaml("bootargs: [a, b]\n", 1, "bootargs", "not a list"),
                yaml("- cpus: 4\n", 1, "", "mapping of keys"),
                yaml("cpus: 4\nnuma:\n  nodes:\n    - {cpus: [0, 1], memory: 1G}\n", 3, "numa.nodes", "CPU 2 is in no node"),
                yaml("cpus: 2\nnuma:\n  nodes:\n    - {cpus: [0, 1], memory: 1G}\n    - {cpus: [1], memory: 1G}\n", 3,
                        "numa.nodes", "in node 0 and in node 1"),
                yaml("cpus: 2\nmemory: 4G\nnuma:\n  nodes:\n    - {cpus: [0, 1], memory: 1G}\n", 4, "numa.nodes", "adds up to 1 GiB"),
                yaml("cpus: 2\nnuma:\n  nodes:\n    - {cpus: [0], memory: 1G}\n    - {cpus: [1], memory: 1G}\n  distances: [[10, 9], [9, 10]]\n",
                        6, "numa.distances", "10 to 255"),
                yaml("numa:\n  nodes:\n    - {cpus: x-y}\n", 3, "numa.nodes[0].cpus", "ranges"),
                yaml("memory: 1G\nmemory-hotplug: {slots: 2, max: 512M}\n", 2, "memory-hotplug.max", "at least memory"),
                yaml("memory-hotplug: {slots: 2}\n", 1, "memory-hotplug", "both slots and max"),
                yaml(HMAT_NODES.replace("  hmat: true\n", "") + "  hmat-lb:\n    - " + LATENCY + "\n", 6, "numa.hmat-lb",
                        "needs numa.hmat: true"),
                yaml("numa:\n  hmat: true\n", 2, "numa.hmat", "needs numa.nodes"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - {initiator: 0, target: 0, latency: 5}\n", 8, "numa.hmat-lb[0]",
                        "needs initiator, target and data-type"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - {initiator: 0, target: 0, data-type: latency, latency: 5}\n", 8,
                        "numa.hmat-lb[0].data-type", "access-latency, read-latency"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - {initiator: 0, target: 0, data-type: access-latency, bandwidth: 1G}\n", 8,
                        "numa.hmat-lb[0]", "takes latency"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - {initiator: 1, target: 0, data-type: access-latency, latency: 5}\n", 7,
                        "numa.hmat-lb", "initiator 1 is not a node with CPUs"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - {initiator: 0, target: 1, data-type: access-bandwidth, bandwidth: 1000}\n", 7,
                        "numa.hmat-lb", "whole number of MB/s"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - " + LATENCY + "\n    - {initiator: 0, target: 1, data-type: access-latency,"
                        + " latency: 70000}\n", 7, "numa.hmat-lb", "span too wide a range"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - " + LATENCY + "\n  hmat-cache:\n    - {node-id: 0, size: 16K, level: 1}\n", 9,
                        "numa.hmat-cache", "latency and bandwidth"),
                yaml(HMAT_NODES + "  hmat-lb:\n    - " + LATENCY + "\n    - {initiator: 0, target: 0, data-type: access-bandwidth,"
                        + " bandwidth: 1G}\n  hmat-cache:\n    - {node-id: 0, size: 2M, level: 2}\n", 10, "numa.hmat-cache",
                        "no level 1"),
                yaml("cpus: 2\nnuma:\n  nodes:\n    - {cpus: [0, 1], memory: 1G}\n    - {memory: 1G, initiator: 1}\n", 3,
                        "numa.nodes", "initiator 1 is not a node with CPUs"),
                yaml("cpus: 4\n  gic: 3\n", 2, "", "syntax error"),
                json("{\"cpus\": 2, \"gic\": {\"version\": 3,}}", 1, "", "syntax error"),
                json("{\"cpus\": 2,\n \"memroy\": \"1G\"}", 2, "memroy", "did you mean memory"),
                flags(List.of("--cpus", "0"), "cpus", "from 1 to"),
                flags(List.of("--gic", "2", "--cpus", "16"), "cpus", "at most 8"),
                flags(List.of("--memory", "12X"), "memory", "size"),
                flags(List.of("--set", "gic.lpi=on"), "gic.lpi", "unknown key"),
                flags(List.of("--set", "cpus"), "--set", "KEY=VALUE"),
                flags(List.of("--set", "gic.version=4", "--set", "virtualization=false"), "gic.version", "virtualization"));
    }

    /** Two NUMA nodes, the second without CPUs, and the HMAT on: lines 1-6. */
    private static final String HMAT_NODES = "cpus: 2\nnuma:\n  nodes:\n    - {cpus: [0, 1], memory: 1G}\n    - {memory: 1G}\n"
            + "  hmat: true\n";
    private static final String LATENCY = "{initiator: 0, target: 0, data-type: access-latency, latency: 5}";

    private static Arguments yaml(String text, int line, String key, String words) {
        return Arguments.of(text, "vm.yaml", List.of(), line, key, words);
    }

    private static Arguments json(String text, int line, String key, String words) {
        return Arguments.of(text, "vm.json", List.of(), line, key, words);
    }

    private static Arguments flags(List<String> flags, String key, String words) {
        return Arguments.of(null, null, flags, 0, key, words);
    }

    @ParameterizedTest(name = "[{index}] {4}: {5}")
    @MethodSource("badConfigs")
    void isRefusedNamingTheKey(String text, String fileName, List<String> flags, int line, String key, String words)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("generate", "-o", tmp.resolve("out").toString()));
        String file = null;
        if (text != null) {
            file = tmp.resolve(fileName).toString();
            Files.writeString(tmp.resolve(fileName), text);
            args.add(file);
        }
        args.addAll(flags);
        CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.stderr());
        assertFalse(Files.exists(tmp.resolve("out").resolve("vm.dtb")), "no output after an error");
        String expectedStart = "hwdesc: " + (file != null ? file + ":" + line + ":" : "error: ");
        String matching = r.stderr().lines().filter(l -> l.contains(words)).findFirst().orElse("");
        assertTrue(matching.startsWith(expectedStart), "expected a line starting " + expectedStart + " with \"" + words + "\" in:\n" + r.stderr());
        if (!key.isEmpty()) {
            assertTrue(matching.contains("error: " + key + ": "), "the error names " + key + ":\n" + r.stderr());
        }
        if (file != null) {
            List<String> lines = r.stderr().lines().toList();
            int at = lines.indexOf(matching);
            String quoted = text.split("\n")[line - 1];
            assertEquals(quoted, lines.get(at + 1), "the config line is quoted under the error");
            assertTrue(lines.get(at + 2).strip().equals("^"), "a caret under it:\n" + r.stderr());
        }
    }
}
