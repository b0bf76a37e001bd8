package dev.hwdesc.vectors.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.bench.GeneratedDts;
import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs dtc struggles with compile, and fdtdump (which is linear) agrees on what came out: flat
 * trees past dtc's "memory exhausted" (about 10,000 siblings) and a million nodes each referencing
 * another. Slow: runs under CI (CI=true), or locally with -Dhwdesc.ci=true.
 */
class ScaleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gen_dts.py {0} {1}")
    @CsvSource({"flat, 32000", "flat, 1000000", "refs, 1000000"})
    void largeSourcesCompileAndFdtdumpAgrees(String kind, int n) throws Exception {
        Assumptions.assumeTrue(ReferenceTool.underCi(), "slow: runs under CI=true");
        String fdtdump = ReferenceTool.FDTDUMP.require();
        Path src = dir.resolve(kind + "-" + n + ".dts");
        Files.writeString(src, GeneratedDts.text(kind, n));
        Path out = dir.resolve(kind + "-" + n + ".dtb");
        long start = System.nanoTime();
        var r = Hwdesc.run(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), src.toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());
        System.out.printf("scale: %s %d compiled in %d ms (in-process), %d bytes%n", kind, n, millis, Files.size(out));

        DeviceTree tree = DtbReader.read(Files.readAllBytes(out));
        int[] counts = count(tree);
        assertEquals(n + 1, counts[0], "nodes: the root and one per generated node");
        // Dump to a file: a million-node dump is too large to hold as one Java string.
        Path dump = dir.resolve(kind + "-" + n + ".dump");
        var d = new ProcessBuilder(fdtdump, out.toString()).redirectOutput(dump.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, d.waitFor(), "fdtdump exit");
        long nodes;
        long properties;
        try (var lines = Files.lines(dump, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            long[] c = new long[2];
            lines.forEach(l -> {
                String t = l.strip();
                if (t.endsWith("{")) {
                    c[0]++;
                } else if (t.endsWith(";") && !t.equals("};") && !t.startsWith("//") && !t.startsWith("/dts-v1/")
                        && !t.startsWith("/memreserve/")) {
                    c[1]++;
                }
            });
            nodes = c[0];
            properties = c[1];
        }
        assertEquals(counts[0], nodes, "fdtdump's node count");
        assertEquals(counts[1], properties, "fdtdump's property count");
        assertTrue(properties >= 3L * n, "every generated node has its properties");
    }

    /** {nodes, properties} of a tree, by walking it. */
    private static int[] count(DeviceTree tree) {
        int nodes = 0;
        int properties = 0;
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(tree.root());
        while (!todo.isEmpty()) {
            Node x = todo.pop();
            nodes++;
            properties += x.properties().size();
            x.children().forEach(todo::push);
        }
        return new int[] {nodes, properties};
    }
}
